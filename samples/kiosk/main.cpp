// cccd-sample-kiosk: the server of a self-service kiosk (a hospital or a public-service centre). The citizen taps
// the ID card and looks at the camera; a verified citizen gets a queue ticket. The server keeps an anonymous tally
// only: no ID number, name, date of birth or photo ever reaches it.
#include "common/sample_server.hpp"
#include "kiosk/kiosk_routes.hpp"
#include "kiosk/rules/kiosk_schema.hpp"
#include "kiosk/kiosk_settings.hpp"
#include "kiosk/rules/ticket_book.hpp"

using namespace cccd::samples;
using namespace cccd::samples::kiosk;

int main(int argc, char** argv)
{
    CLI::App app{"Self-service kiosk: tap the ID card, look at the camera, get a queue ticket"};
    SampleOptions options;
    options.port = 8803;
    KioskSettings settings;
    addSampleOptions(app, options);
    addKioskOptions(app, settings);
    CLI11_PARSE(app, argc, argv);

    return runSample([&] {
        if (options.webDir.empty()) options.webDir = CCCD_SAMPLE_WEB_DIR;
        options.commonWebDir = CCCD_SAMPLE_COMMON_WEB_DIR;
        SampleServer server("kiosk", options);
        migrate(server.db(), "kiosk", kioskMigrations());
        TicketBook book(server.db());
        addKioskRoutes(server, book, settings);
        server.addConfig(kioskConfig(settings));
        return server.run();
    });
}
