#include "kiosk/kiosk_routes.hpp"

#include "common/clock.hpp"

namespace cccd::samples::kiosk {
namespace {

nlohmann::json ticketJson(const SessionRecord& record, const KioskSettings& settings)
{
    if (!record.ticketNumber) return nullptr;
    return {{"number", *record.ticketNumber}, {"label", ticketLabel(settings.ticketPrefix, *record.ticketNumber)},
            {"day", record.day}, {"issued_at", record.finishedAt}};
}

} // namespace

void addKioskRoutes(SampleServer& server, TicketBook& book, const KioskSettings& settings)
{
    server.post("/api/sessions", [&book, &settings](const httplib::Request&, const nlohmann::json& body) {
        std::string word = requiredText(body, "outcome");
        std::optional<Outcome> outcome = parseOutcome(word);
        if (!outcome) throw ApiError{400, "invalid_argument", "unknown outcome '" + word + "'"};
        SessionRecord record = book.finish(*outcome, localDate(), utcTimestamp());
        // The log says what the tally says: an outcome and a number, nothing about the person.
        logLine("kiosk", "session " + word + (record.ticketNumber ? " ticket " + ticketLabel(settings.ticketPrefix, *record.ticketNumber) : ""));
        return nlohmann::json{{"outcome", word}, {"ticket", ticketJson(record, settings)}, {"help_desk", settings.helpDesk}};
    });
    server.get("/api/tally", [&book](const httplib::Request&, const nlohmann::json&) {
        DayTally tally = book.tally(localDate());
        return nlohmann::json{{"day", tally.day}, {"tickets", tally.tickets}, {"outcomes", tally.outcomes}};
    });
}

} // namespace cccd::samples::kiosk
