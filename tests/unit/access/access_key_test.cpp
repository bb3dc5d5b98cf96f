#include "cccd/access_key.hpp"
#include "cccd/error.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

TEST_CASE("the CAN of a Vietnamese card is the last 6 digits of the ID number")
{
    AccessKey key = AccessKey::fromIdNumber("001090123456");
    CHECK(key.hasCan());
    CHECK(key.can() == "123456");
    CHECK(key.mrzCandidates().empty());
    CHECK(key.describe() == "CAN");
}

TEST_CASE("access keys reject malformed input with a clear error")
{
    CHECK_THROWS_WITH(AccessKey::fromCan("12345"), Catch::Contains("6 digits"));
    CHECK_THROWS_AS(AccessKey::fromCan("12345a"), Error);
    CHECK_THROWS_AS(AccessKey::fromCan(""), Error);
    CHECK_THROWS_WITH(AccessKey::fromIdNumber("00109012345"), Catch::Contains("12 digits"));
    CHECK_THROWS_AS(AccessKey::fromBac("090123456", "901301", "300101"), Error); // month 13
    CHECK_THROWS_AS(AccessKey::fromBac("09012345a", "900101", "300101"), Error);
    CHECK_THROWS_AS(AccessKey::fromBac("", "900101", "300101"), Error);
    try {
        AccessKey::fromCan("12345");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidArgument);
    }
}

TEST_CASE("BAC data is kept as given")
{
    AccessKey key = AccessKey::fromBac("090123456", "900101", "300101");
    CHECK_FALSE(key.hasCan());
    REQUIRE(key.mrzCandidates().size() == 1);
    CHECK(key.mrzCandidates()[0].documentNumber == "090123456");
    CHECK(key.describe() == "MRZ");
    AccessKey moved = std::move(key);
    CHECK(moved.mrzCandidates()[0].dateOfExpiry == "300101");
}
