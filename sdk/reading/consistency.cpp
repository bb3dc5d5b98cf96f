#include "reading/consistency.hpp"

#include "lds/country_codes.hpp"
#include "vn/document_builder.hpp"

#include <algorithm>

namespace cccd::reading {

namespace {
CheckResult result(CheckStatus s, std::string reason) { return CheckResult{s, std::move(reason)}; }

bool allDigits(const std::string& s) { return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }); }

// DG1 carries the 12-digit ID first in its optional data; else its document number is the ID's last 9 digits.
bool idMatchesMrz(const std::string& id, const lds::Mrz& mrz)
{
    std::string head = mrz.optionalData.substr(0, std::min<std::size_t>(12, mrz.optionalData.size()));
    if (head.size() == 12 && allDigits(head)) return head == id;
    return id.size() == 12 && mrz.documentNumber == id.substr(3);
}
} // namespace

CheckResult checkConsistency(const std::optional<lds::Mrz>& mrz, const std::optional<lds::Dg13>& dg13, const SignerCountries& signers)
{
    if (!mrz) return result(CheckStatus::Failed, "the document has no readable DG1, which every ICAO document carries");
    std::vector<std::string> allowed = lds::certificateCountriesFor(mrz->issuingState);
    if (allowed.empty()) return result(CheckStatus::NotChecked, "the issuing state \"" + mrz->issuingState + "\" names no country to match the signer with");
    auto from = [&allowed](const std::string& country) { return std::find(allowed.begin(), allowed.end(), country) != allowed.end(); };
    const std::string claim = "the document says it was issued by " + mrz->issuingState;
    if (!signers.documentSigner.empty() && !from(signers.documentSigner)) {
        return result(CheckStatus::Failed, claim + ", but its Document Signer is from " + signers.documentSigner + ": the data belongs to another document");
    }
    if (!signers.csca.empty() && !from(signers.csca)) {
        return result(CheckStatus::Failed, claim + ", but it is signed under a CSCA of " + signers.csca + ": the data belongs to another document");
    }
    std::string reason = claim + " and is signed in " + (signers.documentSigner.empty() ? std::string("an unknown country") : signers.documentSigner);
    if (mrz->issuingState == "VNM" && dg13) {
        std::string id = dg13->value(vn::idNumber);
        if (!idMatchesMrz(id, *mrz)) return result(CheckStatus::Failed, "the ID number in DG13 is not the one in DG1: the data of two cards is mixed");
        reason += "; the ID number in DG13 matches DG1";
    }
    if (signers.documentSigner.empty() || signers.csca.empty()) return result(CheckStatus::NotChecked, reason + " (no trusted signer to compare with)");
    return result(CheckStatus::Passed, reason);
}

} // namespace cccd::reading
