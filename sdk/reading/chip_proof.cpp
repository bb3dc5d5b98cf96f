#include "reading/chip_proof.hpp"

#include "core/tlv.hpp"
#include "crypto/crypto.hpp"
#include "icao/chip_authentication.hpp"
#include "reading/document_files.hpp"

namespace cccd::reading {

namespace {
CheckResult result(CheckStatus s, std::string reason) { return CheckResult{s, std::move(reason)}; }
} // namespace

std::optional<CheckResult> unusableKey(int dg, const std::optional<lds::SecurityObject>& sod, const std::map<std::string, Bytes>& files,
                                       const std::set<int>& withheld, bool live)
{
    const std::string name = "DG" + std::to_string(dg);
    const char* check = dg == chipAuthenticationGroup ? "chip authentication" : "active authentication";
    if (!sod) return result(CheckStatus::NotChecked, "no valid EF.SOD vouches for the key in " + name);
    if (!sod->dataGroupHashes.count(dg)) {
        return result(CheckStatus::NotSupported, std::string("the document has no ") + check + ": its SOD lists no " + name);
    }
    if (withheld.count(dg)) {
        return result(CheckStatus::Failed, "the card hides its anti-cloning key (" + name + "), which its SOD lists: treat it as a copy");
    }
    auto file = files.find(name);
    if (file == files.end()) return result(CheckStatus::NotChecked, name + " was not read");
    std::optional<bool> matches = sod->matches(dg, file->second);
    if (!matches) return result(CheckStatus::NotChecked, "the SOD's hash algorithm is unknown: the key in " + name + " is not trusted");
    if (!*matches) return result(CheckStatus::NotChecked, name + " does not match the SOD: its key is not used");
    if (!live) return result(CheckStatus::NotChecked, "offline check: proving the chip genuine needs the chip");
    return std::nullopt;
}

ChipProof proveChip(icao::SecureChannel& channel, const std::optional<lds::SecurityObject>& sod, const std::map<std::string, Bytes>& files,
                    const std::set<int>& withheld, std::vector<std::string>& problems)
{
    ChipProof proof;
    std::optional<CheckResult> caUnusable = unusableKey(chipAuthenticationGroup, sod, files, withheld, true);
    std::optional<CheckResult> aaUnusable = unusableKey(activeAuthenticationGroup, sod, files, withheld, true);
    // DG14 also names the AA signature algorithm; it counts only when the SOD vouches for it.
    std::optional<lds::SecurityInfos> dg14;
    if (!caUnusable) {
        dg14 = parseIfPresent(files, "DG14", problems, [](ByteView b) { return lds::parseSecurityInfos(parseTlv(b, "DG14").value, "DG14"); });
    }
    if (caUnusable) {
        proof.chipAuthentication = *caUnusable;
    } else if (!dg14) {
        proof.chipAuthentication = CheckResult{CheckStatus::NotChecked, "DG14 is signed but does not parse: the SDK cannot use its key"};
    } else {
        proof.chipAuthentication = icao::performChipAuthentication(channel, *dg14, crypto::systemRandom());
    }
    if (aaUnusable) {
        proof.activeAuthentication = *aaUnusable;
    } else if (!channel.isOpen()) {
        proof.activeAuthentication = CheckResult{CheckStatus::NotChecked, "not run: the chip ended the session when chip authentication failed"};
    } else {
        ByteView dg15 = files.at("DG15");
        try {
            proof.activeAuthentication = icao::performActiveAuthentication(channel, parseTlv(dg15, "DG15").value, dg14, crypto::systemRandom());
        } catch (const ParseError& e) {
            problems.push_back(std::string("DG15 does not parse: ") + e.what());
            proof.activeAuthentication = CheckResult{CheckStatus::NotChecked, "DG15 is signed but does not parse: the SDK cannot use its key"};
        }
    }
    return proof;
}

} // namespace cccd::reading
