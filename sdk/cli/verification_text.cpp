#include "verification_text.hpp"

namespace cccd::cli {

namespace {
// The first failed check's reason: what the clerk may tell the holder.
std::string firstFailure(const VerificationReport& r)
{
    for (const CheckResult* c : {static_cast<const CheckResult*>(&r.passive), &r.consistency, &r.chipAuthentication, &r.activeAuthentication}) {
        if (c->status == CheckStatus::Failed) return c->reason;
    }
    return r.cardSecurity ? r.cardSecurity->reason : "";
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

std::string headline(const VerificationReport& r, std::size_t trustedCscas)
{
    switch (r.overall) {
    case Verdict::Valid: {
        std::string expired = r.expiry.document.status == ExpiryStatus::Expired ? ", BUT EXPIRED on " + r.expiry.document.validUntil.value_or("?") : "";
        return "GENUINE CARD" + expired + ": the data is the issuer's and the chip is not a copy";
    }
    case Verdict::Invalid: return "FORGED OR CLONED CARD: do not accept (" + firstFailure(r) + ")";
    case Verdict::Unverified: break;
    }
    if (r.offline) return "FILES CHECKED WITHOUT THE CARD: only the card itself can prove it is not a copy";
    if (r.passive.unknownCsca && trustedCscas == 0) return "COULD NOT BE VERIFIED: no trusted CSCA installed - run `cccd trust import`";
    if (r.passive.unknownCsca) return "COULD NOT BE VERIFIED: the card's issuer (CSCA) is not trusted here - import its CSCA or master list";
    if (r.passive.status != CheckStatus::Passed) return "COULD NOT BE VERIFIED: " + r.passive.reason;
    if (r.consistency.status != CheckStatus::Passed) return "COULD NOT BE VERIFIED: " + r.consistency.reason;
    return "COULD NOT BE VERIFIED: the chip did not prove it is not a copy (" + r.chipAuthentication.reason + ")";
}

void printVerification(std::ostream& out, const VerificationReport& r, std::size_t trustedCscas)
{
    out << headline(r, trustedCscas) << "\n\n"
        << "Verification:  " << toString(r.overall) << '\n';
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
