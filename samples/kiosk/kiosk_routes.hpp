// The kiosk server's API: the page reports how each session ended and gets a queue ticket for a verified citizen.
#pragma once

#include "common/sample_server.hpp"
#include "kiosk/kiosk_settings.hpp"
#include "kiosk/rules/ticket_book.hpp"

namespace cccd::samples::kiosk {

/** POST /api/sessions {outcome} → {outcome, ticket: {number, label, day, issued_at} | null, help_desk};
 *  GET /api/tally → today's {day, tickets, outcomes}. */
void addKioskRoutes(SampleServer& server, TicketBook& book, const KioskSettings& settings);

} // namespace cccd::samples::kiosk
