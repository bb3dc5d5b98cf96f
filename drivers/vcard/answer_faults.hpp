// What a hostile chip sends instead of its honest protected answers (faults bad-mac, replay, previous-session):
// answers whose secure messaging the reader must refuse.
#pragma once

#include "core/bytes.hpp"
#include "faults.hpp"

#include <cstddef>
#include <vector>

namespace cccd::vcard {

class ProtectedAnswerFaults {
public:
    explicit ProtectedAnswerFaults(const Faults& faults)
        : badMac_(faults.badMac), replay_(faults.replay), previousSession_(faults.previousSession)
    {
    }

    /** A new secure messaging session began (PACE or BAC succeeded). */
    void sessionStarted();
    /** The answer sent for this honest protected answer (data objects and SW). */
    Bytes apply(Bytes honest);

private:
    bool badMac_, replay_, previousSession_;
    int session_ = 0;
    std::size_t index_ = 0;              ///< protected answers so far in this session
    std::vector<Bytes> firstSession_;    ///< what the first session was answered, for previous-session
    Bytes last_;
};

} // namespace cccd::vcard
