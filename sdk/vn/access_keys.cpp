// AccessKey::fromQr and AccessKey::fromMrz: the Vietnamese ways to open the chip.
#include "cccd/access_key.hpp"
#include "cccd/error.hpp"
#include "lds/mrz.hpp"
#include "vn/expiry_rule.hpp"
#include "vn/qr_payload.hpp"

namespace cccd {

AccessKey AccessKey::fromQr(std::string_view payload)
{
    vn::QrPayload q = vn::parseQrPayload(payload);
    std::vector<MrzKeyData> bac;
    for (const vn::Date& expiry : vn::expiryCandidates(q.dateOfBirth, q.dateOfIssue)) {
        bac.push_back({q.idNumber.substr(3), q.dateOfBirth.yymmdd(), expiry.yymmdd()}); // document number: last 9 digits
    }
    return fromParts(std::string_view(q.idNumber).substr(6), std::move(bac));
}

AccessKey AccessKey::fromMrz(std::string_view text)
{
    lds::Mrz m = lds::parseMrz(text);
    if (!m.allCheckDigitsValid()) throw Error(ErrorKind::InvalidArgument, "the MRZ check digits do not match: was it typed correctly?");
    std::string can;
    if (m.issuingState == "VNM" && m.optionalData.size() >= 12) {
        std::string id = m.optionalData.substr(0, 12);
        if (id.find_first_not_of("0123456789") == std::string::npos) can = id.substr(6);
    }
    return fromParts(can, {MrzKeyData{m.documentNumber, m.dateOfBirth, m.dateOfExpiry}});
}

} // namespace cccd
