// Passive authentication on real sample SODs and on the virtual card's SOD with each fault: hashes, signature,
// what the SOD covers, and the chain to a trusted CSCA.
#include "cccd/error.hpp"
#include "cccd/verification.hpp"
#include "crypto/crypto.hpp"
#include "pki/trust_store_impl.hpp"
#include "pki_fixtures.hpp"

using namespace cccd;
using namespace cccd::test;

namespace {
// Failed for a reason that means forgery, not for want of a way to check.
void requireForged(const PassiveAuthenticationResult& r, const std::string& reason)
{
    INFO(r.reason);
    CHECK(r.status == CheckStatus::Failed);
    CHECK_FALSE(r.inconclusive);
    CHECK_THAT(r.reason, Catch::Contains(reason));
}

} // namespace

TEST_CASE("the virtual card's SOD passes with the test CSCA and is UNVERIFIED without it")
{
    PassiveAuthenticationResult ok = passive(cardFiles(), testCsca());
    CHECK(ok.status == CheckStatus::Passed);
    CHECK(ok.dataGroups.at("DG1") == "PASSED");
    CHECK(ok.dataGroups.at("DG13") == "PASSED");
    CHECK(ok.dataGroups.at("DG3") == "NOT_READ"); // listed, never readable without Terminal Authentication
    CHECK(ok.listedDataGroups == std::vector<int>{1, 2, 3, 13, 14, 15});
    CHECK(ok.hashAlgorithm == "SHA-256");
    CHECK(ok.signatureAlgorithm == "ecdsa-with-SHA256");
    REQUIRE(ok.csca.has_value());
    CHECK_THAT(*ok.csca, Catch::Contains("CSCA CCCD SDK TEST"));
    CHECK_THAT(ok.documentSigner, Catch::Contains("DS CCCD SDK TEST"));
    CHECK(ok.signingTime.has_value());

    PassiveAuthenticationResult none = passive(cardFiles(), TrustStore());
    CHECK(none.status == CheckStatus::Failed);
    CHECK(none.unknownCsca);
    CHECK(none.inconclusive);
    CHECK_THAT(none.reason, Catch::StartsWith("unknown CSCA"));
}

TEST_CASE("faults: tampered data, bad signature, unknown CSCA, expired signer")
{
    vcard::Faults tamper;
    tamper.tamperedDataGroups = {13};
    PassiveAuthenticationResult t = passive(cardFiles(tamper), testCsca());
    requireForged(t, "altered");
    CHECK(t.dataGroups.at("DG13") == "FAILED");
    CHECK(t.dataGroups.at("DG1") == "PASSED");
    CHECK_THAT(t.reason, Catch::Contains("DG13"));

    vcard::Faults bad;
    bad.badSignature = true;
    requireForged(passive(cardFiles(bad), testCsca()), "signature does not verify");

    vcard::Faults unknown;
    unknown.unknownCsca = true;
    CHECK(passive(cardFiles(unknown), testCsca()).unknownCsca);

    vcard::Faults expired;
    expired.expiredSigner = true;
    requireForged(passive(cardFiles(expired), testCsca()), "not valid when the SOD was signed");
}

TEST_CASE("the SOD decides what the document holds: unsigned, withheld and duplicate data groups")
{
    vcard::Faults unsignedDg13;
    unsignedDg13.unsignedDataGroups = {13};
    PassiveAuthenticationResult u = passive(cardFiles(unsignedDg13), testCsca());
    requireForged(u, "DG13 is not covered");
    CHECK(u.dataGroups.at("DG13") == "NOT_IN_SOD");
    // Not shown (e.g. an extra data group a genuine card carries): reported, not a failure.
    CHECK(passive(cardFiles(unsignedDg13), testCsca(), {1}).status == CheckStatus::Passed);

    std::map<std::string, Bytes> files = cardFiles();
    files.erase("DG13");
    PassiveAuthenticationResult w = passive(files, testCsca(), {1, 13}, {13});
    CHECK(w.status == CheckStatus::Failed);
    CHECK(w.dataGroups.at("DG13") == "MISSING");
    CHECK_THAT(w.reason, Catch::Contains("hides DG13"));
    // Offline, a data group the folder lacks is only listed.
    CHECK(passive(files, testCsca(), {1}).dataGroups.at("DG13") == "NOT_READ");
}

TEST_CASE("sample SODs: signatures (ECDSA with explicit parameters, RSA, RSASSA-PSS, BER) verify, no CSCA is known")
{
    struct Case {
        const char* sod;
        std::vector<std::pair<const char*, const char*>> dgs;
        const char* signature;
    };
    for (const Case& c : {Case{"jmrtd-bsi2008/EF_SOD.bin", {{"DG1", "jmrtd-bsi2008/Datagroup1.bin"}, {"DG15", "jmrtd-bsi2008/Datagroup15.bin"}}, "ecdsa-with-SHA1"},
                          Case{"jmrtd-loes2006/ef011D.bin", {{"DG1", "jmrtd-loes2006/ef0101.bin"}}, "sha256WithRSAEncryption"},
                          Case{"pymrtd-bsi-tr03105/EF_SOD.bin", {{"DG1", "pymrtd-bsi-tr03105/DG1.bin"}}, "rsassaPss"},
                          Case{"pymrtd-etsi-tr103200/EF_SOD.bin", {{"DG1", "pymrtd-etsi-tr103200/DG1.bin"}}, "rsassaPss"},
                          Case{"jmrtd-misc/NZ2013_EF_SOD.BIN", {}, "rsaEncryption with SHA-256"}}) {
        INFO(c.sod);
        std::map<std::string, Bytes> files{{"SOD", sample(c.sod)}};
        for (const auto& [name, path] : c.dgs) files[name] = sample(path);
        PassiveAuthenticationResult r = passive(files, TrustStore(), {});
        CHECK(r.unknownCsca); // the signature verified; only the (unpublished) test CSCA is missing
        CHECK_FALSE(r.documentSigner.empty());
        CHECK_THAT(r.signatureAlgorithm, Catch::Contains(c.signature));
        CHECK(r.hashAlgorithm.rfind("SHA-", 0) == 0);
        if (!c.dgs.empty()) CHECK(r.dataGroups.at("DG1") == "PASSED");
    }
    std::map<std::string, Bytes> bsi{{"SOD", sample("jmrtd-bsi2008/EF_SOD.bin")}, {"DG15", sample("jmrtd-bsi2008/Datagroup15.bin")}};
    CHECK(passive(bsi, TrustStore(), {}).dataGroups.at("DG15") == "NOT_IN_SOD");
}

TEST_CASE("master lists: the German list verifies its signer (explicit brainpoolP512r1) and holds the VN CSCA")
{
    TrustStore trust;
    std::size_t added = trust.add(requireData("vectors/pki/DE_ML_2026-05-28-08-28-45.ml"));
    CHECK(added == 588); // link certificates with CA:FALSE but keyCertSign (TR, LU, IT, PT, CM) are CSCAs too
    REQUIRE(trust.sources().size() == 1);
    const TrustSource& source = trust.sources().front();
    CHECK(source.kind == "master list");
    CHECK(source.skipped == 0);
    CHECK_THAT(source.signer, Catch::Contains("Master List Signer"));
    CHECK(source.signerSha256.size() == 64);
    CHECK(trust.countryCount() > 100);
    bool hasVietnam = false;
    for (const auto& cert : trust.impl().certificates) hasVietnam = hasVietnam || pki::fingerprintOf(cert.get()) == "6b5fa6fe45cc4e855a73760413e08b7a9ac50a27722c702f3909a90facc991bd";
    CHECK(hasVietnam);
    TrustStore vn;
    vn.add(requireData("vectors/pki/VN_CSCA_from_DE_ML.cer"));
    CHECK(vn.certificateCount() == 1);
    TrustStore nl;
    CHECK(nl.add(requireData("vectors/pki/NL_ML_2026-07-22.ml")) == 411);

    Bytes list = readData("vectors/pki/DE_ML_2026-05-28-08-28-45.ml");
    list[list.size() - 40] ^= 0x01; // inside the signature
    TempFile corrupt("corrupt.ml");
    corrupt.write(list);
    TrustStore refused;
    CHECK_THROWS_AS(refused.add(corrupt.path()), Error);
    CHECK_THROWS_AS(refused.add("/nonexistent/csca.pem"), Error);
}
