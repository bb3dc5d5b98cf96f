#include "kiosk/kiosk_settings.hpp"

namespace cccd::samples::kiosk {

void addKioskOptions(CLI::App& app, KioskSettings& s)
{
    app.add_option("--idle-seconds", s.idleSeconds, "Seconds without a touch before the kiosk wipes the screen and starts over")
        ->check(CLI::Range(3, 3600));
    app.add_option("--result-seconds", s.resultSeconds, "Seconds a result or a problem stays on screen")->check(CLI::Range(2, 600));
    app.add_option("--help-desk", s.helpDesk, "The counter people are sent to when the kiosk cannot help them");
    app.add_option("--ticket-prefix", s.ticketPrefix, "Letters before the queue number on the ticket");
    app.add_option("--org", s.org, "The organisation's name, on the screen and the ticket");
    app.add_option("--service", s.service, "The service the queue ticket is for");
    app.add_option("--camera", s.camera, "page: the browser's camera (getUserMedia); agent: cccd-agent's camera:0")
        ->check(CLI::IsMember({"page", "agent"}));
    app.add_flag("--print", s.print, "Print the ticket at once (start Chromium with --kiosk --kiosk-printing)");
}

nlohmann::json kioskConfig(const KioskSettings& s)
{
    return {{"idle_seconds", s.idleSeconds}, {"result_seconds", s.resultSeconds}, {"help_desk", s.helpDesk},
            {"ticket_prefix", s.ticketPrefix}, {"org", s.org}, {"service", s.service}, {"camera", s.camera},
            {"print", s.print}};
}

} // namespace cccd::samples::kiosk
