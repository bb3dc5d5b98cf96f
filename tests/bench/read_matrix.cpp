#include "read_matrix.hpp"

#include "card_profiles.hpp"
#include "core/file_io.hpp"
#include "face_sizes.hpp"
#include "vcard_instance.hpp"

#include <fstream>
#include <ostream>

namespace cccd::bench {

namespace {
const std::string sampleCan = "123456"; // the sample citizen's (the last 6 digits of the ID)
const char* const floorFiles[] = {"DG1", "DG13", "SOD", "DG14", "DG15", "DG2"};

std::string writeFace(const std::string& folder, const Bytes& source, std::size_t target)
{
    Bytes jpeg = jpegOfSize(source, target);
    std::string path = folder + "/face-" + std::to_string(target) + ".jpg";
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(jpeg.data()), static_cast<std::streamsize>(jpeg.size()));
    return path;
}

// One card inserted with this link: every strategy, alternating, so slow spells of the machine hit both alike.
void measureOnCard(const test::PcscdInstance& pcscd, const MatrixOptions& options, const std::string& profile, const std::string& stats,
                   const std::shared_ptr<const TrustStore>& trust, std::vector<Configuration*>& configs, std::ostream& progress)
{
    const Configuration& any = *configs.front();
    test::VcardInstance card(pcscd, profile,
                             {"--link", std::to_string(any.rateKbps) + "k", "--fsc", std::to_string(options.fsc), "--fsd",
                              std::to_string(options.fsd), "--stats", stats});
    for (int rep = 0; rep < options.repetitions; ++rep) {
        for (Configuration* c : configs) {
            clearExchangeLog(stats);
            Run run{readOnce(c->strategy, sampleCan, trust), {}};
            run.link = readExchangeLog(stats);
            progress << "  " << nameOf(c->strategy) << ' ' << c->rateKbps << " kbit/s " << (c->extendedLength ? "extended" : "short") << ' '
                     << c->faceBytes / 1000 << " KB: " << (run.read.failure ? "FAILED: " + *run.read.failure
                                                                             : std::to_string(static_cast<int>(run.read.totalMs)) + " ms")
                     << '\n' << std::flush;
            if (!run.read.failure && c->floor.apdus == 0) {
                c->floor = floorFor(c->rateKbps, c->extendedLength, options.fsc, options.fsd, run.read);
                c->firstDataFloor = floorFor(c->rateKbps, c->extendedLength, options.fsc, options.fsd, run.read, true);
            }
            c->runs.push_back(std::move(run));
        }
    }
}
} // namespace

vcard::Floor floorFor(int rateKbps, bool extendedLength, std::size_t fsc, std::size_t fsd, const ReadFigures& read, bool firstData)
{
    vcard::FloorInput in;
    in.link = vcard::linkModelFor(std::to_string(rateKbps) + "k", fsc, fsd);
    in.extendedLength = extendedLength;
    auto size = [&](const char* name) {
        auto it = read.fileBytes.find(name);
        return it == read.fileBytes.end() ? std::size_t{0} : it->second;
    };
    in.cardAccessBytes = size("CardAccess");
    for (const char* name : floorFiles) in.fileBytes.push_back(size(name));
    if (firstData) {
        in.fileBytes.resize(2); // DG1, DG13
        in.proveChip = false;
    }
    return vcard::floorOf(in);
}

std::vector<Configuration> runReadMatrix(const test::PcscdInstance& pcscd, const MatrixOptions& options, const std::string& folder,
                                         const std::shared_ptr<const TrustStore>& trust, std::ostream& progress)
{
    Bytes source = readFileBytes(options.sourceFace.empty() ? vcardDirectory() + "/profiles/faces/sample-face.jpg" : options.sourceFace);
    const std::string stats = folder + "/exchanges.log";
    std::vector<Configuration> all;
    all.reserve(options.faceBytes.size() * options.extendedLength.size() * options.ratesKbps.size() * options.strategies.size());
    for (std::size_t target : options.faceBytes) {
        std::string face = writeFace(folder, source, target);
        std::size_t faceBytes = readFileBytes(face).size();
        for (bool extended : options.extendedLength) {
            std::string profile = writeSampleProfile(folder, "citizen-" + std::to_string(target) + (extended ? "-ext" : "-short"), face, extended);
            for (int rate : options.ratesKbps) {
                std::vector<Configuration*> onThisCard;
                for (Strategy s : options.strategies) {
                    all.push_back(Configuration{s, rate, extended, faceBytes, {}, {}, {}});
                    onThisCard.push_back(&all.back());
                }
                measureOnCard(pcscd, options, profile, stats, trust, onThisCard, progress);
            }
        }
    }
    return all;
}

} // namespace cccd::bench
