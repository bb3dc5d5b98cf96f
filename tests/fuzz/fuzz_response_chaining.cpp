// Reading a file from a hostile chip: response chaining (61xx GET RESPONSE, 6Cxx resend) under the file reader's
// block sizing, length header, odd-INS offsets and step-down on refusals. Input: a byte choosing short or extended
// length and progress on or off, then pieces (input_pieces.hpp), one raw answer each. The file read never exceeds
// the policy's largest file, and only cccd::Error may come out.
#include "cccd/error.hpp"
#include "hostile_chip_channel.hpp"
#include "fuzz_target.hpp"
#include "icao/file_reader.hpp"
#include "transport/chaining_channel.hpp"

#include <cstdlib>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    const Bytes ok{0x90, 0x00};
    return {
        withSelector(0, {Bytes{0x61, 0x05, 0x5F, 0x1F, 0x02, 0x41, 0x42, 0x90, 0x00}}),
        withSelector(1, {Bytes{0x61, 0x82, 0x01, 0x00, 0x61, 0x10}, concat(Bytes(16, 0x41), Bytes{0x62, 0x82}), Bytes{0x6C, 0x20},
                         concat(Bytes(32, 0x42), ok)}),
        withSelector(3, {Bytes{0x67, 0x00}, Bytes{0x6A, 0x82}}),
    };
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    cccd::fuzz::FuzzInput input(data + 1, size - 1);
    const cccd::ChannelLimits shortOnly, extended{true, 65544, 65538};
    cccd::fuzz::FuzzChannel card(input, (data[0] & 1) ? extended : shortOnly);
    cccd::ChainingChannel chaining(card);
    cccd::icao::ReadPolicy policy;
    policy.largestFile = 1 << 16;
    try {
        cccd::icao::FileReader reader(chaining, policy);
        cccd::icao::FileProgress progress = [](const cccd::icao::ElementaryFile&, std::size_t, std::size_t) {};
        cccd::icao::FileResult file = reader.read({0x0101, 0x01, "DG1"}, (data[0] & 2) ? progress : cccd::icao::FileProgress{});
        if (file.content.size() > policy.largestFile + 8) std::abort(); // header bytes aside, the cap holds
    } catch (const cccd::Error&) {
    }
    return 0;
}
