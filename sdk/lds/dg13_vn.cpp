#include "lds/dg13_vn.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"

namespace cccd::lds {

namespace {
const std::string context = "DG13";
constexpr int maxFieldNumber = 255;

bool isString(Tag tag)
{
    return tag == asn1::UTF8_STRING || tag == asn1::PRINTABLE_STRING || tag == asn1::IA5_STRING || tag == 0x14 || tag == 0x1A;
}

// Every string inside a value, depth first, in order.
void collectStrings(TlvReader& reader, std::vector<std::string>& out)
{
    while (!reader.atEnd()) {
        Tlv t = reader.next();
        if (isString(t.tag)) {
            out.push_back(asn1::decodeString(t, context));
        } else if (t.constructed()) {
            TlvReader inner = reader.children(t);
            collectStrings(inner, out);
        }
    }
}

// A field is a SEQUENCE whose first element is a small INTEGER. Containers (SET/SEQUENCE of fields) are walked.
void collectFields(TlvReader& reader, Dg13& out, int depth)
{
    while (!reader.atEnd()) {
        Tlv t = reader.next();
        if (!t.constructed() || depth > 4) continue;
        TlvReader inner = reader.children(t);
        std::optional<Tag> first = inner.peekTag();
        if (t.tag == asn1::SEQUENCE && first == asn1::INTEGER) {
            Tlv number = inner.next();
            std::uint64_t n = asn1::decodeUnsigned(number, context);
            if (n == 0 || n > maxFieldNumber) throw ParseError(context, number.offset, "field number out of range");
            if (out.fields.count(static_cast<int>(n))) throw ParseError(context, number.offset, "field " + std::to_string(n) + " repeated");
            Dg13Field field;
            field.encoded = t.encoded.toBytes();
            collectStrings(inner, field.values);
            out.fields.emplace(static_cast<int>(n), std::move(field));
        } else {
            collectFields(inner, out, depth + 1);
        }
    }
}
} // namespace

std::string Dg13::value(int n) const
{
    auto it = fields.find(n);
    return it == fields.end() || it->second.values.empty() ? std::string() : it->second.values.front();
}

Dg13 parseDg13(ByteView file)
{
    TlvReader top(file, context);
    Tlv dg13 = top.expect(0x6D);
    TlvReader body = top.children(dg13);
    Tlv seq = body.expect(asn1::SEQUENCE);
    TlvReader items = body.children(seq);
    Dg13 out;
    items.nextIf(asn1::INTEGER); // version
    if (auto oid = items.nextIf(asn1::OBJECT_IDENTIFIER)) out.oid = asn1::decodeOid(*oid, context);
    collectFields(items, out, 0);
    if (out.fields.empty()) throw ParseError(context, seq.offset, "no numbered fields");
    return out;
}

} // namespace cccd::lds
