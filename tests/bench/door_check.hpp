// The exam-hall door, end to end through the SDK: a queue of candidates, each with their own card (a
// different citizen, chip and face) and a live frame of the same person taken from another photo. Per
// candidate: the card is put on the reader, read (PACE with the ID from the exam list), verified, its face
// compared with the live frame with liveness, and a decision made; then the card is taken away and the next
// one put down. Timed from the card's insertion to the decision.
#pragma once

#include "cccd/trust_store.hpp"
#include "sample_stats.hpp"

#include <memory>
#include <ostream>
#include <string>

namespace cccd::bench {

struct DoorOptions {
    int candidates = 20;
    int rateKbps = 424;
    std::string facesFolder; ///< one folder per person (LFW): the first photo goes on the chip, the second is the live frame
    std::string modelFolder;
    int vpcdPort = 0;
};

struct DoorFigures {
    int candidates = 0, admitted = 0, refused = 0, failed = 0;
    int notValid = 0, noMatch = 0, notLive = 0, noUsableFace = 0; ///< why candidates were refused
    /// ms: the whole; insertion until the reader reports the card (pcscd's polling); the read (insertion to verified); the face step
    Spread insertionToDecision, detection, read, faceMatch;
};

DoorFigures runDoorCheck(const DoorOptions& options, const std::shared_ptr<const TrustStore>& trust, std::ostream& progress);

} // namespace cccd::bench
