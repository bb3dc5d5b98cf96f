// Passive authentication on real sample SODs, the German and Dutch master lists, and the virtual card's
// SOD with each fault.
#include "card_image.hpp"
#include "test_pki.hpp"
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "crypto/crypto.hpp"
#include "icao/chip_authentication.hpp"
#include "pki/passive_authentication.hpp"
#include "pki/trust_store_impl.hpp"
#include "test_data.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

#include <ctime>
#include <cstdio>
#include <openssl/pem.h>
#include <fstream>
#include <unistd.h>

using namespace cccd;

namespace {
std::string vcardDir() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard"; }

std::map<std::string, Bytes> cardFiles(const vcard::Faults& faults = {})
{
    vcard::CardImage card = vcard::personalize(vcard::loadProfile(vcardDir() + "/profiles/nguyen-van-an.json"), faults, vcardDir() + "/pki");
    std::map<std::string, Bytes> files{{"SOD", card.files.at(0x011D)}};
    for (int dg : {1, 2, 13, 14, 15}) files["DG" + std::to_string(dg)] = card.files.at(static_cast<std::uint16_t>(0x0100 + dg));
    return files;
}

TrustStore testCsca()
{
    TrustStore trust;
    CHECK(trust.add(vcardDir() + "/pki/csca.pem") == 1);
    return trust;
}

Bytes sample(const std::string& p) { return test::readData("vectors/lds-samples/" + p); }
} // namespace

TEST_CASE("the virtual card's SOD passes with the test CSCA and is UNVERIFIED without it")
{
    PassiveAuthenticationResult ok = pki::verifyPassive(cardFiles(), testCsca(), std::time(nullptr));
    CHECK(ok.status == CheckStatus::Passed);
    CHECK(ok.dataGroups.at("DG1") == "PASSED");
    CHECK(ok.dataGroups.at("DG13") == "PASSED");
    REQUIRE(ok.csca.has_value());
    CHECK_THAT(*ok.csca, Catch::Contains("CSCA CCCD SDK TEST"));
    CHECK_THAT(ok.documentSigner, Catch::Contains("DS CCCD SDK TEST"));

    PassiveAuthenticationResult none = pki::verifyPassive(cardFiles(), TrustStore(), std::time(nullptr));
    CHECK(none.status == CheckStatus::Failed);
    CHECK(none.unknownCsca);
    CHECK_THAT(none.reason, Catch::StartsWith("unknown CSCA"));
    VerificationReport report;
    report.passive = none;
    CHECK(overallVerdict(report) == Verdict::Unverified);
}

TEST_CASE("faults: tampered data, bad signature, unknown CSCA, expired signer")
{
    vcard::Faults tamper;
    tamper.tamperedDataGroups = {13};
    PassiveAuthenticationResult t = pki::verifyPassive(cardFiles(tamper), testCsca(), std::time(nullptr));
    CHECK(t.status == CheckStatus::Failed);
    CHECK(t.dataGroups.at("DG13") == "FAILED");
    CHECK(t.dataGroups.at("DG1") == "PASSED");
    CHECK_THAT(t.reason, Catch::Contains("DG13") && Catch::Contains("altered"));

    vcard::Faults bad;
    bad.badSignature = true;
    PassiveAuthenticationResult b = pki::verifyPassive(cardFiles(bad), testCsca(), std::time(nullptr));
    CHECK(b.status == CheckStatus::Failed);
    CHECK_THAT(b.reason, Catch::Contains("signature"));

    vcard::Faults unknown;
    unknown.unknownCsca = true;
    CHECK(pki::verifyPassive(cardFiles(unknown), testCsca(), std::time(nullptr)).unknownCsca);

    vcard::Faults expired;
    expired.expiredSigner = true;
    PassiveAuthenticationResult e = pki::verifyPassive(cardFiles(expired), testCsca(), std::time(nullptr));
    CHECK(e.status == CheckStatus::Failed);
    CHECK_THAT(e.reason, Catch::Contains("not valid when the SOD was signed"));
}

TEST_CASE("sample SODs: signatures (ECDSA with explicit parameters, RSA, RSASSA-PSS, BER) verify, no CSCA is known")
{
    struct Case {
        const char* sod;
        std::vector<std::pair<const char*, const char*>> dgs;
    };
    for (const Case& c : {Case{"jmrtd-bsi2008/EF_SOD.bin", {{"DG1", "jmrtd-bsi2008/Datagroup1.bin"}, {"DG15", "jmrtd-bsi2008/Datagroup15.bin"}}},
                          Case{"jmrtd-loes2006/ef011D.bin", {{"DG1", "jmrtd-loes2006/ef0101.bin"}}},
                          Case{"pymrtd-bsi-tr03105/EF_SOD.bin", {{"DG1", "pymrtd-bsi-tr03105/DG1.bin"}}},
                          Case{"pymrtd-etsi-tr103200/EF_SOD.bin", {{"DG1", "pymrtd-etsi-tr103200/DG1.bin"}}},
                          Case{"jmrtd-misc/NZ2013_EF_SOD.BIN", {}}}) {
        INFO(c.sod);
        std::map<std::string, Bytes> files{{"SOD", sample(c.sod)}};
        for (const auto& [name, path] : c.dgs) files[name] = sample(path);
        PassiveAuthenticationResult r = pki::verifyPassive(files, TrustStore(), std::time(nullptr));
        CHECK(r.unknownCsca); // the signature verified; only the (unpublished) test CSCA is missing
        CHECK_FALSE(r.documentSigner.empty());
        if (!c.dgs.empty()) CHECK(r.dataGroups.at("DG1") == "PASSED");
    }
    std::map<std::string, Bytes> bsi{{"SOD", sample("jmrtd-bsi2008/EF_SOD.bin")}, {"DG15", sample("jmrtd-bsi2008/Datagroup15.bin")}};
    CHECK(pki::verifyPassive(bsi, TrustStore(), std::time(nullptr)).dataGroups.at("DG15") == "NOT_IN_SOD");
}

TEST_CASE("master lists: the German list verifies its signer (explicit brainpoolP512r1) and holds the VN CSCA")
{
    TrustStore trust;
    std::size_t added = trust.add(test::requireData("vectors/pki/DE_ML_2026-05-28-08-28-45.ml"));
    CHECK(added == 588);
    CHECK(trust.countryCount() > 100);
    bool hasVietnam = false;
    for (const auto& cert : trust.impl().certificates) {
        unsigned char* der = nullptr;
        int n = i2d_X509(cert.get(), &der);
        hasVietnam = hasVietnam || toHex(crypto::hash(crypto::HashAlgorithm::Sha256, ByteView(der, static_cast<std::size_t>(n)))) ==
                                       "6B5FA6FE45CC4E855A73760413E08B7A9AC50A27722C702F3909A90FACC991BD";
        OPENSSL_free(der);
    }
    CHECK(hasVietnam);
    TrustStore vn;
    vn.add(test::requireData("vectors/pki/VN_CSCA_from_DE_ML.cer"));
    CHECK(vn.certificateCount() == 1);
    TrustStore nl;
    CHECK(nl.add(test::requireData("vectors/pki/NL_ML_2026-07-22.ml")) == 411);

    Bytes list = test::readData("vectors/pki/DE_ML_2026-05-28-08-28-45.ml");
    list[list.size() - 40] ^= 0x01; // inside the signature
    std::string path = "/tmp/cccd-corrupt-" + std::to_string(::getpid()) + ".ml";
    {
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(list.data()), static_cast<std::streamsize>(list.size()));
    }
    TrustStore corrupt;
    CHECK_THROWS_AS(corrupt.add(path), Error);
    std::remove(path.c_str());
    CHECK_THROWS_AS(corrupt.add("/nonexistent/csca.pem"), Error);
}

TEST_CASE("the overall verdict")
{
    VerificationReport r;
    r.passive.status = CheckStatus::Passed;
    r.chipAuthentication.status = CheckStatus::Passed;
    CHECK(overallVerdict(r) == Verdict::Valid);
    r.chipAuthentication.status = CheckStatus::NotChecked;
    CHECK(overallVerdict(r) == Verdict::Unverified);
    r.chipAuthentication.status = CheckStatus::NotSupported;
    r.activeAuthentication.status = CheckStatus::NotSupported;
    CHECK(overallVerdict(r) == Verdict::Valid);
    r.activeAuthentication.status = CheckStatus::Failed;
    CHECK(overallVerdict(r) == Verdict::Invalid);
    r.activeAuthentication.status = CheckStatus::Passed;
    r.passive.status = CheckStatus::Failed;
    CHECK(overallVerdict(r) == Verdict::Invalid);
    r.passive.unknownCsca = true;
    CHECK(overallVerdict(r) == Verdict::Unverified);
    CHECK(std::string(toString(Verdict::Valid)) == "VALID");
    CHECK(std::string(toString(CheckStatus::NotSupported)) == "NOT_SUPPORTED");
}

TEST_CASE("Active Authentication: the ICAO ISO/IEC 9796-2 example message recovers and matches")
{
    const auto& aa = test::workedExamples().at("active_authentication_example");
    Bytes f = test::hexField(aa, "F");
    Bytes challenge = test::hexField(aa, "rnd_ifd");
    CHECK(icao::iso9796MessageMatches(f, challenge));
    Bytes other = challenge;
    other[0] ^= 0x01;
    CHECK_FALSE(icao::iso9796MessageMatches(f, other));
    Bytes badHeader = f;
    badHeader[0] = 0x4A;
    CHECK_FALSE(icao::iso9796MessageMatches(badHeader, challenge));
    CHECK_FALSE(icao::iso9796MessageMatches(Bytes(10, 0x6A), challenge));
}

TEST_CASE("a CRL from the CSCA that revokes the Document Signer fails passive authentication")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    X509_CRL* crl = X509_CRL_new();
    X509_CRL_set_version(crl, 1);
    X509_CRL_set_issuer_name(crl, X509_get_subject_name(pki.cscaCert.get()));
    ASN1_TIME* now = ASN1_TIME_set(nullptr, std::time(nullptr));
    X509_CRL_set1_lastUpdate(crl, now);
    X509_REVOKED* revoked = X509_REVOKED_new();
    X509_REVOKED_set_serialNumber(revoked, X509_get_serialNumber(pki.dsCert.get()));
    X509_REVOKED_set_revocationDate(revoked, now);
    X509_CRL_add0_revoked(crl, revoked);
    X509_CRL_sign(crl, pki.cscaKey.get(), EVP_sha256());
    ASN1_TIME_free(now);
    std::string path = "/tmp/cccd-crl-" + std::to_string(::getpid()) + ".pem";
    {
        FILE* f = std::fopen(path.c_str(), "w");
        PEM_write_X509_CRL(f, crl);
        std::fclose(f);
    }
    X509_CRL_free(crl);
    TrustStore trust = testCsca();
    trust.add(path);
    std::remove(path.c_str());
    CHECK(trust.crlCount() == 1);
    PassiveAuthenticationResult r = pki::verifyPassive(cardFiles(), trust, std::time(nullptr));
    CHECK(r.status == CheckStatus::Failed);
    CHECK_THAT(r.reason, Catch::Contains("revoked"));
}
