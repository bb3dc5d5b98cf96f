#include "cccd/access_key.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"

#include <algorithm>

namespace cccd {

namespace {
bool allDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

bool validDate(std::string_view yymmdd)
{
    if (yymmdd.size() != 6 || !allDigits(yymmdd)) return false;
    int month = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
    int day = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool validDocumentNumber(std::string_view n)
{
    return !n.empty() && n.size() <= 22 &&
           std::all_of(n.begin(), n.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<'; });
}
} // namespace

// The CAN and the MRZ data open the chip: their whole buffers are wiped when the key is released.
struct AccessKey::Impl {
    std::string can;
    std::vector<MrzKeyData> mrz;
    ~Impl()
    {
        wipe(can);
        for (MrzKeyData& k : mrz) {
            wipe(k.documentNumber);
            wipe(k.dateOfBirth);
            wipe(k.dateOfExpiry);
        }
    }
};

AccessKey::AccessKey(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
AccessKey::AccessKey(AccessKey&&) noexcept = default;
AccessKey& AccessKey::operator=(AccessKey&&) noexcept = default;
AccessKey::~AccessKey() = default;

AccessKey AccessKey::fromParts(std::string_view can, std::vector<MrzKeyData> mrzCandidates)
{
    if (!can.empty() && (can.size() != 6 || !allDigits(can))) {
        throw Error(ErrorKind::InvalidArgument, "a CAN has exactly 6 digits");
    }
    for (const MrzKeyData& k : mrzCandidates) {
        if (!validDocumentNumber(k.documentNumber)) {
            throw Error(ErrorKind::InvalidArgument, "the document number must be 1-22 characters of 0-9, A-Z or '<'");
        }
        if (!validDate(k.dateOfBirth) || !validDate(k.dateOfExpiry)) {
            throw Error(ErrorKind::InvalidArgument, "dates must be YYMMDD");
        }
    }
    if (can.empty() && mrzCandidates.empty()) throw Error(ErrorKind::InvalidArgument, "an access key needs a CAN or MRZ data");
    auto impl = std::make_unique<Impl>();
    impl->can = std::string(can);
    impl->mrz = std::move(mrzCandidates);
    return AccessKey(std::move(impl));
}

AccessKey AccessKey::fromCan(std::string_view can)
{
    if (can.empty()) throw Error(ErrorKind::InvalidArgument, "a CAN has exactly 6 digits");
    return fromParts(can, {});
}

AccessKey AccessKey::fromIdNumber(std::string_view idNumber)
{
    if (idNumber.size() != 12 || !allDigits(idNumber)) {
        throw Error(ErrorKind::InvalidArgument, "a Vietnamese ID number has exactly 12 digits");
    }
    return fromParts(idNumber.substr(6), {});
}

AccessKey AccessKey::fromBac(std::string_view documentNumber, std::string_view dateOfBirth, std::string_view dateOfExpiry)
{
    return fromParts({}, {MrzKeyData{std::string(documentNumber), std::string(dateOfBirth), std::string(dateOfExpiry)}});
}

AccessKey AccessKey::fromBacText(std::string_view text)
{
    std::size_t c1 = text.find(','), c2 = c1 == std::string_view::npos ? c1 : text.find(',', c1 + 1);
    if (c2 == std::string_view::npos) throw Error(ErrorKind::InvalidArgument, "BAC data must be DOCNO,YYMMDD,YYMMDD");
    return fromBac(text.substr(0, c1), text.substr(c1 + 1, c2 - c1 - 1), text.substr(c2 + 1));
}

bool AccessKey::hasCan() const noexcept { return !impl_->can.empty(); }

std::string_view AccessKey::can() const noexcept { return impl_->can; }

const std::vector<MrzKeyData>& AccessKey::mrzCandidates() const noexcept { return impl_->mrz; }

std::string AccessKey::describe() const
{
    if (hasCan() && !impl_->mrz.empty()) return "CAN, then MRZ";
    return hasCan() ? "CAN" : "MRZ";
}

} // namespace cccd
