#include "verification_text.hpp"

namespace cccd::cli {

namespace {
const char* meaning(const VerificationReport& r)
{
    switch (r.overall) {
    case Verdict::Valid: return "the card is genuine and its data unaltered";
    case Verdict::Invalid: return "the card is forged, altered or cloned: do not accept it";
    case Verdict::Unverified: break;
    }
    if (r.offline) return "files checked without the chip: only the chip itself can prove it is not a copy";
    if (r.passive.unknownCsca) return "the card could not be verified: no trusted CSCA (run `cccd trust import` with the issuing state's CSCA or a master list)";
    return "the card could not be verified";
}

void line(std::ostream& out, const char* label, const CheckResult& c)
{
    out << "  " << label << toString(c.status) << " - " << c.reason << '\n';
}

std::string expiryText(const ExpiryReport& e)
{
    const ValidityPeriod& d = e.document;
    switch (d.status) {
    case ExpiryStatus::Expired: return "EXPIRED on " + d.validUntil.value_or("?") + " (genuine cards expire: this is not forgery)";
    case ExpiryStatus::NotExpired: return "NOT_EXPIRED, valid until " + d.validUntil.value_or("?");
    case ExpiryStatus::NoExpiry: return "NO_EXPIRY";
    case ExpiryStatus::NotYetValid: return "NOT_YET_VALID";
    case ExpiryStatus::Unknown: break;
    }
    return "UNKNOWN";
}
} // namespace

void printVerification(std::ostream& out, const VerificationReport& r)
{
    out << "Verdict:       " << toString(r.overall) << " - " << meaning(r) << '\n';
    line(out, "passive:     ", r.passive);
    line(out, "chip:        ", r.chipAuthentication);
    line(out, "active:      ", r.activeAuthentication);
    line(out, "consistency: ", r.consistency);
    if (r.cardSecurity) line(out, "card sec.:   ", *r.cardSecurity);
    out << "  expiry:      " << expiryText(r.expiry) << " (checked at " << r.expiry.checkedAt << ")\n";
    if (!r.passive.hashAlgorithm.empty()) {
        out << "  signature:   " << r.passive.signatureAlgorithm << ", hashes " << r.passive.hashAlgorithm
            << (r.passive.ldsVersion.empty() ? "" : ", LDS " + r.passive.ldsVersion) << '\n';
    }
    out << "  data groups:";
    const char* separator = " ";
    for (const auto& [dg, status] : r.passive.dataGroups) {
        out << separator << dg << ": " << status;
        separator = ", ";
    }
    out << '\n';
    for (const std::string& note : r.passive.notes) out << "  note:        " << note << '\n';
}

} // namespace cccd::cli
