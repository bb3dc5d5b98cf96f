#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "pcscd_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

using namespace cccd;
using cccd::test::PcscdInstance;
using cccd::test::programPath;

TEST_CASE("the virtual reader is listed with no card")
{
    PcscdInstance pcscd;
    std::vector<ReaderInfo> readers = listReaders();
    REQUIRE_FALSE(readers.empty());
    CHECK(readers[0].name.find("Virtual PCD") != std::string::npos);
    CHECK_FALSE(readers[0].cardPresent);
    CHECK(readers[0].atrHex.empty());
}

TEST_CASE("cccd readers --json lists the virtual reader")
{
    PcscdInstance pcscd;
    std::string out;
    REQUIRE(pcscd.run(programPath("cccd") + " readers --json", &out) == 0);
    nlohmann::json json = nlohmann::json::parse(out);
    REQUIRE(json["readers"].size() >= 1);
    CHECK(json["readers"][0]["index"] == 0);
    CHECK(json["readers"][0]["name"].get<std::string>().find("Virtual PCD") != std::string::npos);
    CHECK(json["readers"][0]["card_present"] == false);
    CHECK(json["readers"][0]["atr"].is_null());

    REQUIRE(pcscd.run(programPath("cccd") + " readers", &out) == 0);
    CHECK_THAT(out, Catch::Contains("0: Virtual PCD") && Catch::Contains("no card"));
}

TEST_CASE("cccd readers exits 3 and says so when pcscd is not running")
{
    std::string command = "PCSCLITE_CSOCK_NAME=/nonexistent/pcscd.comm " + programPath("cccd") + " readers 2>&1";
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[1024];
    std::string out;
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    int status = ::pclose(pipe);
    CHECK(WEXITSTATUS(status) == 3);
    CHECK_THAT(out, Catch::Contains("pcscd is not running"));
}

TEST_CASE("waiting for a card times out with NoCard")
{
    PcscdInstance pcscd;
    auto start = std::chrono::steady_clock::now();
    try {
        waitForCard("", std::chrono::milliseconds(300));
        FAIL("no timeout");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::NoCard);
        CHECK_THAT(e.what(), Catch::Contains("no card was presented"));
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("choosing a reader by index, by name, and a clear error for a wrong one")
{
    PcscdInstance pcscd;
    std::string first = chooseReader("0");
    CHECK(first.find("Virtual PCD") != std::string::npos);
    CHECK(chooseReader(first) == first);
    CHECK(chooseReader("") == first);
    try {
        chooseReader("9");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::NoReader);
        CHECK_THAT(e.what(), Catch::Contains("0: Virtual PCD"));
    }
}

TEST_CASE("the reader monitor reports the readers at start and stops promptly")
{
    PcscdInstance pcscd;
    std::mutex mutex;
    std::vector<ReaderEvent> events;
    auto start = std::chrono::steady_clock::now();
    {
        ReaderMonitor monitor([&](const ReaderEvent& e) {
            std::lock_guard<std::mutex> lock(mutex);
            events.push_back(e);
        });
        for (int i = 0; i < 200; ++i) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (!events.empty()) break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(4));
    std::lock_guard<std::mutex> lock(mutex);
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].type == ReaderEventType::ReaderAdded);
    CHECK(events[0].reader.find("Virtual PCD") != std::string::npos);
    for (const ReaderEvent& e : events) CHECK(e.type == ReaderEventType::ReaderAdded); // no card on any reader
}

TEST_CASE("cccd read with no card on the reader exits 3 and says what to do")
{
    PcscdInstance pcscd;
    std::string out;
    CHECK(pcscd.run(programPath("cccd") + " read --id 001090123456", &out) == 3);
    CHECK_THAT(out, Catch::Contains("no card on the reader: place the card on it"));
}
