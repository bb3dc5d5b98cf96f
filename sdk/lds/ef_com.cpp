#include "lds/ef_com.hpp"

#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "lds/lds_files.hpp"

namespace cccd::lds {

EfCom parseEfCom(ByteView file)
{
    const std::string context = "EF.COM";
    TlvReader top(file, context);
    Tlv com = top.expect(0x60);
    TlvReader items = top.children(com);
    EfCom out;
    while (!items.atEnd()) {
        Tlv t = items.next();
        if (t.tag == 0x5F01) out.ldsVersion.assign(t.value.begin(), t.value.end());
        if (t.tag == 0x5F36) out.unicodeVersion.assign(t.value.begin(), t.value.end());
        if (t.tag == 0x5C) {
            for (std::uint8_t tag : t.value) {
                std::optional<LdsFile> f = fileByTag(tag);
                if (f && f->dataGroup > 0) out.dataGroups.push_back(f->dataGroup);
            }
        }
    }
    return out;
}

} // namespace cccd::lds
