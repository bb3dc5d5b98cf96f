// cccd-sample-insurance-simulator: a local SIMULATOR of the social-insurance (BHXH) gateway's card lookup, for the
// hospital-checkin demo and tests. Its answers come from a JSON file; --delay-ms and --fault (or POST
// /simulator/settings while it runs) make it slow or failing, to show that a check-in survives both.
// It is not the real gateway and does not speak its protocol.
#include "common/clock.hpp"
#include "common/sample_server.hpp"
#include "insured_people.hpp"

#include <CLI/CLI.hpp>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <thread>

using namespace cccd::samples;
using nlohmann::json;

namespace {

const char* appName = "insurance-simulator";

struct Behaviour {
    std::atomic<int> delayMs{0};
    std::atomic<bool> failing{false}; ///< --fault error: every lookup answers 503
};

void reply(httplib::Response& res, int status, const json& body)
{
    res.status = status;
    res.set_content(body.dump(), "application/json");
}

json settingsJson(const Behaviour& behaviour)
{
    return {{"delay_ms", behaviour.delayMs.load()}, {"fault", behaviour.failing ? "error" : "none"}, {"simulator", true}};
}

httplib::Server* running = nullptr;

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"SIMULATOR of the social-insurance (BHXH) gateway's card lookup, for demos and tests (not the real gateway)"};
    int port = 8811;
    std::string bind = "127.0.0.1";
    std::string dataFile = CCCD_INSURANCE_SIMULATOR_DATA;
    int delayMs = 0;
    std::string fault = "none";
    app.add_option("--port", port, "TCP port")->check(CLI::Range(1, 65535));
    app.add_option("--bind", bind, "Address to listen on");
    app.add_option("--data", dataFile, "The simulated insurance cards (JSON)");
    app.add_option("--delay-ms", delayMs, "Wait this long before each answer (a slow gateway; longer than the desk's timeout = a timeout)")
        ->check(CLI::Range(0, 600000));
    app.add_option("--fault", fault, "error: answer every lookup with 503, as a gateway in maintenance does")
        ->check(CLI::IsMember({"none", "error"}));
    CLI11_PARSE(app, argc, argv);

    return runSample([&] {
        const auto people = simulator::InsuredPeople::fromFile(dataFile);
        Behaviour behaviour;
        behaviour.delayMs = delayMs;
        behaviour.failing = fault == "error";

        httplib::Server http;
        http.Get("/health", [&](const httplib::Request&, httplib::Response& res) {
            reply(res, 200, {{"status", "ok"}, {"simulator", true}, {"name", "insurance gateway SIMULATOR (not the real BHXH gateway)"}});
        });
        http.Post("/v1/insurance-cards/lookup", [&](const httplib::Request& req, httplib::Response& res) {
            json body = json::parse(req.body, nullptr, false);
            if (!body.is_object() || !body.contains("id_number") || !body["id_number"].is_string()) {
                reply(res, 400, {{"error", {{"code", "invalid_argument"}, {"message", "id_number missing"}}}});
                return;
            }
            const std::string id = body["id_number"].get<std::string>();
            std::this_thread::sleep_for(std::chrono::milliseconds(behaviour.delayMs.load()));
            if (behaviour.failing) {
                logLine(appName, "lookup " + maskId(id) + ": simulated fault, 503");
                reply(res, 503, {{"error", {{"code", "unavailable"}, {"message", "simulated gateway fault"}}}, {"simulator", true}});
                return;
            }
            auto answer = people.lookup(id, localDate());
            logLine(appName, "lookup " + maskId(id) + ": " + (answer ? (*answer)["status"].get<std::string>() : "not_found"));
            if (!answer) {
                reply(res, 404, {{"status", "not_found"}, {"simulator", true}});
                return;
            }
            (*answer)["simulator"] = true;
            reply(res, 200, *answer);
        });
        // Tests and demos switch the behaviour without a restart.
        http.Get("/simulator/settings", [&](const httplib::Request&, httplib::Response& res) { reply(res, 200, settingsJson(behaviour)); });
        http.Post("/simulator/settings", [&](const httplib::Request& req, httplib::Response& res) {
            json body = json::parse(req.body, nullptr, false);
            if (!body.is_object()) {
                reply(res, 400, {{"error", {{"code", "invalid_argument"}, {"message", "JSON object expected"}}}});
                return;
            }
            if (body.contains("delay_ms") && body["delay_ms"].is_number_integer()) behaviour.delayMs = body["delay_ms"].get<int>();
            if (body.contains("fault") && body["fault"].is_string()) behaviour.failing = body["fault"] == "error";
            logLine(appName, "settings: " + settingsJson(behaviour).dump());
            reply(res, 200, settingsJson(behaviour));
        });

        running = &http;
        std::signal(SIGTERM, [](int) { running->stop(); });
        std::signal(SIGINT, [](int) { running->stop(); });
        if (!http.bind_to_port(bind, port)) {
            std::cerr << appName << ": cannot listen on " << bind << ":" << port << " (in use?)\n";
            return 1;
        }
        std::cout << "insurance gateway SIMULATOR (not the real BHXH gateway) on http://" << bind << ":" << port << ", "
                  << people.size() << " simulated cards from " << dataFile << std::endl;
        http.listen_after_bind();
        return 0;
    });
}
