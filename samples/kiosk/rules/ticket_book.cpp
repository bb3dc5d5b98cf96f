#include "kiosk/rules/ticket_book.hpp"

namespace cccd::samples::kiosk {

SessionRecord TicketBook::finish(Outcome outcome, const std::string& day, const std::string& finishedAt)
{
    SessionRecord record{day, std::nullopt, finishedAt, outcome};
    db_.transaction([&] {
        if (issuesTicket(outcome)) {
            // One statement takes the next number: two kiosks on one PostgreSQL server cannot both get the same.
            auto rows = db_.query("INSERT INTO kiosk_day_counters (day, last_ticket) VALUES (?, 1) "
                                  "ON CONFLICT (day) DO UPDATE SET last_ticket = kiosk_day_counters.last_ticket + 1 "
                                  "RETURNING last_ticket",
                                  {day});
            record.ticketNumber = rows.at(0).integer("last_ticket");
        }
        DbValue ticket = record.ticketNumber ? DbValue(std::to_string(*record.ticketNumber)) : std::nullopt;
        db_.query("INSERT INTO kiosk_sessions (day, ticket_number, finished_at, outcome) VALUES (?, ?, ?, ?)",
                  {day, ticket, finishedAt, outcomeName(outcome)});
    });
    return record;
}

DayTally TicketBook::tally(const std::string& day)
{
    DayTally tally{day, 0, {}};
    for (Outcome outcome : allOutcomes()) tally.outcomes[outcomeName(outcome)] = 0;
    for (const DbRow& row : db_.query("SELECT outcome, COUNT(*) AS sessions, COUNT(ticket_number) AS tickets "
                                      "FROM kiosk_sessions WHERE day = ? GROUP BY outcome",
                                      {day})) {
        tally.outcomes[row.text("outcome")] = row.integer("sessions");
        tally.tickets += row.integer("tickets");
    }
    return tally;
}

std::string ticketLabel(const std::string& prefix, long long number)
{
    std::string digits = std::to_string(number);
    if (digits.size() < 3) digits.insert(0, 3 - digits.size(), '0');
    return prefix + digits;
}

} // namespace cccd::samples::kiosk
