#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "doctor_finding.hpp"
#include "pki/trust_store_impl.hpp"

namespace cccd::cli {

namespace {
bool trustsCountry(const TrustStore& trust, const std::string& country)
{
    for (const pki::X509Ptr& certificate : trust.impl().certificates) {
        if (pki::countryOf(X509_get_subject_name(certificate.get())) == country) return true;
    }
    return false;
}
} // namespace

DoctorFindings checkTrust(const std::vector<std::string>& trustPaths)
{
    const std::string importFix = "cccd trust import MASTER-LIST-OR-CSCA (Viet Nam's CSCA is in the German master list); "
                                  "cccd-agent from the package trusts /etc/cccd/csca";
    TrustStore trust;
    std::string where = TrustStore::defaultLocation();
    try {
        trust.addDefaultLocation();
        for (const std::string& path : trustPaths) {
            trust.add(path);
            where += ", " + path;
        }
    } catch (const Error& e) {
        return {{"trust", DoctorLevel::Problem, e.what(), "pass a CSCA certificate, master list, CRL or a folder of them"}};
    }
    DoctorFindings findings;
    if (trust.certificateCount() == 0) {
        findings.push_back({"trust", DoctorLevel::Problem, "no trusted CSCA in " + where + ": reads are at best UNVERIFIED, never VALID", importFix});
    } else {
        findings.push_back({"trust", DoctorLevel::Ok,
                            std::to_string(trust.certificateCount()) + " CSCA certificates of " + std::to_string(trust.countryCount()) +
                                " countries, " + std::to_string(trust.crlCount()) + " CRLs (" + where + ")",
                            ""});
        if (!trustsCountry(trust, "VN")) {
            findings.push_back({"trust", DoctorLevel::Warning, "no CSCA of Viet Nam (C=VN) among them: real CCCD cards read UNVERIFIED", importFix});
        }
    }
    for (const std::string& warning : trust.warnings()) findings.push_back({"trust", DoctorLevel::Warning, warning, ""});
    return findings;
}

} // namespace cccd::cli
