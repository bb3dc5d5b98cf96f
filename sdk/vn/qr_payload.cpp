#include "vn/qr_payload.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/secure.hpp"

#include <algorithm>
#include <vector>

namespace cccd::vn {

namespace {
bool digits(std::string_view s, std::size_t n)
{
    return s.size() == n && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

[[noreturn]] void bad(const std::string& what) { throw Error(ErrorKind::InvalidArgument, "QR payload: " + what); }

Date dateField(std::string_view s, const char* name)
{
    std::optional<Date> d = s.size() == 8 ? parseDate(s) : std::nullopt;
    if (!d) bad(std::string(name) + " is not a ddMMyyyy date");
    return *d;
}
} // namespace

std::string sexCode(std::string_view v)
{
    if (v == "Nam" || v == "M") return "M";
    if (v == "N\xE1\xBB\xAF" || v == "F") return "F"; // "Nữ"
    return "X";
}

QrPayload::~QrPayload()
{
    for (std::string* text : {&idNumber, &fullName, &sex, &placeOfResidence}) wipe(*text);
    if (oldIdNumber) wipe(*oldIdNumber);
}

QrPayload& QrPayload::operator=(const QrPayload& other) { return wipeAndReplace(*this, other); }
QrPayload& QrPayload::operator=(QrPayload&& other) noexcept { return wipeAndReplace(*this, std::move(other)); }

QrPayload parseQrPayload(std::string_view payload)
{
    if (!asn1::isValidUtf8(ByteView(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size()))) bad("not UTF-8");
    std::vector<std::string_view> fields;
    std::size_t start = 0;
    for (;;) {
        std::size_t bar = payload.find('|', start);
        fields.push_back(payload.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start));
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    if (fields.size() < 7) bad("expected 7 fields separated by '|', found " + std::to_string(fields.size()));
    QrPayload q;
    if (!digits(fields[0], 12)) bad("the ID number must have 12 digits");
    q.idNumber = std::string(fields[0]);
    if (!fields[1].empty()) {
        if (!digits(fields[1], 9) && !digits(fields[1], 12)) bad("the old ID number must have 9 digits");
        q.oldIdNumber = std::string(fields[1]);
    }
    if (fields[2].empty()) bad("the name is empty");
    q.fullName = std::string(fields[2]);
    q.dateOfBirth = dateField(fields[3], "the date of birth");
    q.sex = sexCode(fields[4]);
    q.placeOfResidence = std::string(fields[5]);
    q.dateOfIssue = dateField(fields[6], "the date of issue");
    if (q.dateOfIssue < q.dateOfBirth) bad("the date of issue is before the date of birth");
    return q;
}

} // namespace cccd::vn
