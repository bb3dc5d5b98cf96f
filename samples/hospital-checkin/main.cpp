// cccd-sample-hospital-checkin: the hospital's reception server. The page on the receptionist's PC reads the CCCD
// through cccd-agent; this server keeps patients and visits (SQLite, or one PostgreSQL for every counter), gives
// queue numbers, asks the insurance gateway (here its local simulator) and serves the queue slip.
#include "common/sample_server.hpp"
#include "routes.hpp"
#include "rules/insurance_gateway_client.hpp"
#include "rules/schema.hpp"

using namespace cccd::samples;
using namespace cccd::samples::hospital;

int main(int argc, char** argv)
{
    CLI::App app{"Hospital reception desk: CCCD check-in, queue numbers, queue slips, insurance status"};
    SampleOptions options;
    options.port = 8801;
    std::string hospitalName = "Bệnh viện Đa khoa Mẫu";
    std::string gatewayUrl = "http://127.0.0.1:8811";
    int gatewayTimeoutMs = 3000;
    int cardWaitSeconds = 30;
    addSampleOptions(app, options);
    app.add_option("--hospital-name", hospitalName, "The hospital's name on the page and the queue slip");
    app.add_option("--insurance-gateway", gatewayUrl,
                   "The insurance gateway's URL (default: the local simulator, cccd-sample-insurance-simulator)");
    app.add_option("--insurance-timeout-ms", gatewayTimeoutMs, "How long a check-in waits for the insurance gateway")
        ->check(CLI::Range(100, 60000));
    app.add_option("--card-wait-seconds", cardWaitSeconds, "How long a read waits for the card to be put on the reader")
        ->check(CLI::Range(1, 600));
    CLI11_PARSE(app, argc, argv);

    return runSample([&] {
        if (options.webDir.empty()) options.webDir = CCCD_SAMPLE_WEB_DIR;
        if (options.commonWebDir.empty()) options.commonWebDir = CCCD_SAMPLE_COMMON_WEB_DIR;
        SampleServer server(appName, options);
        migrate(server.db(), appName, migrations());
        InsuranceGatewayClient insurance(gatewayUrl, std::chrono::milliseconds(gatewayTimeoutMs));
        CheckinDesk desk(server.db(), insurance);
        addRoutes(server, desk);
        server.addConfig({{"hospital_name", hospitalName}, {"card_wait_seconds", cardWaitSeconds}});
        return server.run();
    });
}
