// cccd-agent through the real stack (pcscd + cccd-vcard): who may call, data minimisation, events, errors.
#include "agent_instance.hpp"
#include "child_process.hpp"
#include "test_data.hpp"
#include "pcscd_instance.hpp"
#include "tcp_port.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>


#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

using cccd::test::AgentInstance;
using cccd::test::fromPage;
using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {
const std::string page = AgentInstance::page;

// A card on the second reader of vpcd's pair ("Virtual PCD 00 01", the port after the first), besides VcardInstance's.
class SecondCard {
public:
    SecondCard(const PcscdInstance& pcscd, const std::string& profile) : pcscd_(pcscd)
    {
        pid_ = cccd::test::startProcess({programPath("cccd-vcard"), "--port", std::to_string(pcscd.vpcdPort() + 1), "--profile", profile});
        if (!pcscd.waitForCard(reader, true, std::chrono::seconds(20))) FAIL("the second card did not appear within 20 s");
    }
    ~SecondCard()
    {
        cccd::test::stopProcess(pid_);
        pcscd_.waitForCard(reader, false, std::chrono::seconds(5));
    }
    SecondCard(const SecondCard&) = delete;
    SecondCard& operator=(const SecondCard&) = delete;
    static constexpr const char* reader = "Virtual PCD 00 01";

private:
    const PcscdInstance& pcscd_;
    pid_t pid_ = -1;
};

httplib::Headers withToken(const AgentInstance& a) { return {{"Authorization", "Bearer " + a.token()}}; }

nlohmann::json readRequest(const std::string& key, const std::vector<std::string>& fields, bool face = false)
{
    return {{"key", {{"id", key}}}, {"fields", fields}, {"face", face}, {"request_id", "test-1"}};
}

// Collects the event stream until a "done" or "error" event, in a thread.
std::future<std::vector<std::pair<std::string, nlohmann::json>>> collectEvents(const AgentInstance& agent, httplib::Headers as = fromPage())
{
    auto ready = std::make_shared<std::promise<void>>();
    auto events = std::async(std::launch::async, [&agent, ready, as] {
        std::vector<std::pair<std::string, nlohmann::json>> out;
        std::string buffer;
        httplib::Client c = agent.client();
        c.Get("/v1/events", as, [&](const char* data, std::size_t size) {
            buffer.append(data, size);
            for (std::size_t end; (end = buffer.find("\n\n")) != std::string::npos; buffer.erase(0, end + 2)) {
                std::istringstream frame(buffer.substr(0, end));
                std::string line, event, payload;
                while (std::getline(frame, line)) {
                    if (line.rfind("event: ", 0) == 0) event = line.substr(7);
                    if (line.rfind("data: ", 0) == 0) payload = line.substr(6);
                }
                if (event.empty()) continue;
                if (event == "ready") ready->set_value();
                else out.emplace_back(event, nlohmann::json::parse(payload));
                if (event == "done" || event == "error") return false;
            }
            return true;
        });
        return out;
    });
    ready->get_future().wait_for(std::chrono::seconds(10));
    return events;
}

std::string traceOf(const std::string& path)
{
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
}
} // namespace

TEST_CASE("agent: a page gets only the fields it named, the face is never read, and the name comes before done")
{
    PcscdInstance pcscd;
    std::string trace = pcscd.workDir() + "/commands";
    VcardInstance card(pcscd, "", {"--trace", trace});
    AgentInstance agent(pcscd);
    auto events = collectEvents(agent);
    std::vector<std::string> otherCaller; // another program on this PC, listening to the same agent
    std::thread listener([&] {
        httplib::Client quiet = agent.client();
        quiet.set_read_timeout(3, 0); // nothing of this read may come; the stream goes quiet and the call returns
        quiet.Get("/v1/events", withToken(agent), [&](const char* data, std::size_t size) {
            otherCaller.emplace_back(data, size);
            return otherCaller.size() < 50;
        });
    });
    auto res = agent.client().Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number", "full_name"}).dump(), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Access-Control-Allow-Origin") == page);
    nlohmann::json report = nlohmann::json::parse(res->body);
    CHECK(report["document"] == nlohmann::json{{"id_number", "001090123456"}, {"full_name", "Nguyễn Văn An"}});
    CHECK(report["face"].is_null());
    CHECK(report["verification"]["overall"] == "VALID");
    CHECK(report["request_id"] == "test-1");
    std::string commands = traceOf(trace);
    CHECK_THAT(commands, Catch::Contains("00 B0 8D 00"));   // DG13 was read by its SFI...
    CHECK_THAT(commands, !Catch::Contains("00 B0 82 00"));  // ...DG2 never
    std::vector<std::pair<std::string, nlohmann::json>> seen = events.get();
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back().first == "done");
    auto document = std::find_if(seen.begin(), seen.end(), [](const auto& e) { return e.first == "document"; });
    REQUIRE(document != seen.end());
    CHECK(document->second["document"] == report["document"]); // the early document is as minimal as the report
    CHECK(std::count_if(seen.begin(), seen.end(), [](const auto& e) { return e.first == "progress"; }) >= 3);
    listener.join();
    std::string heard;
    for (const std::string& chunk : otherCaller) heard += chunk;
    CHECK_THAT(heard, !Catch::Contains("Nguy") && !Catch::Contains("event: document") && !Catch::Contains("event: progress"));
}

TEST_CASE("agent: who may call - an allowed Origin or the token, never a foreign Origin or Host")
{
    PcscdInstance pcscd;
    AgentInstance agent(pcscd);
    httplib::Client c = agent.client();
    CHECK(c.Get("/v1/health")->status == 200);
    CHECK(c.Get("/v1/readers")->status == 401);
    CHECK(c.Get("/v1/readers", httplib::Headers{{"Authorization", "Bearer 00112233445566778899aabbccddeeff"}})->status == 401);
    CHECK(c.Get("/v1/readers", withToken(agent))->status == 200);
    CHECK(c.Get("/v1/readers", fromPage())->status == 200);
    httplib::Headers foreign{{"Origin", "https://evil.example"}, {"Authorization", "Bearer " + agent.token()}};
    auto refused = c.Get("/v1/readers", foreign);
    CHECK(refused->status == 403);
    CHECK(nlohmann::json::parse(refused->body)["error"]["code"] == "forbidden");
    CHECK_FALSE(refused->has_header("Access-Control-Allow-Origin"));
    httplib::Headers rebinding{{"Host", "evil.example:" + std::to_string(agent.port())}, {"Authorization", "Bearer " + agent.token()}};
    CHECK(c.Get("/v1/readers", rebinding)->status == 403);

    auto preflight = c.Options("/v1/read", httplib::Headers{{"Origin", page}, {"Access-Control-Request-Method", "POST"},
                                                            {"Access-Control-Request-Private-Network", "true"}});
    CHECK(preflight->status == 204);
    CHECK(preflight->get_header_value("Access-Control-Allow-Origin") == page);
    CHECK(preflight->get_header_value("Access-Control-Allow-Private-Network") == "true");
    CHECK(c.Options("/v1/read", httplib::Headers{{"Origin", "https://evil.example"}})->status == 403);
    struct stat st {};
    ::stat((pcscd.workDir() + "/agent-token").c_str(), &st);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(agent.token().size() >= 32);
}

TEST_CASE("agent: bad requests, a busy reader and a wrong CAN get their error codes")
{
    PcscdInstance pcscd;
    std::string trace = pcscd.workDir() + "/commands";
    VcardInstance card(pcscd, "", {"--link", "106k", "--trace", trace});
    AgentInstance agent(pcscd);
    httplib::Client c = agent.client();
    auto bad = c.Post("/v1/read", withToken(agent), "{not json", "application/json");
    CHECK(bad->status == 400);
    CHECK(nlohmann::json::parse(bad->body)["error"]["code"] == "invalid_argument");
    auto huge = c.Post("/v1/read", withToken(agent), std::string(9 * 1024 * 1024, 'x'), "application/json");
    REQUIRE(huge);
    CHECK(huge->status == 413);

    auto slow = std::async(std::launch::async, [&agent] {
        return agent.client().Post("/v1/read", withToken(agent), readRequest("001090123456", {"id_number"}, true).dump(), "application/json");
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    auto busy = c.Post("/v1/read", withToken(agent), readRequest("001090123456", {"id_number"}).dump(), "application/json");
    CHECK(busy->status == 409);
    CHECK_THAT(nlohmann::json::parse(busy->body)["error"]["message"].get<std::string>(), Catch::Contains("Virtual PCD 00 00"));
    CHECK(slow.get()->status == 200);

    std::ofstream(trace, std::ios::trunc).close();
    nlohmann::json wrong = {{"key", {{"can", "000000"}}}};
    auto denied = c.Post("/v1/read", withToken(agent), wrong.dump(), "application/json");
    CHECK(denied->status == 422);
    CHECK(nlohmann::json::parse(denied->body)["error"]["code"] == "wrong_key");
    std::string commands = traceOf(trace);
    CHECK(std::count(commands.begin(), commands.end(), '\n') > 0);
    std::size_t attempts = 0;
    for (std::size_t at = 0; (at = commands.find("00 22 C1 A4", at)) != std::string::npos; ++at) ++attempts;
    CHECK(attempts == 1); // one PACE attempt: chips count failures
}

TEST_CASE("agent: a card pulled mid-read is an error event, and the next read works")
{
    PcscdInstance pcscd;
    AgentInstance agent(pcscd);
    {
        VcardInstance card(pcscd, "", {"--fault", "remove-after:12"});
        auto events = collectEvents(agent);
        auto res = agent.client().Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number"}).dump(), "application/json");
        REQUIRE(res);
        CHECK(res->status == 410);
        CHECK(nlohmann::json::parse(res->body)["error"]["code"] == "card_removed");
        std::vector<std::pair<std::string, nlohmann::json>> seen = events.get();
        REQUIRE_FALSE(seen.empty());
        CHECK(seen.back().first == "error");
        CHECK(seen.back().second["error"]["code"] == "card_removed");
    }
    VcardInstance card(pcscd);
    auto again = agent.client().Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number"}).dump(), "application/json");
    REQUIRE(again);
    CHECK(again->status == 200);
}

TEST_CASE("agent: face match of the chip photo against a frame the page posted")
{
    cccd::test::requireData("models/SHA256SUMS");
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    AgentInstance agent(pcscd);
    httplib::Client c = agent.client();
    auto read = c.Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number"}, true).dump(), "application/json");
    REQUIRE(read->status == 200);
    nlohmann::json face = nlohmann::json::parse(read->body)["face"];
    REQUIRE(face.is_object());
    CHECK(face["format"] == "JPEG");
    // The page's camera frame: here the chip photo itself, as a page would post a JPEG from getUserMedia.
    nlohmann::json match = {{"live", {{"image", face["jpeg_base64"]}}}};
    auto res = c.Post("/v1/face-match", fromPage(), match.dump(), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    nlohmann::json answer = nlohmann::json::parse(res->body);
    CHECK(answer["match"] == true);
    CHECK(answer["score"].get<double>() > 0.9);
    auto noFace = c.Post("/v1/face-match", httplib::Headers{{"Origin", page}}, nlohmann::json{{"live", {{"image", "AAAA"}}}, {"chip", "AAAA"}}.dump(), "application/json");
    CHECK(noFace->status != 200);

    // The session ends (a kiosk's Finish): the agent keeps nothing of the citizen, so a match has no chip photo.
    auto forget = c.Post("/v1/forget", fromPage(), "{}", "application/json");
    REQUIRE(forget);
    CHECK(forget->status == 200);
    auto after = c.Post("/v1/face-match", fromPage(), match.dump(), "application/json");
    CHECK(after->status == 400);
    CHECK_THAT(nlohmann::json::parse(after->body)["error"]["message"].get<std::string>(), Catch::Contains("no chip photo"));
}

TEST_CASE("agent: no card is 409 no_card, never 408 (browsers resend a request answered 408)")
{
    PcscdInstance pcscd;
    AgentInstance agent(pcscd);
    auto res = agent.client().Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number"}).dump(), "application/json");
    REQUIRE(res);
    CHECK(res->status == 409);
    CHECK(nlohmann::json::parse(res->body)["error"]["code"] == "no_card");
}

TEST_CASE("agent: camera:0 is its --camera (a folder of pictures), a camera it cannot open is 503 no_camera, not 500")
{
    std::string portrait = cccd::test::requireData("faces/public-domain/astronaut.png"); // the sample card's holder
    cccd::test::requireData("models/SHA256SUMS");
    PcscdInstance pcscd;
    std::string frames = pcscd.workDir() + "/frames";
    std::filesystem::create_directories(frames);
    std::filesystem::copy_file(portrait, frames + "/0001.png");
    VcardInstance card(pcscd);
    AgentInstance agent(pcscd, {"--camera", frames});
    httplib::Client c = agent.client();
    REQUIRE(c.Post("/v1/read", fromPage(), readRequest("001090123456", {"id_number"}, true).dump(), "application/json")->status == 200);

    auto res = c.Post("/v1/face-match", fromPage(), R"({"live": {"source": "camera:0"}, "liveness": true})", "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    nlohmann::json answer = nlohmann::json::parse(res->body);
    CHECK(answer["match"] == true);
    CHECK(answer["problem"].is_null());
    CHECK(answer["liveness"].is_object());

    // camera:1 has no --camera: the V4L2 device 1, absent on a test machine.
    auto none = c.Post("/v1/face-match", fromPage(), R"({"live": {"source": "camera:1"}})", "application/json");
    REQUIRE(none);
    INFO(none->body);
    CHECK(none->status == 503);
    CHECK(none->get_header_value("Access-Control-Allow-Origin") == page); // the page can read why
    nlohmann::json error = nlohmann::json::parse(none->body)["error"];
    CHECK(error["code"] == "no_camera");
    CHECK_THAT(error["message"].get<std::string>(), Catch::Contains("camera:1") && Catch::Contains("--camera"));
    auto qr = c.Post("/v1/scan-qr", fromPage(), R"({"source": "camera:1"})", "application/json");
    CHECK(qr->status == 503);
    CHECK(nlohmann::json::parse(qr->body)["error"]["code"] == "no_camera");

    // The folder went away after the start: the same answer, naming the option to fix.
    std::filesystem::remove_all(frames);
    auto gone = c.Post("/v1/face-match", fromPage(), R"({"live": {"source": "camera:0"}})", "application/json");
    CHECK(gone->status == 503);
    CHECK_THAT(nlohmann::json::parse(gone->body)["error"]["message"].get<std::string>(), Catch::Contains("--camera " + frames));
}

TEST_CASE("agent: a --camera that does not exist is refused at start (exit 2)")
{
    PcscdInstance pcscd;
    std::string out;
    int code = pcscd.run(programPath("cccd-agent") + " --port " + std::to_string(cccd::test::freeTcpPort()) + " --token-file " + pcscd.workDir() +
                             "/token --camera " + pcscd.workDir() + "/no-such-video.mjpeg",
                         &out);
    CHECK(code == 2);
    CHECK_THAT(out, Catch::Contains("--camera") && Catch::Contains("no-such-video.mjpeg"));
}

TEST_CASE("two cards on two readers: cccd read exits 3 and the agent answers 409 several_cards, naming both, a named reader is read")
{
    PcscdInstance pcscd;
    VcardInstance first(pcscd);                                                           // 001090123456, Virtual PCD 00 00
    SecondCard second(pcscd, cccd::test::sampleProfile("tran-thi-bich-ngoc.json")); // 079301000123
    const std::string both = "two cards are present (Virtual PCD 00 00, Virtual PCD 00 01): remove one, or name the reader";
    const std::string cccd = "XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " read --trust " + cccd::test::testCscaPath();
    std::string out;
    CHECK(pcscd.run(cccd + " --id 001090123456", &out) == 3); // the no-reader-or-card exit code
    CHECK_THAT(out, Catch::Contains(both));
    CHECK(pcscd.run(cccd + " --wait 5 --id 001090123456", &out) == 3); // waiting for a card picks none either
    CHECK_THAT(out, Catch::Contains(both));
    CHECK(pcscd.run(cccd + " --id 001090123456 --json 2>/dev/null", &out) == 3);
    CHECK(nlohmann::json::parse(out, nullptr, false)["error"]["code"] == "several_cards");
    REQUIRE(pcscd.run(cccd + " --reader 'Virtual PCD 00 01' --id 079301000123 --json 2>/dev/null", &out) == 0);
    CHECK(nlohmann::json::parse(out)["document"]["id_number"] == "079301000123");

    AgentInstance agent(pcscd);
    httplib::Client c = agent.client();
    for (double wait : {0.0, 3.0}) {
        nlohmann::json request = readRequest("001090123456", {"id_number"});
        request["wait_seconds"] = wait;
        auto refused = c.Post("/v1/read", fromPage(), request.dump(), "application/json");
        REQUIRE(refused);
        INFO(refused->body);
        CHECK(refused->status == 409);
        nlohmann::json error = nlohmann::json::parse(refused->body)["error"];
        CHECK(error["code"] == "several_cards");
        CHECK(error["message"] == both);
    }
    nlohmann::json named = readRequest("001090123456", {"id_number"});
    named["reader"] = "Virtual PCD 00 00";
    auto read = c.Post("/v1/read", fromPage(), named.dump(), "application/json");
    REQUIRE(read);
    CHECK(read->status == 200);
    CHECK(nlohmann::json::parse(read->body)["document"]["id_number"] == "001090123456");
}
