// SODs crafted the ways real documents and forgers make them: id-data content, the signer's issuer written
// in another RDN order and string type, no signingTime, a tampered or not-yet-valid Document Signer,
// duplicate hash entries, a broken CMS.
#include "core/tlv.hpp"
#include "pki/card_security.hpp"
#include "pki_fixtures.hpp"

#include <openssl/x509v3.h>

using namespace cccd;
using namespace cccd::test;

namespace {
std::map<int, Bytes> dataGroups(const std::map<std::string, Bytes>& files)
{
    std::map<int, Bytes> out;
    for (const auto& [name, content] : files) {
        if (name.rfind("DG", 0) == 0) out[std::stoi(name.substr(2))] = content;
    }
    return out;
}

// The virtual card's files with an SOD signed by the given Document Signer.
std::map<std::string, Bytes> signedWith(EVP_PKEY* key, X509* cert, const vcard::SodOptions& options = {})
{
    std::map<std::string, Bytes> files = cardFiles();
    files["SOD"] = vcard::signSod(dataGroups(files), key, cert, options);
    return files;
}

// A Document Signer of the test CSCA valid between two times.
vcard::X509Ptr signerValid(vcard::TestPki& pki, long from, long until)
{
    return vcard::issueCertificate(pki.dsKey.get(), "DS CCCD SDK TEST", pki.cscaKey.get(), pki.cscaCert.get(), false, from, until, 77);
}

Bytes der(const X509_NAME* name)
{
    unsigned char* out = nullptr;
    int n = i2d_X509_NAME(const_cast<X509_NAME*>(name), &out);
    Bytes b(out, out + n);
    OPENSSL_free(out);
    return b;
}

std::size_t lastIndexOf(const Bytes& haystack, const Bytes& needle)
{
    auto it = std::find_end(haystack.begin(), haystack.end(), needle.begin(), needle.end());
    REQUIRE(it != haystack.end());
    return static_cast<std::size_t>(it - haystack.begin());
}

std::time_t day(const char* iso)
{
    std::tm tm{};
    strptime(iso, "%Y-%m-%d", &tm);
    return timegm(&tm);
}
} // namespace

TEST_CASE("an SOD whose content type is id-data but holds an LDSSecurityObject passes, with a note")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    vcard::SodOptions options;
    options.idDataContentType = true;
    PassiveAuthenticationResult r = passive(signedWith(pki.dsKey.get(), pki.dsCert.get(), options), testCsca());
    CHECK(r.status == CheckStatus::Passed);
    REQUIRE_FALSE(r.notes.empty());
    CHECK_THAT(r.notes.front(), Catch::Contains("id-data"));
}

TEST_CASE("the signer is found when the SignerInfo writes its issuer in another RDN order and string type")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    std::map<std::string, Bytes> files = signedWith(pki.dsKey.get(), pki.dsCert.get());
    const X509_NAME* issuer = X509_get_issuer_name(pki.dsCert.get());
    X509_NAME* reordered = X509_NAME_new();
    for (int i = X509_NAME_entry_count(issuer) - 1; i >= 0; --i) {
        const X509_NAME_ENTRY* e = X509_NAME_get_entry(issuer, i);
        const ASN1_STRING* value = X509_NAME_ENTRY_get_data(e);
        X509_NAME_add_entry_by_OBJ(reordered, X509_NAME_ENTRY_get_object(e), MBSTRING_ASC, ASN1_STRING_get0_data(value), ASN1_STRING_length(value), -1, 0);
    }
    Bytes original = der(issuer), changed = der(reordered);
    X509_NAME_free(reordered);
    REQUIRE(original.size() == changed.size());
    REQUIRE(original != changed);
    Bytes& sod = files["SOD"];
    std::size_t at = lastIndexOf(sod, original); // the SignerInfo's issuerAndSerialNumber comes after the certificate
    std::copy(changed.begin(), changed.end(), sod.begin() + static_cast<long>(at));

    PassiveAuthenticationResult r = passive(files, testCsca());
    CHECK(r.status == CheckStatus::Passed);
    CHECK_THAT(r.documentSigner, Catch::Contains("DS CCCD SDK TEST"));
}

TEST_CASE("without a signingTime the Document Signer is checked against the date of issue, and an expired one is not forgery")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    vcard::X509Ptr expired = signerValid(pki, year2020, year2021);
    vcard::SodOptions noTime;
    noTime.signingTime = false;
    std::map<std::string, Bytes> files = signedWith(pki.dsKey.get(), expired.get(), noTime);

    PassiveAuthenticationResult issued2020 = passive(files, testCsca(), {1, 13}, {}, std::time(nullptr), day("2020-06-01"));
    CHECK(issued2020.status == CheckStatus::Passed);
    CHECK_FALSE(issued2020.signingTime.has_value());
    CHECK_THAT(issued2020.notes.front(), Catch::Contains("date of issue"));

    PassiveAuthenticationResult issued2023 = passive(files, testCsca(), {1, 13}, {}, std::time(nullptr), day("2023-06-01"));
    CHECK(issued2023.status == CheckStatus::Failed);
    CHECK_THAT(issued2023.reason, Catch::Contains("not valid on the document's date of issue"));

    PassiveAuthenticationResult unknownDate = passive(files, testCsca());
    CHECK(unknownDate.status == CheckStatus::Passed);
    CHECK_THAT(unknownDate.notes.front(), Catch::Contains("could not be checked against the signing date"));

    pki::PassiveInput at2020{files, {1, 13}, {}, day("2020-07-01"), std::nullopt};
    pki::PassiveOutcome then = pki::verifyPassive(at2020, testCsca());
    REQUIRE(then.documentSigner.has_value());
    CHECK(then.documentSigner->status == ExpiryStatus::NotExpired);
    pki::PassiveInput today{files, {1, 13}, {}, std::time(nullptr), std::nullopt};
    CHECK(pki::verifyPassive(today, testCsca()).documentSigner->status == ExpiryStatus::Expired);
}

TEST_CASE("an SOD signed in 2020 by a Document Signer valid then passes today, and the expiry is a note")
{
    crypto::PKey cscaKey = ecKey("brainpoolP384r1"), dsKey = ecKey("brainpoolP256r1");
    vcard::X509Ptr csca = vcard::issueCertificate(cscaKey.get(), "CSCA 2019", nullptr, nullptr, true, year2020 - 86400 * 365, year2045, 1);
    vcard::X509Ptr ds = vcard::issueCertificate(dsKey.get(), "DS 2020", cscaKey.get(), csca.get(), false, year2020, year2021, 2);
    TempFile anchor("csca-2019.pem");
    anchor.writePem({csca.get()});
    TrustStore trust;
    trust.add(anchor.path());
    vcard::SodOptions signed2020;
    signed2020.signedAt = day("2020-06-01");
    PassiveAuthenticationResult r = passive(signedWith(dsKey.get(), ds.get(), signed2020), trust);
    INFO(r.reason);
    REQUIRE(r.status == CheckStatus::Passed);
    REQUIRE(r.signingTime.has_value());
    CHECK(r.signingTime->rfind("2020-06-01", 0) == 0);
    CHECK_THAT(r.notes.back(), Catch::Contains("expired on 2021-01-01"));

    // The test CSCA only exists from 2014: it cannot have vouched for an SOD signed in 2012.
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    vcard::X509Ptr early = signerValid(pki, day("2011-01-01"), day("2013-01-01"));
    vcard::SodOptions signed2012;
    signed2012.signedAt = day("2012-06-01");
    PassiveAuthenticationResult tooEarly = passive(signedWith(pki.dsKey.get(), early.get(), signed2012), testCsca());
    CHECK(tooEarly.status == CheckStatus::Failed);
    CHECK_THAT(tooEarly.reason, Catch::Contains("CSCA certificate was not valid when the SOD was signed"));
}

TEST_CASE("a Document Signer that is not yet valid is FAILED, not 'expired since'")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    long now = static_cast<long>(std::time(nullptr));
    vcard::X509Ptr future = signerValid(pki, now + 30 * 86400, year2045);
    PassiveAuthenticationResult r = passive(signedWith(pki.dsKey.get(), future.get()), testCsca());
    CHECK(r.status == CheckStatus::Failed);
    CHECK_FALSE(r.inconclusive);
    CHECK_THAT(r.reason, Catch::Contains("not valid before"));
}

TEST_CASE("a Document Signer certificate altered after the CSCA signed it is forged, then a key of the CSCA we do not hold is unknown")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    unsigned char* encoded = nullptr;
    int size = i2d_X509(pki.dsCert.get(), &encoded);
    Bytes certificate(encoded, encoded + size);
    OPENSSL_free(encoded);
    std::string name = "DS CCCD SDK TEST";
    auto at = std::search(certificate.begin(), certificate.end(), name.begin(), name.end());
    REQUIRE(at != certificate.end());
    at[3] = 'X'; // "DS XCCD SDK TEST": the CSCA's signature no longer covers this certificate
    const unsigned char* p = certificate.data();
    vcard::X509Ptr tampered(d2i_X509(nullptr, &p, static_cast<long>(certificate.size())));
    REQUIRE(tampered);
    PassiveAuthenticationResult forged = passive(signedWith(pki.dsKey.get(), tampered.get()), testCsca());
    INFO(forged.documentSigner);
    CHECK(forged.status == CheckStatus::Failed);
    CHECK_FALSE(forged.inconclusive);
    CHECK_THAT(forged.reason, Catch::Contains("did not sign it: forged"));

    // Another key under the same CSCA name, with its own key identifier: a newer CSCA key, or a forger; not VALID either way.
    crypto::PKey otherCsca = ecKey("brainpoolP384r1");
    vcard::X509Ptr otherCscaCert = vcard::issueCertificate(otherCsca.get(), "CSCA CCCD SDK TEST", nullptr, nullptr, true, year2024, year2045, 1);
    vcard::X509Ptr otherDs = vcard::issueCertificate(pki.dsKey.get(), "DS CCCD SDK TEST", otherCsca.get(), otherCscaCert.get(), false, year2024, year2045, 2);
    PassiveAuthenticationResult unknownKey = passive(signedWith(pki.dsKey.get(), otherDs.get()), testCsca());
    CHECK(unknownKey.status == CheckStatus::Failed);
    CHECK(unknownKey.inconclusive);
    CHECK_THAT(unknownKey.reason, Catch::StartsWith("unknown CSCA") && Catch::Contains("key identifier"));
}

TEST_CASE("duplicate hash entries and a broken CMS make the SOD FAILED, never an exception")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    vcard::SodOptions twice;
    twice.listedTwice = {1};
    PassiveAuthenticationResult duplicate = passive(signedWith(pki.dsKey.get(), pki.dsCert.get(), twice), testCsca());
    CHECK(duplicate.status == CheckStatus::Failed);
    CHECK_THAT(duplicate.reason, Catch::Contains("DG1 more than once"));

    std::map<std::string, Bytes> files = cardFiles();
    files["SOD"] = encodeTlv(0x77, encodeTlv(0x30, Bytes{0x02, 0x01, 0x00}));
    PassiveAuthenticationResult garbage = passive(files, testCsca());
    CHECK(garbage.status == CheckStatus::Failed);
    CHECK_FALSE(garbage.inconclusive);
    CHECK_THAT(garbage.reason, Catch::StartsWith("EF.SOD does not parse"));

    files = cardFiles();
    unsigned char* certDer = nullptr;
    int n = i2d_X509(pki.dsCert.get(), &certDer);
    Bytes cert(certDer, certDer + n);
    OPENSSL_free(certDer);
    std::size_t at = lastIndexOf(files["SOD"], cert);
    files["SOD"][at + 4] = 0x31; // the certificate's TBSCertificate is no longer a SEQUENCE
    PassiveAuthenticationResult brokenCert = passive(files, testCsca());
    CHECK(brokenCert.status == CheckStatus::Failed);
    CHECK_FALSE(brokenCert.inconclusive);
    CHECK_THAT(brokenCert.reason, Catch::Contains("does not parse"));
}

TEST_CASE("EF.CardSecurity of a real German eID verifies under its CSCA (explicit EC parameters), then altered, it fails")
{
    Bytes file = sample("ef-cardsecurity/openpace_dan.bin");
    TrustStore germany;
    germany.add(requireData("vectors/lds-samples/ef-cardsecurity/openpace_csca_germany_013_self_signed.cer"));
    CheckResult ok = pki::verifyCardSecurity(file, germany, std::time(nullptr));
    CHECK(ok.status == CheckStatus::Passed);
    CHECK(pki::verifyCardSecurity(file, TrustStore(), std::time(nullptr)).status == CheckStatus::NotChecked);
    Bytes altered = file;
    altered[40] ^= 0x01; // inside the SecurityInfos
    CHECK(pki::verifyCardSecurity(altered, germany, std::time(nullptr)).status == CheckStatus::Failed);
    CHECK(pki::verifyCardSecurity(sample("jmrtd-bsi2008/EF_SOD.bin"), germany, std::time(nullptr)).status == CheckStatus::Failed);
}
