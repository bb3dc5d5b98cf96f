#include "reading/document_verification.hpp"

#include "lds/ef_com.hpp"
#include "lds/sod.hpp"
#include "pki/card_security.hpp"
#include "pki/openssl_pki.hpp"
#include "pki/passive_authentication.hpp"
#include "reading/chip_proof.hpp"
#include "reading/consistency.hpp"
#include "vn/document_builder.hpp"

#include <algorithm>

namespace cccd::reading {

namespace {
std::optional<std::time_t> isoToTime(const std::optional<std::string>& iso)
{
    std::tm tm{};
    if (!iso || !strptime(iso->c_str(), "%Y-%m-%d", &tm)) return std::nullopt;
    return timegm(&tm);
}

ValidityPeriod documentValidity(const DocumentFiles& parsed, std::time_t at)
{
    ValidityPeriod v;
    v.validFrom = parsed.document.dateOfIssue;
    v.validUntil = parsed.document.dateOfExpiry;
    std::string today = pki::isoDate(at);
    if (v.validUntil) {
        v.status = today > *v.validUntil ? ExpiryStatus::Expired : ExpiryStatus::NotExpired;
    } else if (parsed.dg13 && parsed.dg13->fields.count(vn::dateOfExpiry)) {
        v.status = ExpiryStatus::NoExpiry; // "Không thời hạn": the card does not expire
    }
    return v;
}

std::optional<lds::SecurityObject> parsedSod(const std::map<std::string, Bytes>& files)
{
    std::vector<std::string> ignored; // passive authentication reports why the SOD does not parse
    return parseIfPresent(files, "SOD", ignored, [](ByteView b) { return lds::parseSod(b); });
}

std::optional<lds::EfCom> parsedCom(const std::map<std::string, Bytes>& files)
{
    std::vector<std::string> ignored; // EF.COM is not signed: it only informs
    return parseIfPresent(files, "COM", ignored, [](ByteView b) { return lds::parseEfCom(b); });
}

// EF.COM is unsigned, so it decides nothing; but a COM that hides what the SOD lists is a clone's fingerprint.
void noteCom(const std::optional<lds::EfCom>& com, PassiveAuthenticationResult& passive)
{
    if (!com) return;
    if (passive.ldsVersion.empty()) passive.ldsVersion = com->ldsVersion;
    std::string hidden;
    for (int dg : passive.listedDataGroups) {
        if (std::find(com->dataGroups.begin(), com->dataGroups.end(), dg) == com->dataGroups.end()) hidden += " DG" + std::to_string(dg);
    }
    if (!hidden.empty()) passive.notes.push_back("EF.COM does not list" + hidden + ", which the SOD lists: the chip's file list was edited");
}
} // namespace

std::set<int> shownDataGroups(const DocumentFiles& parsed, const std::map<std::string, Bytes>& files, const ChipEvidence& chip)
{
    std::set<int> shown{1};
    if (mayHoldVietnameseDg13(parsed.mrz) && (files.count("DG13") || chip.withheld.count(13))) shown.insert(13);
    if (chip.faceShown) shown.insert(2);
    return shown;
}

VerificationReport verifyDocument(const std::map<std::string, Bytes>& files, const DocumentFiles& parsed, const ChipEvidence& chip,
                                  const TrustStore& trust, std::time_t at)
{
    VerificationReport report;
    report.offline = !chip.live;
    pki::PassiveInput input{files, shownDataGroups(parsed, files, chip), chip.withheld, at, isoToTime(parsed.document.dateOfIssue)};
    pki::PassiveOutcome passive = pki::verifyPassive(input, trust);
    report.passive = passive.result;
    noteCom(parsedCom(files), report.passive);

    if (chip.live) {
        report.chipAuthentication = chip.chipAuthentication;
        report.activeAuthentication = chip.activeAuthentication;
    } else {
        std::optional<lds::SecurityObject> sod = parsedSod(files);
        report.chipAuthentication = *unusableKey(chipAuthenticationGroup, sod, files, chip.withheld, false);
        report.activeAuthentication = *unusableKey(activeAuthenticationGroup, sod, files, chip.withheld, false);
    }
    report.consistency = checkConsistency(parsed.mrz, parsed.dg13, {passive.documentSignerCountry, passive.cscaCountry});
    if (!chip.live && !files.count("DG1")) report.consistency = {CheckStatus::NotChecked, "DG1 is not in the folder: the issuing state is unknown"};
    if (auto cardSecurity = files.find("CardSecurity"); cardSecurity != files.end()) {
        report.cardSecurity = pki::verifyCardSecurity(cardSecurity->second, trust, at);
    }
    report.expiry.checkedAt = pki::isoDate(at);
    report.expiry.document = documentValidity(parsed, at);
    report.expiry.documentSigner = passive.documentSigner;
    report.expiry.csca = passive.csca;
    report.overall = overallVerdict(report);
    return report;
}

TrustStore loadTrust(const std::vector<std::string>& paths, bool useDefault)
{
    TrustStore trust;
    if (useDefault) trust.addDefaultLocation();
    for (const std::string& path : paths) trust.add(path);
    return trust;
}

} // namespace cccd::reading

namespace cccd {

VerificationReport verifyFiles(const std::map<std::string, std::vector<std::uint8_t>>& files, const VerifyOptions& options)
{
    std::shared_ptr<const TrustStore> trust = options.trust;
    if (!trust) trust = std::make_shared<const TrustStore>(reading::loadTrust(options.trustPaths, options.useDefaultTrust));
    reading::DocumentFiles parsed = reading::parseDocumentFiles(files);
    reading::ChipEvidence offline;
    offline.faceShown = files.count("DG2") > 0;
    return reading::verifyDocument(files, parsed, offline, *trust, options.at.value_or(std::time(nullptr)));
}

} // namespace cccd
