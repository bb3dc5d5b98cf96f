// BER-TLV decoding on arbitrary bytes, in every mode, down to the deepest level: only cccd::Error may come out.
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "fuzz_target.hpp"

namespace {
void walk(cccd::TlvReader& reader, int depth)
{
    while (!reader.atEnd()) {
        cccd::Tlv t = reader.next();
        if (t.constructed() && depth < 64) {
            cccd::TlvReader inner = reader.children(t);
            walk(inner, depth + 1);
        }
    }
}
} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {sharedFile("vectors/lds-samples/jmrtd-misc/NZ2013_EF_SOD.BIN"),
            sharedFile("vectors/lds-samples/ef-cardaccess/openpace_dan.bin"),
            {0x6D, 0x0A, 0x30, 0x08, 0x02, 0x01, 0x01, 0x0C, 0x03, 0x41, 0x42, 0x43}};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    for (cccd::TlvMode mode : {cccd::TlvMode::Definite, cccd::TlvMode::Ber, cccd::TlvMode::Der}) {
        try {
            cccd::TlvReader reader(cccd::ByteView(data, size), "fuzz", 0, mode);
            walk(reader, 0);
        } catch (const cccd::Error&) {
        }
    }
    try {
        (void)cccd::tlvTotalSize(cccd::ByteView(data, size), "fuzz");
    } catch (const cccd::Error&) {
    }
    return 0;
}
