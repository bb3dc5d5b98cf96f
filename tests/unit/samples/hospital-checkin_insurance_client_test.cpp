// The desk's client of the insurance gateway (the simulator's API): answers mapped to statuses, and a slow, failing
// or absent gateway turned into InsuranceUnavailable within the timeout.
#include "rules/insurance_gateway_client.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>

#include <arpa/inet.h>
#include <atomic>
#include <chrono>
#include <thread>
#include <unistd.h>

using namespace cccd::samples::hospital;
using namespace std::chrono_literals;

namespace {

/** A gateway on a free loopback port, answering with `handler`. */
struct FakeGateway {
    httplib::Server server;
    int port = 0;
    std::thread thread;
    std::atomic<int> delayMs{0};

    explicit FakeGateway(httplib::Server::Handler handler)
    {
        server.Post("/v1/insurance-cards/lookup", [this, handler](const httplib::Request& req, httplib::Response& res) {
            std::this_thread::sleep_for(std::chrono::milliseconds(delayMs.load()));
            handler(req, res);
        });
        port = server.bind_to_any_port("127.0.0.1");
        thread = std::thread([this] { server.listen_after_bind(); }); // bound and listening already: callers queue
    }
    ~FakeGateway()
    {
        server.stop();
        thread.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port); }
};

/** A loopback port nothing listens on: bound once by the system's choice, then closed. */
int closedPort()
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), size);
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

std::string reasonOf(InsuranceLookup& lookup)
{
    try {
        lookup.lookup("001090123456");
    } catch (const InsuranceUnavailable& e) {
        return e.reason();
    }
    return "answered";
}

} // namespace

TEST_CASE("hospital insurance gateway client: valid, expired and not found answers")
{
    FakeGateway gateway([](const httplib::Request& req, httplib::Response& res) {
        if (req.body.find("001090123456") != std::string::npos) {
            res.set_content(R"({"status":"valid","card_number":"DN4010190123456","benefit_percent":80,"valid_to":"2099-12-31",)"
                            R"("registered_hospital":"BV Mẫu","simulator":true})",
                            "application/json");
        } else if (req.body.find("079301000123") != std::string::npos) {
            res.set_content(R"({"status":"expired","card_number":"SV4797930100012","benefit_percent":80,"valid_to":"2024-12-31",)"
                            R"("registered_hospital":null})",
                            "application/json");
        } else {
            res.status = 404;
            res.set_content(R"({"status":"not_found"})", "application/json");
        }
    });
    InsuranceGatewayClient client(gateway.url(), 2000ms);
    InsuranceAnswer valid = client.lookup("001090123456");
    CHECK(valid.status == InsuranceStatus::Valid);
    CHECK(valid.cardNumber == "DN4010190123456");
    CHECK(valid.benefitPercent == 80);
    CHECK(valid.validTo == "2099-12-31");
    CHECK(valid.registeredHospital == "BV Mẫu");
    InsuranceAnswer expired = client.lookup("079301000123");
    CHECK(expired.status == InsuranceStatus::Expired);
    CHECK(expired.registeredHospital.empty());
    CHECK(client.lookup("066158004321").status == InsuranceStatus::NotFound);
}

TEST_CASE("hospital insurance gateway client: a slow gateway is a timeout within the limit, a failing one an error, none unreachable")
{
    FakeGateway gateway([](const httplib::Request&, httplib::Response& res) {
        res.status = 503;
        res.set_content(R"({"error":{"code":"unavailable"}})", "application/json");
    });
    InsuranceGatewayClient client(gateway.url(), 300ms);
    CHECK(reasonOf(client) == "error");

    gateway.delayMs = 1500;
    auto started = std::chrono::steady_clock::now();
    CHECK(reasonOf(client) == "timeout");
    CHECK(std::chrono::steady_clock::now() - started < 1200ms);

    InsuranceGatewayClient nobody("http://127.0.0.1:" + std::to_string(closedPort()), 300ms);
    CHECK(reasonOf(nobody) == "unreachable");
}

TEST_CASE("hospital insurance gateway client: an answer that is not the gateway's JSON is an error, not a status")
{
    FakeGateway gateway([](const httplib::Request&, httplib::Response& res) { res.set_content("<html>proxy login</html>", "text/html"); });
    InsuranceGatewayClient client(gateway.url(), 1000ms);
    CHECK(reasonOf(client) == "error");
}
