// Peak resident memory of one full read with face match, in a fresh process (this program run again with
// --rss-probe), so nothing the benchmark itself holds is counted.
#pragma once

#include <optional>
#include <string>

namespace cccd::bench {

/** Runs the probe against the card on the reader; its peak RSS in MB, or nothing if the probe failed. */
std::optional<double> peakRssOfReadWithFaceMatch(const std::string& can, const std::string& modelFolder, const std::string& liveFrame);

/** The probe itself: readCard with the face, verification, then a face match with liveness. Exit code 0 when all ran. */
int runRssProbe(const std::string& can, const std::string& modelFolder, const std::string& liveFrame);

} // namespace cccd::bench
