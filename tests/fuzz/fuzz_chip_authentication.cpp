// Chip Authentication against a hostile chip: its DG14 and its answers to MSE:Set KAT/AT and GENERAL AUTHENTICATE
// come from the input. The answers pass through real secure messaging (the fuzz chip holds the session keys), so
// the fuzzer reaches the CA code behind the MAC check. Input: pieces (input_pieces.hpp) [DG14 file, plain answer ...].
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "fixed_random.hpp"
#include "hostile_chip_channel.hpp"
#include "fuzz_target.hpp"
#include "icao/chip_authentication.hpp"
#include "icao/secure_channel.hpp"
#include "lds/security_infos.hpp"

namespace {
cccd::icao::SecureMessaging session()
{
    using cccd::SecureBytes;
    return cccd::icao::SecureMessaging(cccd::icao::SmKeys(cccd::crypto::Cipher::Aes128, SecureBytes(16, 0x11), SecureBytes(16, 0x22),
                                                          cccd::Bytes(16, 0x00)));
}

// The chip's end of the secure channel: unwraps each command and wraps the next plain answer of the input.
class ProtectingChip : public cccd::ApduChannel {
public:
    explicit ProtectingChip(cccd::fuzz::FuzzInput& input) : plain_(input) {}

    cccd::ResponseApdu transmit(const cccd::CommandApdu& command) override
    {
        cccd::CommandApdu plain = sm_.unprotectCommand(command);
        return sm_.protectResponse(plain_.transmit(plain), plain.ins());
    }
    cccd::ChannelLimits limits() const override { return plain_.limits(); }

private:
    cccd::fuzz::FuzzChannel plain_;
    cccd::icao::SecureMessaging sm_ = session();
};
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    const Bytes ok{0x90, 0x00};
    for (const char* path : {"jmrtd-bsi2008/Datagroup14.bin", "pymrtd-bsi-tr03105/DG14.bin"}) {
        seeds.push_back(joinPieces({sharedFile(std::string("vectors/lds-samples/") + path), ok, ok, ok, ok}));
    }
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    cccd::fuzz::FuzzInput input(data, size);
    try {
        cccd::lds::SecurityInfos dg14 = cccd::lds::parseSecurityInfos(cccd::parseTlv(input.piece(), "DG14").value, "DG14");
        ProtectingChip chip(input);
        cccd::icao::SecureChannel channel(chip, session());
        cccd::fuzz::FixedRandom random;
        (void)cccd::icao::performChipAuthentication(channel, dg14, random);
    } catch (const cccd::Error&) {
    }
    return 0;
}
