#include "cccd/error.hpp"
#include "transport/pcsc/pcsc_error.hpp"

#include <catch2/catch.hpp>
#include <winscard.h>

using namespace cccd;

namespace {
std::uint32_t code(LONG v) { return static_cast<std::uint32_t>(v); }
} // namespace

TEST_CASE("PC/SC codes map to error kinds a caller can act on")
{
    CHECK(pcsc::errorKindFor(code(SCARD_E_NO_SERVICE)) == ErrorKind::ServiceUnavailable);
    CHECK(pcsc::errorKindFor(code(SCARD_E_SERVICE_STOPPED)) == ErrorKind::ServiceUnavailable);
    CHECK(pcsc::errorKindFor(code(SCARD_E_NO_READERS_AVAILABLE)) == ErrorKind::NoReader);
    CHECK(pcsc::errorKindFor(code(SCARD_E_UNKNOWN_READER)) == ErrorKind::NoReader);
    CHECK(pcsc::errorKindFor(code(SCARD_E_NO_SMARTCARD)) == ErrorKind::NoCard);
    CHECK(pcsc::errorKindFor(code(SCARD_E_TIMEOUT)) == ErrorKind::NoCard);
    CHECK(pcsc::errorKindFor(code(SCARD_W_REMOVED_CARD)) == ErrorKind::CardRemoved);
    CHECK(pcsc::errorKindFor(code(SCARD_W_RESET_CARD)) == ErrorKind::CardRemoved);
    CHECK(pcsc::errorKindFor(code(SCARD_E_PROTO_MISMATCH)) == ErrorKind::Communication);
    CHECK(pcsc::errorKindFor(code(SCARD_E_INSUFFICIENT_BUFFER)) == ErrorKind::Internal);
}

TEST_CASE("PC/SC errors keep the function, the code and say what to do")
{
    try {
        pcsc::check("SCardEstablishContext", SCARD_E_NO_SERVICE);
        FAIL("no throw");
    } catch (const PcscError& e) {
        CHECK(e.kind() == ErrorKind::ServiceUnavailable);
        CHECK(e.function() == "SCardEstablishContext");
        CHECK(e.code() == 0x8010001D);
        CHECK_THAT(e.what(), Catch::StartsWith("pcscd is not running: start it with") && Catch::Contains("0x8010001D"));
    }
    try {
        pcsc::check("SCardTransmit", SCARD_W_REMOVED_CARD);
        FAIL("no throw");
    } catch (const PcscError& e) {
        CHECK(e.kind() == ErrorKind::CardRemoved);
        CHECK_THAT(e.what(), Catch::Contains("card was removed") && Catch::Contains("SCardTransmit"));
    }
    CHECK_NOTHROW(pcsc::check("SCardTransmit", SCARD_S_SUCCESS));
}
