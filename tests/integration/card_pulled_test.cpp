// The card pulled at every step of a full read (PACE, chip and active authentication, every data group, the face,
// verification), pcscd crashing and coming back, and the reader unplugged mid-read: each read ends with a clear,
// typed error in bounded time, and the next tap reads completely, through the CLI and through one agent process.
// The figures go to docs/security-figures/card-pulled.md (Release runs only).
#include "child_process.hpp"
#include "figures_file.hpp"
#include "measured_run.hpp"
#include "pcscd_instance.hpp"
#include "tcp_port.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <future>
#include <thread>

using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::MeasuredRun;
using cccd::test::VcardInstance;
using namespace std::chrono_literals;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";
constexpr double boundSeconds = 10; // a clerk waits this long at most for a verdict on a pulled card

std::vector<std::string> readCommand()
{
    return {programPath("cccd"), "read", "--id", "001090123456", "--trust", testCsca, "--json"};
}

MeasuredRun cliRead() { return cccd::test::runMeasured(readCommand(), {}, 60s); }

// A read started now, finished in the background while the test breaks something under it.
std::future<MeasuredRun> cliReadInBackground()
{
    return std::async(std::launch::async, [] { return cliRead(); });
}

// A complete read of the genuine card: the data, the face and a VALID verdict, nothing left over from before.
void requireCompleteRead(const MeasuredRun& r)
{
    INFO(r.out << r.err);
    REQUIRE(r.exitCode == 0);
    nlohmann::json report = nlohmann::json::parse(r.out);
    CHECK(report["document"]["id_number"] == "001090123456");
    CHECK(report["face"]["format"] == "JPEG");
    CHECK(report["verification"]["overall"] == "VALID");
}

// The exchanges of a full read of the sample card with the face (one line per exchange in cccd-vcard --stats).
int exchangesOfFullRead(const PcscdInstance& pcscd)
{
    std::string stats = pcscd.workDir() + "/stats";
    {
        VcardInstance card(pcscd, "", {"--link", "none", "--stats", stats});
        requireCompleteRead(cliRead());
    }
    std::ifstream in(stats);
    return static_cast<int>(std::count(std::istreambuf_iterator<char>(in), {}, '\n'));
}

struct AgentAnswer {
    int status = 0;
    nlohmann::json body;
    double seconds = 0;
};

// The agent on a free port, with the test's pcscd (inherited PCSCLITE_CSOCK_NAME), reached with curl as a page would.
class Agent {
public:
    explicit Agent(const PcscdInstance& pcscd) : pcscd_(pcscd), port_(cccd::test::freeTcpPort())
    {
        pid_ = cccd::test::startProcess({programPath("cccd-agent"), "--port", std::to_string(port_), "--origin", page, "--token-file",
                                         pcscd.workDir() + "/agent-token", "--trust", testCsca});
        for (int i = 0; i < 200 && pcscd_.run("curl -sf " + url("/v1/health") + " >/dev/null") != 0; ++i) std::this_thread::sleep_for(50ms);
        REQUIRE(pcscd_.run("curl -sf " + url("/v1/health") + " >/dev/null") == 0);
    }
    ~Agent() { cccd::test::stopProcess(pid_); }
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    bool running() const { return pcscd_.run("curl -sf " + url("/v1/health") + " >/dev/null") == 0; }

    /** POST /v1/read with the face. */
    AgentAnswer read() const
    {
        std::string body = pcscd_.workDir() + "/agent-answer.json";
        std::string request = R"({"key": {"id": "001090123456"}, "face": true, "fields": ["id_number"]})";
        std::string status;
        const auto start = std::chrono::steady_clock::now();
        pcscd_.run("curl -s -m 60 -o " + body + " -w '%{http_code}' -H 'Origin: " + page + "' -H 'Content-Type: application/json' -d '" + request +
                       "' " + url("/v1/read"),
                   &status);
        double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::ifstream in(body);
        return {std::atoi(status.c_str()), nlohmann::json::parse(in, nullptr, false), seconds};
    }

private:
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    static constexpr const char* page = "http://localhost:9000";
    const PcscdInstance& pcscd_;
    int port_;
    pid_t pid_ = -1;
};

void requireCompleteAgentRead(const Agent& agent)
{
    AgentAnswer a = agent.read();
    INFO(a.body.dump());
    REQUIRE(a.status == 200);
    CHECK(a.body["document"]["id_number"] == "001090123456");
    CHECK(a.body["face"]["format"] == "JPEG");
    CHECK(a.body["verification"]["overall"] == "VALID");
}

// A read the card left in the middle of: 410 card_removed, in bounded time.
void checkAgentSawRemoval(const AgentAnswer& a, double& slowest)
{
    INFO(a.status << " " << a.body.dump());
    CHECK(a.status == 410);
    CHECK(a.body["error"]["code"] == "card_removed");
    CHECK(a.seconds < boundSeconds);
    slowest = std::max(slowest, a.seconds);
}

const std::vector<std::string> figuresHeader{
    "# The card pulled, pcscd crashed, the reader unplugged", "",
    "Regenerated by `tests/integration/card_pulled_test.cpp` (Release build; 2-core machine). A full read is PACE-CAN, every data group",
    "with the face, chip and active authentication and passive authentication.", "",
    "| case | runs | outcome of the broken read | slowest broken read (s) | the next tap |", "|---|---|---|---|---|"};

void recordFigure(const std::string& key, const std::string& rest)
{
    cccd::test::recordFigureRow("card-pulled.md", figuresHeader, key, "| " + key + " | " + rest);
}

} // namespace

TEST_CASE("the card pulled after every exchange of a full read: exit 5 with a clear message, then the next tap reads completely")
{
    PcscdInstance pcscd;
    const int exchanges = exchangesOfFullRead(pcscd);
    REQUIRE(exchanges >= 15); // CardAccess, PACE, SELECT, DG1, DG13, SOD, COM, DG14, DG15, CA, AA, DG2
    double slowest = 0;
    for (int n = 0; n < exchanges; ++n) {
        INFO("the card leaves during exchange " << n + 1 << " of " << exchanges);
        {
            VcardInstance pulled(pcscd, "", {"--link", "none", "--fault", "remove-after:" + std::to_string(n)});
            MeasuredRun r = cliRead();
            INFO(r.out << r.err);
            CHECK(r.exitCode == 5); // an ASan report or a leak would change the exit code
            nlohmann::json error = nlohmann::json::parse(r.out, nullptr, false)["error"];
            CHECK(error["code"] == "card_removed");
            CHECK_THAT(error["message"].get<std::string>(), Catch::StartsWith("the card stopped answering: it was removed or moved"));
            CHECK(r.seconds < boundSeconds);
            slowest = std::max(slowest, r.seconds);
        }
        VcardInstance again(pcscd, "", {"--link", "none"});
        requireCompleteRead(cliRead());
    }
    WARN("slowest broken read: " << slowest << " s");
    recordFigure("CLI, card pulled after exchange N", "N = 0 … " + std::to_string(exchanges - 1) +
                                                          " | exit 5 `card_removed`: \"the card stopped answering: it was removed or moved; hold it on the reader until the read ends\" | " +
                                                          cccd::test::twoDecimals(slowest) + " | read completely, VALID, every time |");
}

TEST_CASE("one agent process through a card pulled after every exchange: 410 card_removed, and its next read works")
{
    PcscdInstance pcscd;
    const int exchanges = exchangesOfFullRead(pcscd);
    Agent agent(pcscd);
    double slowest = 0;
    for (int n = 0; n < exchanges; ++n) {
        INFO("the card leaves during exchange " << n + 1 << " of " << exchanges);
        {
            VcardInstance pulled(pcscd, "", {"--link", "none", "--fault", "remove-after:" + std::to_string(n)});
            checkAgentSawRemoval(agent.read(), slowest);
        }
        VcardInstance again(pcscd, "", {"--link", "none"});
        requireCompleteAgentRead(agent);
    }
    recordFigure("agent, card pulled after exchange N", "N = 0 … " + std::to_string(exchanges - 1) +
                                                            ", one agent process | 410 `card_removed` | " + cccd::test::twoDecimals(slowest) +
                                                            " | 200, VALID, every time, no restart |");
}

TEST_CASE("pcscd killed mid-read: a clear error at once, and reads work again once pcscd is back, the agent without a restart")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd, "", {"--link", "106k"}); // a read of about two seconds: time to crash pcscd in it
    Agent agent(pcscd);
    std::future<MeasuredRun> cli = cliReadInBackground();
    std::this_thread::sleep_for(700ms);
    pcscd.crash();
    MeasuredRun r = cli.get();
    INFO(r.out << r.err);
    CHECK(r.exitCode == 3); // pcscd not running: docs/cli.md
    nlohmann::json error = nlohmann::json::parse(r.out, nullptr, false)["error"];
    CHECK(error["code"] == "service_unavailable");
    CHECK_THAT(error["message"].get<std::string>(), Catch::Contains("pcscd"));
    CHECK(r.seconds < boundSeconds);

    AgentAnswer down = agent.read(); // pcscd still down
    CHECK(down.status == 503);
    CHECK(down.body["error"]["code"] == "service_unavailable");

    pcscd.start(); // the virtual card plugs itself back in when vpcd listens again
    REQUIRE(pcscd.waitForCard("Virtual PCD 00 00", true, 20s));
    requireCompleteRead(cliRead());
    requireCompleteAgentRead(agent);
    recordFigure("pcscd killed mid-read", "1 CLI read at 106 kbit/s | exit 3 `service_unavailable`: \"" +
                                              error["message"].get<std::string>().substr(0, 60) + " …\"; the agent 503 | " + cccd::test::twoDecimals(r.seconds) +
                                              " | once pcscd runs again: the CLI and the same agent read completely |");
}

TEST_CASE("the reader unplugged mid-read (the card's connection to vpcd killed): exit 5, then the reader plugged back reads")
{
    PcscdInstance pcscd;
    double slowest = 0;
    {
        VcardInstance card(pcscd, "", {"--link", "106k"});
        std::future<MeasuredRun> cli = cliReadInBackground();
        std::this_thread::sleep_for(700ms);
        card.kill();
        MeasuredRun r = cli.get();
        INFO(r.out << r.err);
        CHECK(r.exitCode == 5);
        CHECK(nlohmann::json::parse(r.out, nullptr, false)["error"]["code"] == "card_removed");
        CHECK(r.seconds < boundSeconds);
        slowest = r.seconds;
    }
    {
        VcardInstance card(pcscd, "", {"--link", "none"});
        requireCompleteRead(cliRead());
    }
    Agent agent(pcscd);
    {
        VcardInstance card(pcscd, "", {"--link", "106k"});
        std::thread unplug([&card] {
            std::this_thread::sleep_for(700ms);
            card.kill();
        });
        AgentAnswer answer = agent.read();
        unplug.join();
        checkAgentSawRemoval(answer, slowest);
    }
    VcardInstance card(pcscd, "", {"--link", "none"});
    requireCompleteAgentRead(agent);
    recordFigure("reader unplugged mid-read", "CLI and agent, at 106 kbit/s | exit 5 / 410 `card_removed` | " + cccd::test::twoDecimals(slowest) +
                                                  " | read completely, the agent without a restart |");
}
