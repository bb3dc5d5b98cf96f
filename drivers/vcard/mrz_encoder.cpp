#include "mrz_encoder.hpp"

#include "cccd/error.hpp"
#include "core/check_digit.hpp"
#include "core/tlv.hpp"

#include <cstring>

namespace cccd::vcard {

namespace {
// Vietnamese letters by base letter; every entry is one UTF-8 character.
const char* const families[][2] = {
    {"a", "àáạảãâầấậẩẫăằắặẳẵÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴ"}, {"e", "èéẹẻẽêềếệểễÈÉẸẺẼÊỀẾỆỂỄ"}, {"i", "ìíịỉĩÌÍỊỈĨ"},
    {"o", "òóọỏõôồốộổỗơờớợởỡÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠ"}, {"u", "ùúụủũưừứựửữÙÚỤỦŨƯỪỨỰỬỮ"}, {"y", "ỳýỵỷỹỲÝỴỶỸ"}, {"d", "đĐ"},
};

std::size_t utf8Length(unsigned char c) { return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4; }

char baseLetter(const std::string& ch)
{
    if (ch.size() == 1) return ch[0];
    for (const auto& family : families) {
        const char* letters = family[1];
        for (std::size_t i = 0; letters[i] != 0; i += utf8Length(static_cast<unsigned char>(letters[i]))) {
            std::size_t n = utf8Length(static_cast<unsigned char>(letters[i]));
            if (ch.size() == n && std::memcmp(letters + i, ch.data(), n) == 0) return family[0][0];
        }
    }
    return '<';
}

std::string field(std::string s, std::size_t width)
{
    s.resize(width, '<');
    return s;
}

std::string yymmdd(const std::optional<std::string>& iso)
{
    if (!iso || iso->size() != 10) return "<<<<<<";
    return iso->substr(2, 2) + iso->substr(5, 2) + iso->substr(8, 2);
}

std::string withCheck(const std::string& s) { return s + mrzCheckDigit(s); }
} // namespace

std::string transliterate(const std::string& utf8)
{
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t n = std::min(utf8Length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
        char c = baseLetter(utf8.substr(i, n));
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        out.push_back((c >= 'A' && c <= 'Z') || c == ' ' ? c : '<');
        i += n;
    }
    return out;
}

std::string vietnameseTd1(const Document& d)
{
    const std::string& id = d.idNumber.value();
    std::string documentNumber = id.substr(3);
    std::string line1 = "IDVNM" + withCheck(documentNumber) + id + "<<" + mrzCheckDigit(id); // 30 characters
    std::string sex = d.sex == "M" || d.sex == "F" ? *d.sex : "<";
    std::string line2 = withCheck(yymmdd(d.dateOfBirth)) + sex + withCheck(d.dateOfExpiry ? yymmdd(d.dateOfExpiry) : "<<<<<<");
    line2 = field(line2 + "VNM", 29);
    line2 += mrzCheckDigit(line1.substr(5, 25) + line2.substr(0, 7) + line2.substr(8, 7) + line2.substr(18, 11));

    std::string name = transliterate(d.fullName.value_or(""));
    std::size_t space = name.find(' ');
    std::string surname = name.substr(0, space);
    std::string given = space == std::string::npos ? "" : name.substr(space + 1);
    for (char& c : given) if (c == ' ') c = '<';
    std::string line3 = field(surname + "<<" + given, 30);
    return line1 + line2 + line3;
}

Bytes encodeDg1(const Document& document)
{
    std::string mrz = vietnameseTd1(document);
    return encodeTlv(0x61, encodeTlv(0x5F1F, Bytes(mrz.begin(), mrz.end())));
}

} // namespace cccd::vcard
