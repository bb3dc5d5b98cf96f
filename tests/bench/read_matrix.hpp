// Full reads through the real pcscd and cccd-vcard, for every bit rate, chip (with and without extended
// length) and face size asked, each strategy several times, alternating, on the same card; each
// configuration with its floor.
#pragma once

#include "exchange_log.hpp"
#include "read_floor.hpp"
#include "pcscd_instance.hpp"
#include "read_strategies.hpp"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace cccd::bench {

struct MatrixOptions {
    std::vector<int> ratesKbps{106, 212, 424, 848};
    std::vector<bool> extendedLength{true, false};
    std::vector<std::size_t> faceBytes{15000, 60000};
    std::vector<Strategy> strategies{Strategy::Cccd, Strategy::Baseline};
    int repetitions = 5;
    std::size_t fsc = 256, fsd = 256;
    std::string sourceFace; ///< any JPEG the faces are made from (default: the sample profile's)
};

struct Run {
    ReadFigures read;
    ExchangeTotals link; ///< as the card saw it
};

struct Configuration {
    Strategy strategy = Strategy::Cccd;
    int rateKbps = 0;
    bool extendedLength = true;
    std::size_t faceBytes = 0; ///< the JPEG's actual size
    std::vector<Run> runs;
    vcard::Floor floor;
    vcard::Floor firstDataFloor; ///< the least time to DG1 + DG13: EF.CardAccess, PACE, SELECT, DG1, DG13
};

/** Runs the matrix; progress lines go to progress (e.g. stderr). folder: where faces and profiles are made. */
std::vector<Configuration> runReadMatrix(const test::PcscdInstance& pcscd, const MatrixOptions& options, const std::string& folder,
                                         const std::shared_ptr<const TrustStore>& trust, std::ostream& progress);

/** The floor of a configuration from the sizes of the files a read brought back (firstData: up to DG1 + DG13 only). */
vcard::Floor floorFor(int rateKbps, bool extendedLength, std::size_t fsc, std::size_t fsd, const ReadFigures& read, bool firstData = false);

} // namespace cccd::bench
