// The agent's request bodies read field by field: a field of the wrong type is a 400 naming it, never the 500
// internal error that nlohmann's type_error became (found by the fuzz_agent_request target).
#include "cccd/error.hpp"
#include "service/http_error.hpp"
#include "service/request_body.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::service;

namespace {
int statusOf(const nlohmann::json& body)
{
    try {
        (void)readRequestFrom(body, nullptr);
    } catch (const HttpError& e) {
        return e.status;
    }
    return 200;
}

nlohmann::json readBody(const char* field, nlohmann::json value)
{
    nlohmann::json body = {{"key", {{"can", "123456"}}}};
    body[field] = std::move(value);
    return body;
}
} // namespace

TEST_CASE("read request: the fields as sent")
{
    ReadRequest r = readRequestFrom(
        {{"key", {{"can", "123456"}}}, {"face", true}, {"verify", false}, {"wait_seconds", 2.5}, {"request_id", "r1"}, {"reader", "ACS"}}, nullptr);
    CHECK(r.face);
    CHECK_FALSE(r.verify);
    CHECK(r.waitSeconds == 2.5);
    CHECK(r.requestId == "r1");
    CHECK(r.reader == "ACS");
    ReadRequest defaults = readRequestFrom({{"key", {{"can", "123456"}}}}, nullptr);
    CHECK_FALSE(defaults.face);
    CHECK(defaults.verify);
    CHECK_FALSE(defaults.requestId);
}

TEST_CASE("read request: a field of the wrong type is 400, not 500")
{
    CHECK(statusOf(readBody("face", "yes")) == 400);
    CHECK(statusOf(readBody("verify", 1)) == 400);
    CHECK(statusOf(readBody("wait_seconds", "5")) == 400);
    CHECK(statusOf(readBody("request_id", 7)) == 400);
    CHECK(statusOf(readBody("reader", nlohmann::json::array())) == 400);
    CHECK(statusOf(readBody("wait_seconds", 601)) == 400);
}

TEST_CASE("live input: liveness must be a boolean, live a source or an image")
{
    AgentOptions options;
    CHECK_FALSE(livenessFrom(nlohmann::json::object()));
    CHECK_THROWS_AS(livenessFrom({{"liveness", "true"}}), HttpError);
    CHECK_THROWS_AS(liveFrom(nlohmann::json(3), "live", options), HttpError);
    CHECK(liveFrom({{"image", "AAEC"}}, "live", options).image == std::vector<std::uint8_t>{0, 1, 2});
}
