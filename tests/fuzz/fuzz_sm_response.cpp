// Secure-messaging responses from a hostile chip: MAC check, DO parsing, decryption and padding.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "icao/secure_messaging.hpp"

namespace {
cccd::icao::SecureMessaging session()
{
    using cccd::SecureBytes;
    return cccd::icao::SecureMessaging(cccd::icao::SmKeys(cccd::crypto::Cipher::Aes128, SecureBytes(16, 0x11), SecureBytes(16, 0x22),
                                                          cccd::Bytes(16, 0x00)));
}
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    // A well-formed protected answer (data, status, MAC) made by the chip side of the same keys.
    icao::SecureMessaging terminal = session();
    icao::SecureMessaging chip = session();
    (void)chip.unprotectCommand(terminal.protectCommand(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{32})));
    Bytes answer = chip.protectResponse(ResponseApdu(Bytes(32, 0x5A), sw::OK), 0xB0).encode();
    return {answer, {0x99, 0x02, 0x90, 0x00, 0x8E, 0x08, 1, 2, 3, 4, 5, 6, 7, 8, 0x90, 0x00}};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::icao::SecureMessaging sm = session();
        (void)sm.protectCommand(cccd::CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{32}));
        (void)sm.unprotectResponse(cccd::ResponseApdu::parse(cccd::ByteView(data, size)));
    } catch (const cccd::Error&) {
    }
    try {
        cccd::icao::SecureMessaging chip = session();
        (void)chip.unprotectCommand(cccd::CommandApdu::parse(cccd::ByteView(data, size)));
    } catch (const cccd::Error&) {
    }
    return 0;
}
