#include "vn/document_builder.hpp"

#include "vn/dates.hpp"
#include "vn/qr_payload.hpp"

#include <algorithm>

namespace cccd::vn {

namespace {
std::optional<std::string> field(const lds::Dg13& dg13, int n, std::size_t index = 0)
{
    auto it = dg13.fields.find(n);
    if (it == dg13.fields.end() || it->second.values.size() <= index || it->second.values[index].empty()) return std::nullopt;
    return it->second.values[index];
}

std::optional<std::string> isoDate(const std::optional<std::string>& text)
{
    if (!text) return std::nullopt;
    std::optional<Date> d = parseDate(*text);
    return d ? std::optional<std::string>(d->iso()) : std::nullopt; // "Không thời hạn" (no expiry) -> none
}

// The 12-digit ID from the MRZ optional data (Vietnamese TD1 layout).
std::optional<std::string> idFromMrz(const lds::Mrz& mrz)
{
    std::string head = mrz.optionalData.substr(0, std::min<std::size_t>(12, mrz.optionalData.size()));
    if (head.size() == 12 && std::all_of(head.begin(), head.end(), [](char c) { return c >= '0' && c <= '9'; })) return head;
    return std::nullopt;
}

// YYMMDD of the MRZ to ISO: a birth date is in the past; an expiry date is in this century.
std::optional<std::string> mrzDate(const std::string& yymmdd, bool birth)
{
    if (yymmdd.size() != 6) return std::nullopt;
    int yy = std::atoi(yymmdd.substr(0, 2).c_str());
    int century = birth && yy > 40 ? 1900 : 2000; // a CCCD holder is at most ~100: births 1941-2040 fold here
    std::optional<Date> d = parseDate(yymmdd.substr(4, 2) + yymmdd.substr(2, 2) + std::to_string(century + yy));
    return d ? std::optional<std::string>(d->iso()) : std::nullopt;
}

MrzData mrzData(const lds::Mrz& m)
{
    return MrzData{m.documentCode, m.issuingState, m.documentNumber, m.dateOfBirth, m.sex, m.dateOfExpiry, m.nationality,
                   m.optionalData, m.primaryIdentifier, m.secondaryIdentifier, m.allCheckDigitsValid()};
}
} // namespace

Document buildDocument(const std::optional<lds::Mrz>& mrz, const std::optional<lds::Dg13>& dg13)
{
    Document d;
    if (mrz) {
        d.mrz = mrzData(*mrz);
        d.idNumber = idFromMrz(*mrz);
        std::string name = mrz->primaryIdentifier + (mrz->secondaryIdentifier.empty() ? "" : " " + mrz->secondaryIdentifier);
        if (!name.empty()) d.fullName = name;
        d.dateOfBirth = mrzDate(mrz->dateOfBirth, true);
        d.dateOfExpiry = mrzDate(mrz->dateOfExpiry, false);
        d.sex = sexCode(mrz->sex);
    }
    if (!dg13) return d;
    const lds::Dg13& g = *dg13;
    auto take = [](std::optional<std::string>& into, std::optional<std::string> value) {
        if (value) into = std::move(value);
    };
    take(d.idNumber, field(g, idNumber));
    take(d.fullName, field(g, fullName));
    take(d.dateOfBirth, isoDate(field(g, dateOfBirth)));
    if (auto s = field(g, sex)) d.sex = sexCode(*s);
    d.nationality = field(g, nationality);
    d.ethnicity = field(g, ethnicity);
    d.religion = field(g, religion);
    d.placeOfOrigin = field(g, placeOfOrigin);
    d.placeOfResidence = field(g, placeOfResidence);
    d.personalIdentification = field(g, personalIdentification);
    d.dateOfIssue = isoDate(field(g, dateOfIssue));
    if (g.fields.count(dateOfExpiry)) d.dateOfExpiry = isoDate(field(g, dateOfExpiry)); // text such as "Không thời hạn": none
    d.fatherName = field(g, parents, 0);
    d.motherName = field(g, parents, 1);
    d.spouseName = field(g, spouse);
    d.oldIdNumber = field(g, oldIdNumber);
    return d;
}

} // namespace cccd::vn
