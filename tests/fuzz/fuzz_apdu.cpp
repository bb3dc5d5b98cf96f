// Command APDU decoding (what the virtual card receives) and response splitting.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "transport/apdu.hpp"

#include <cstdlib>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {{0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01},
            {0x00, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00},
            {0x0C, 0xB0, 0x00, 0x00, 0x00, 0x00, 0x04, 0x01, 0x02, 0x03, 0x04, 0x00, 0x00}};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::CommandApdu c = cccd::CommandApdu::parse(cccd::ByteView(data, size));
        // Extended fields may encode short values, so compare after one normalising round trip.
        cccd::CommandApdu again = cccd::CommandApdu::parse(c.encode());
        if (again.encode() != c.encode() || again.data() != c.data() || again.ne() != c.ne()) std::abort();
    } catch (const cccd::Error&) {
    }
    try {
        (void)cccd::ResponseApdu::parse(cccd::ByteView(data, size));
    } catch (const cccd::Error&) {
    }
    return 0;
}
