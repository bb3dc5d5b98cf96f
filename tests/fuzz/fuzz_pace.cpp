// PACE against a hostile chip: the answers to MSE:Set AT and the four GENERAL AUTHENTICATE steps (encrypted nonce,
// mapping point, ephemeral key, token) come from the input. Input: a byte choosing the PACEInfo, then pieces
// (input_pieces.hpp), one raw answer each. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fixed_random.hpp"
#include "hostile_chip_channel.hpp"
#include "fuzz_target.hpp"
#include "core/tlv.hpp"
#include "icao/pace.hpp"

namespace {
// ECDH-GM on brainpoolP256r1 and P-256 (what cards carry), ECDH-IM, DH-GM on the 1024-bit group, and CAM.
const cccd::lds::PaceInfo offers[] = {{"0.4.0.127.0.7.2.2.4.2.2", 2, 13}, {"0.4.0.127.0.7.2.2.4.2.2", 2, 12},
                                      {"0.4.0.127.0.7.2.2.4.4.2", 2, 13}, {"0.4.0.127.0.7.2.2.4.1.2", 2, 0},
                                      {"0.4.0.127.0.7.2.2.4.6.2", 2, 13}};
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    const Bytes ok{0x90, 0x00};
    // Answers of the right shape: 7C{80 nonce}, 7C{82 point}, 7C{84 point}, 7C{86 token}.
    Bytes point(65, 0x11);
    point[0] = 0x04; // uncompressed
    auto ga = [&ok](std::uint8_t tag, const Bytes& value) { return concat(encodeTlv(0x7C, encodeTlv(tag, value)), ok); };
    std::vector<std::vector<std::uint8_t>> seeds;
    for (std::uint8_t offer = 0; offer < 5; ++offer) {
        seeds.push_back(withSelector(offer, {ok, ga(0x80, Bytes(16, 0x33)), ga(0x82, point), ga(0x84, point), ga(0x86, Bytes(8, 0x44))}));
    }
    seeds.push_back(withSelector(0, {Bytes{0x63, 0xC2}})); // MSE:Set AT refused
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const cccd::lds::PaceInfo& info = offers[data[0] % (sizeof offers / sizeof offers[0])];
    cccd::fuzz::FuzzInput input(data + 1, size - 1);
    cccd::fuzz::FuzzChannel chip(input);
    cccd::fuzz::FixedRandom random;
    const cccd::Bytes can{'1', '2', '3', '4', '5', '6'};
    try {
        (void)cccd::icao::performPace(chip, info, cccd::icao::PacePassword::Can, can, random);
    } catch (const cccd::Error&) {
    }
    return 0;
}
