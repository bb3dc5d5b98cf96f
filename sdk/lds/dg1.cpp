#include "lds/dg1.hpp"

#include "cccd/error.hpp"
#include "core/tlv.hpp"

namespace cccd::lds {

Mrz parseDg1(ByteView file)
{
    TlvReader top(file, "DG1");
    Tlv dg1 = top.expect(0x61);
    TlvReader items = top.children(dg1);
    Tlv mrz = items.expect(0x5F1F);
    try {
        return parseMrz(std::string(mrz.value.begin(), mrz.value.end()));
    } catch (const ParseError&) {
        throw;
    } catch (const Error& e) {
        throw ParseError("DG1", mrz.valueOffset, e.what());
    }
}

} // namespace cccd::lds
