// The kiosk's queue numbers and its anonymous daily tally: each finished session is one row (day, ticket number or
// none, time, outcome). Numbers restart at 1 each local day and are unique across every kiosk sharing the database.
#pragma once

#include "common/database.hpp"
#include "kiosk/rules/session_outcome.hpp"

#include <map>
#include <optional>
#include <string>

namespace cccd::samples::kiosk {

/** A finished session as stored: nothing in it identifies the citizen. */
struct SessionRecord {
    std::string day;                       ///< local day, "2026-11-30"
    std::optional<long long> ticketNumber; ///< 1, 2, ... for a verified citizen; none otherwise
    std::string finishedAt;                ///< UTC, "2026-11-30T01:23:45Z"
    Outcome outcome;
};

/** How a day went: tickets issued and sessions per outcome word. */
struct DayTally {
    std::string day;
    long long tickets = 0;
    std::map<std::string, long long> outcomes; ///< every outcome word, 0 when none
};

class TicketBook {
public:
    explicit TicketBook(Database& db) : db_(db) {}

    /** Records a finished session; a verified one takes the day's next ticket number, in the same transaction. */
    SessionRecord finish(Outcome outcome, const std::string& day, const std::string& finishedAt);
    /** The tally of one day. */
    DayTally tally(const std::string& day);

private:
    Database& db_;
};

/** The number as printed on the ticket: the prefix and at least three digits ("A007", "A1234"). */
std::string ticketLabel(const std::string& prefix, long long number);

} // namespace cccd::samples::kiosk
