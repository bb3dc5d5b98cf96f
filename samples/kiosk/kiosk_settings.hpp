// What an operator sets for one kiosk: timeouts, the help desk it sends people to, the ticket's look, the camera.
// The page gets these through GET /api/config.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <string>

namespace cccd::samples::kiosk {

struct KioskSettings {
    int idleSeconds = 30;   ///< no touch for this long: back to the first screen, the citizen's data wiped
    int resultSeconds = 15; ///< a result or a problem stays this long, then the first screen again
    std::string helpDesk = "3";                               ///< "please go to counter 3"
    std::string ticketPrefix = "A";                           ///< A001, A002, ...
    std::string org = "Trung tâm Phục vụ Hành chính công";    ///< on the screen and the ticket
    std::string service = "Tiếp nhận hồ sơ";                  ///< the queue the ticket is for
    std::string camera = "page";                              ///< page: the browser's camera; agent: cccd-agent's camera:0
    bool print = false;                                       ///< print the ticket at once (Chromium --kiosk-printing)
};

/** --idle-seconds, --result-seconds, --help-desk, --ticket-prefix, --org, --service, --camera, --print. */
void addKioskOptions(CLI::App& app, KioskSettings& settings);

/** The settings as the page reads them in /api/config. */
nlohmann::json kioskConfig(const KioskSettings& settings);

} // namespace cccd::samples::kiosk
