#include "cccd/error.hpp"
#include "transport/reader_profile.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::transport;

TEST_CASE("built-in reader profiles match by name, case-insensitively")
{
    auto omnikey = readerProfileFor("HID Global OMNIKEY 5022 Smart Card Reader [OMNIKEY 5022 Smart Card Reader] 00 00");
    REQUIRE(omnikey.has_value());
    CHECK_FALSE(omnikey->extendedLength);
    CHECK(omnikey->maxLe == 256);
    CHECK(readerProfileFor("ACS ACR122U PICC Interface 00 00")->maxLe == 256);
    CHECK(readerProfileFor("Virtual PCD 00 00")->extendedLength);
    CHECK_FALSE(readerProfileFor("Identiv uTrust 3700 F CL Reader 00 00").has_value());
}

TEST_CASE("reader profile documents are validated")
{
    auto ok = parseReaderProfiles(R"({"profiles":[{"match":"X","max_le":224}]})");
    REQUIRE(ok.size() == 1);
    CHECK(ok[0].maxLe == 224);
    CHECK(ok[0].extendedLength);
    CHECK_THROWS_AS(parseReaderProfiles("not json"), ParseError);
    CHECK_THROWS_AS(parseReaderProfiles(R"({"profiles":[{"max_le":224}]})"), ParseError);
    CHECK_THROWS_AS(parseReaderProfiles(R"({"profiles":[{"match":"X","max_le":0}]})"), ParseError);
}
