#include "pki/verification_json.hpp"

namespace cccd::pki {

namespace {
nlohmann::json check(const CheckResult& c) { return {{"status", toString(c.status)}, {"reason", c.reason}}; }
} // namespace

nlohmann::json verificationToJson(const VerificationReport& r)
{
    nlohmann::json passive = check(r.passive);
    passive["data_groups"] = r.passive.dataGroups;
    passive["document_signer"] = r.passive.documentSigner.empty() ? nlohmann::json() : nlohmann::json(r.passive.documentSigner);
    passive["csca"] = r.passive.csca ? nlohmann::json(*r.passive.csca) : nlohmann::json();
    return {{"passive_authentication", passive},
            {"chip_authentication", check(r.chipAuthentication)},
            {"active_authentication", check(r.activeAuthentication)},
            {"overall", toString(r.overall)}};
}

} // namespace cccd::pki
