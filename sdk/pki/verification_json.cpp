#include "pki/verification_json.hpp"

namespace cccd::pki {

namespace {
nlohmann::json orNull(const std::optional<std::string>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json orNull(const std::string& v) { return v.empty() ? nlohmann::json() : nlohmann::json(v); }

nlohmann::json check(const CheckResult& c) { return {{"status", toString(c.status)}, {"reason", c.reason}}; }

nlohmann::json validity(const ValidityPeriod& v)
{
    return {{"valid_from", orNull(v.validFrom)}, {"valid_until", orNull(v.validUntil)}, {"status", toString(v.status)}};
}

nlohmann::json validity(const std::optional<ValidityPeriod>& v) { return v ? validity(*v) : nlohmann::json(); }
} // namespace

nlohmann::json verificationToJson(const VerificationReport& r)
{
    const PassiveAuthenticationResult& pa = r.passive;
    nlohmann::json passive = check(pa);
    passive["data_groups"] = pa.dataGroups;
    passive["listed_data_groups"] = pa.listedDataGroups;
    passive["document_signer"] = orNull(pa.documentSigner);
    passive["csca"] = orNull(pa.csca);
    passive["hash_algorithm"] = orNull(pa.hashAlgorithm);
    passive["signature_algorithm"] = orNull(pa.signatureAlgorithm);
    passive["lds_version"] = orNull(pa.ldsVersion);
    passive["signing_time"] = orNull(pa.signingTime);
    passive["notes"] = pa.notes;
    return {{"passive_authentication", passive},
            {"chip_authentication", check(r.chipAuthentication)},
            {"active_authentication", check(r.activeAuthentication)},
            {"consistency", check(r.consistency)},
            {"card_security", r.cardSecurity ? check(*r.cardSecurity) : nlohmann::json()},
            {"expiry",
             {{"status", toString(r.expiry.document.status)},
              {"checked_at", r.expiry.checkedAt},
              {"document", validity(r.expiry.document)},
              {"document_signer", validity(r.expiry.documentSigner)},
              {"csca", validity(r.expiry.csca)}}},
            {"offline", r.offline},
            {"overall", toString(r.overall)}};
}

} // namespace cccd::pki
