#include "door_check.hpp"

#include "card_image.hpp"
#include "card_profiles.hpp"
#include "cccd/card_reader.hpp"
#include "cccd/face.hpp"
#include "cccd/readers.hpp"
#include "core/file_io.hpp"
#include "crypto/crypto.hpp"
#include "link_model.hpp"
#include "virtual_chip.hpp"
#include "vpcd_link.hpp"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

namespace cccd::bench {

namespace {
using Clock = std::chrono::steady_clock;
double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Person {
    std::string chipPhoto, liveFrame;
};

// People with at least two photos, in name order: the same queue on every machine.
std::vector<Person> queueOf(const std::string& folder, int count)
{
    std::set<std::string> people;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.is_directory()) people.insert(entry.path().string());
    }
    std::vector<Person> queue;
    for (const std::string& person : people) {
        std::set<std::string> photos;
        for (const auto& f : std::filesystem::directory_iterator(person)) photos.insert(f.path().string());
        if (photos.size() < 2) continue;
        queue.push_back({*photos.begin(), *std::next(photos.begin())});
        if (static_cast<int>(queue.size()) == count) break;
    }
    return queue;
}

const std::string doorReader = "Virtual PCD 00 00"; // the vpcd slot on the pcscd instance's port

// A card on the reader for as long as this object lives: the chip served to vpcd on a thread of its own.
class CardOnReader {
public:
    CardOnReader(vcard::VirtualChip& chip, int port)
        : thread_([this, &chip, port] { vcard::VpcdLink("127.0.0.1", port).serve(chip, stop_, std::chrono::seconds(5)); })
    {
    }
    ~CardOnReader()
    {
        stop_ = true;
        thread_.join();
        waitForCardRemoval(doorReader, std::chrono::seconds(5)); // the reader has seen it go before the next one comes
    }
    CardOnReader(const CardOnReader&) = delete;
    CardOnReader& operator=(const CardOnReader&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

enum class Decision { Admitted, NotValid, NoMatch, NotLive, NoUsableFace };

struct Outcome {
    Decision decision = Decision::NotValid;
    double detectionMs = 0, readMs = 0, faceMs = 0, totalMs = 0;
};

Decision decide(const ReadResult& r, const Bytes& liveFrame, FaceMatcher& matcher)
{
    if (r.verification.overall != Verdict::Valid || !r.face) return Decision::NotValid;
    try {
        FaceMatchResult m = matcher.compare(r.face->data, liveFrame, true);
        if (!m.match) return Decision::NoMatch;
        return m.liveness && m.liveness->live ? Decision::Admitted : Decision::NotLive;
    } catch (const FaceNotUsable&) {
        return Decision::NoUsableFace; // at a real door: the advice is shown and the candidate tries again
    }
}

void count(DoorFigures& f, Decision d)
{
    switch (d) {
    case Decision::Admitted: ++f.admitted; return;
    case Decision::NotValid: ++f.notValid; break;
    case Decision::NoMatch: ++f.noMatch; break;
    case Decision::NotLive: ++f.notLive; break;
    case Decision::NoUsableFace: ++f.noUsableFace; break;
    }
    ++f.refused;
}

Outcome admitOne(const vcard::Profile& profile, const Bytes& liveFrame, FaceMatcher& matcher, const DoorOptions& options,
                 const std::shared_ptr<const TrustStore>& trust)
{
    vcard::VirtualChip chip(vcard::personalize(profile, {}, vcardDirectory() + "/pki"), {},
                            vcard::linkModelFor(std::to_string(options.rateKbps) + "k"), crypto::systemRandom());
    ReadOptions read;
    read.trust = trust;
    read.waitForCard = std::chrono::seconds(10);
    Outcome o;
    const auto inserted = Clock::now();
    read.onStage = [&](ReadStage stage) {
        if (stage == ReadStage::Connecting) o.detectionMs = msSince(inserted);
    };
    CardOnReader onReader(chip, options.vpcdPort);
    ReadResult r = readCard(AccessKey::fromIdNumber(*profile.document.idNumber), read);
    o.readMs = msSince(inserted);
    const auto faceStart = Clock::now();
    o.decision = decide(r, liveFrame, matcher);
    o.faceMs = msSince(faceStart);
    o.totalMs = msSince(inserted);
    return o;
}
} // namespace

DoorFigures runDoorCheck(const DoorOptions& options, const std::shared_ptr<const TrustStore>& trust, std::ostream& progress)
{
    FaceMatcher matcher(options.modelFolder); // loaded once, before the doors open
    DoorFigures figures;
    std::vector<double> total, detection, read, face;
    std::vector<Person> queue = queueOf(options.facesFolder, options.candidates);
    for (std::size_t i = 0; i < queue.size(); ++i) {
        vcard::Profile profile = candidateProfile(static_cast<int>(i), queue[i].chipPhoto);
        ++figures.candidates;
        try {
            Outcome o = admitOne(profile, readFileBytes(queue[i].liveFrame), matcher, options, trust);
            count(figures, o.decision);
            total.push_back(o.totalMs);
            detection.push_back(o.detectionMs);
            read.push_back(o.readMs);
            face.push_back(o.faceMs);
            progress << "  candidate " << i + 1 << ": " << (o.decision == Decision::Admitted ? "admitted" : "refused") << " in "
                     << static_cast<int>(o.totalMs)
                     << " ms\n" << std::flush;
        } catch (const std::exception& e) {
            ++figures.failed;
            progress << "  candidate " << i + 1 << ": FAILED: " << e.what() << '\n' << std::flush;
        }
    }
    figures.insertionToDecision = spreadOf(total);
    figures.detection = spreadOf(detection);
    figures.read = spreadOf(read);
    figures.faceMatch = spreadOf(face);
    return figures;
}

} // namespace cccd::bench
