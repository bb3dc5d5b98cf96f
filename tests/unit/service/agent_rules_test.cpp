// The agent's rules without sockets: who may call, which fields a page gets, the token file, the event queues.
#include "cccd/error.hpp"
#include "service/agent_options.hpp"
#include "service/caller_check.hpp"
#include "service/event_hub.hpp"
#include "service/http_error.hpp"
#include "service/report_filter.hpp"
#include "service/token_file.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

using namespace cccd;
using namespace cccd::service;

namespace {
AgentOptions options()
{
    AgentOptions o;
    o.port = 8741;
    o.origins["https://his.example"] = OriginLimits{};
    OriginLimits kiosk;
    kiosk.fields = std::set<std::string>{"id_number", "full_name"};
    kiosk.face = false;
    o.origins["https://kiosk.example"] = kiosk;
    return o;
}

CallerRequest request(std::optional<std::string> origin, std::optional<std::string> authorization = std::nullopt, std::string host = "127.0.0.1:8741")
{
    return CallerRequest{std::move(host), std::move(origin), std::move(authorization), false};
}
} // namespace

TEST_CASE("caller rules: allowed Origin, token, foreign Origin, foreign Host, require-token")
{
    AgentOptions o = options();
    const std::string token(64, 'a');
    CHECK(checkCaller(request("https://his.example"), o, token).status == 200);
    CHECK(checkCaller(request(std::nullopt, "Bearer " + token), o, token).caller == "token");
    CHECK(checkCaller(request(std::nullopt), o, token).status == 401);
    CHECK(checkCaller(request(std::nullopt, "Bearer " + std::string(64, 'b')), o, token).status == 401);
    CHECK(checkCaller(request(std::nullopt, token), o, token).status == 401); // no "Bearer "
    CHECK(checkCaller(request("https://evil.example", "Bearer " + token), o, token).status == 403);
    CHECK(checkCaller(request("https://his.example", std::nullopt, "evil.example:8741"), o, token).status == 403);
    CHECK(checkCaller(request("https://his.example", std::nullopt, "127.0.0.1:9999"), o, token).status == 403);
    for (const char* host : {"127.0.0.1:8741", "localhost:8741", "[::1]:8741"}) CHECK(loopbackHost(host, 8741));
    o.requireToken = true;
    CHECK(checkCaller(request("https://his.example"), o, token).status == 401);
    CHECK(checkCaller(request("https://his.example", "Bearer " + token), o, token).status == 200);
    CHECK_THROWS_AS(checkLoopback("0.0.0.0"), Error);
    CHECK_NOTHROW(checkLoopback("::1"));
}

TEST_CASE("fields: the basic identity by default, names checked, an origin's limits enforced")
{
    CHECK(requestedFields(nlohmann::json::object(), nullptr) == std::set<std::string>{"id_number", "full_name", "date_of_birth", "sex"});
    CHECK(requestedFields({{"fields", {"religion"}}}, nullptr) == std::set<std::string>{"religion"});
    CHECK_THROWS_AS(requestedFields({{"fields", {"password"}}}, nullptr), Error);
    AgentOptions o = options();
    const OriginLimits& kiosk = o.origins.at("https://kiosk.example");
    CHECK_NOTHROW(requestedFields({{"fields", {"full_name"}}}, &kiosk));
    try {
        requestedFields({{"fields", {"full_name", "religion"}}}, &kiosk);
        FAIL("a limited origin got religion");
    } catch (const HttpError& e) {
        CHECK(e.status == 403);
    }
    Document d;
    d.idNumber = "001090123456";
    d.religion = "Không";
    CHECK(documentFields(d, {"id_number"}) == nlohmann::json{{"id_number", "001090123456"}});
}

TEST_CASE("the token file is made once, 0600, and compared in constant time")
{
    std::string path = "/tmp/cccd-token-" + std::to_string(::getpid()) + "/agent-token";
    std::string token = loadOrCreateToken(path);
    CHECK(token.size() == 64);
    CHECK(loadOrCreateToken(path) == token);
    struct stat st {};
    ::stat(path.c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(sameToken(token, token));
    CHECK_FALSE(sameToken(token.substr(1), token));
    std::remove(path.c_str());
}

TEST_CASE("events: every subscriber gets each event, a slow one loses the oldest, closing wakes all")
{
    EventHub hub;
    auto a = hub.subscribe("https://his.example"), b = hub.subscribe("token");
    hub.publish("document", {{"full_name", "x"}}, std::string("token"));
    CHECK_FALSE(hub.next(*a, std::chrono::milliseconds(10)).has_value()); // another caller's read stays private
    CHECK(hub.next(*b, std::chrono::milliseconds(10)).has_value());
    hub.publish("card", {{"present", true}});
    CHECK(hub.next(*a, std::chrono::milliseconds(10)) == std::string("event: card\ndata: {\"present\":true}\n\n"));
    CHECK(hub.next(*b, std::chrono::milliseconds(10)).has_value());
    CHECK_FALSE(hub.next(*a, std::chrono::milliseconds(10)).has_value());
    for (int i = 0; i < 300; ++i) hub.publish("progress", {{"done", i}});
    std::optional<std::string> oldest = hub.next(*a, std::chrono::milliseconds(10));
    REQUIRE(oldest);
    CHECK_THAT(*oldest, Catch::Contains("\"done\":44"));
    hub.unsubscribe(b);
    hub.close();
    CHECK(hub.closed());
    CHECK_FALSE(hub.next(*a, std::chrono::seconds(5)).has_value());
}

TEST_CASE("config file: origins with limits, trust and port")
{
    std::string path = "/tmp/cccd-agent-config-" + std::to_string(::getpid()) + ".json";
    std::ofstream(path) << R"({"port": 9000, "origins": {"https://his.example": {"fields": ["id_number"], "face": false}}, "trust": ["/etc/cccd/trust"]})";
    AgentOptions o;
    loadConfigFile(path, o);
    CHECK(o.port == 9000);
    REQUIRE(o.origins.count("https://his.example"));
    CHECK_FALSE(o.origins.at("https://his.example").face);
    CHECK(o.trustPaths == std::vector<std::string>{"/etc/cccd/trust"});
    std::ofstream(path) << "{not json";
    CHECK_THROWS_AS(loadConfigFile(path, o), Error);
    // A port that is no port (found by fuzzing: 1e70 cast to int was undefined behaviour) is refused by name.
    for (const char* port : {"874133333333333333333333333333333333333333333333333333333333333333", "0", "65536", "-1", "80.5", "\"80\""}) {
        INFO(port);
        std::ofstream(path) << "{\"port\": " << port << "}";
        CHECK_THROWS_WITH(loadConfigFile(path, o), Catch::Contains("port must be a whole number from 1 to 65535"));
    }
    CHECK(o.port == 9000);
    std::remove(path.c_str());
}
