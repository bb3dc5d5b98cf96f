// Whole-document verification of files (verifyFiles, the offline path of `cccd verify`): the document must be
// what it claims, the keys of CA/AA must be vouched for, and expiry is its own status.
#include "card_image.hpp"
#include "cccd/verification.hpp"
#include "lds/mrz.hpp"
#include "reading/chip_proof.hpp"
#include "reading/consistency.hpp"
#include "test_pki.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <unistd.h>

using namespace cccd;

namespace {
std::string vcardDir() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard"; }
std::string testCsca() { return vcardDir() + "/pki/csca.pem"; }

std::map<std::string, Bytes> card(const std::string& pkiFolder, const vcard::Faults& faults = {})
{
    vcard::CardImage image = vcard::personalize(vcard::loadProfile(vcardDir() + "/profiles/nguyen-van-an.json"), faults, pkiFolder);
    std::map<std::string, Bytes> files{{"SOD", image.files.at(0x011D)}, {"COM", image.files.at(0x011E)}};
    for (int dg : {1, 2, 13, 14, 15}) files["DG" + std::to_string(dg)] = image.files.at(static_cast<std::uint16_t>(0x0100 + dg));
    return files;
}

VerifyOptions trusting(const std::string& csca)
{
    VerifyOptions o;
    o.trustPaths = {csca};
    o.useDefaultTrust = false;
    return o;
}

lds::Mrz vietnameseMrz()
{
    return lds::parseMrz("IDVNM0901234564001090123456<<9\n9001011M3001017VNM<<<<<<<<<<<6\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<");
}
} // namespace

TEST_CASE("offline verification of a genuine card: PA passed, consistent, never VALID, then what the folder lacks is listed")
{
    std::map<std::string, Bytes> files = card(vcardDir() + "/pki");
    VerificationReport r = verifyFiles(files, trusting(testCsca()));
    CHECK(r.passive.status == CheckStatus::Passed);
    CHECK(r.consistency.status == CheckStatus::Passed);
    CHECK(r.chipAuthentication.status == CheckStatus::NotChecked);
    CHECK(r.offline);
    CHECK(r.overall == Verdict::Unverified);
    CHECK(r.passive.ldsVersion == "0107"); // from EF.COM: the test SOD has no LDSVersionInfo
    CHECK(r.expiry.document.status == ExpiryStatus::NotExpired);

    std::map<std::string, Bytes> sodOnly{{"SOD", files.at("SOD")}};
    VerificationReport bare = verifyFiles(sodOnly, trusting(testCsca()));
    CHECK(bare.overall != Verdict::Valid);
    CHECK(bare.passive.dataGroups.at("DG1") == "NOT_READ");
    CHECK(bare.consistency.status == CheckStatus::NotChecked); // nothing says what the document is
    CHECK(bare.overall == Verdict::Unverified);
}

TEST_CASE("a genuine SOD of another state cannot vouch for a Vietnamese document: INVALID")
{
    std::string pki = "/tmp/cccd-test-de-pki-" + std::to_string(::getpid());
    vcard::makePki(pki, "DE");
    VerificationReport r = verifyFiles(card(pki), trusting(pki + "/csca.pem"));
    std::filesystem::remove_all(pki);
    CHECK(r.passive.status == CheckStatus::Passed); // the signature and chain are fine...
    CHECK(r.consistency.status == CheckStatus::Failed); // ...but DG1 says VNM
    CHECK_THAT(r.consistency.reason, Catch::Contains("issued by VNM") && Catch::Contains("DE"));
    CHECK(r.overall == Verdict::Invalid);
}

TEST_CASE("consistency: issuing state against the signer, and the DG13 ID against DG1")
{
    lds::Mrz mrz = vietnameseMrz();
    CHECK(reading::checkConsistency(mrz, std::nullopt, {"VN", "VN"}).status == CheckStatus::Passed);
    CHECK(reading::checkConsistency(mrz, std::nullopt, {"VN", ""}).status == CheckStatus::NotChecked);
    CHECK(reading::checkConsistency(mrz, std::nullopt, {"DE", "DE"}).status == CheckStatus::Failed);
    CHECK(reading::checkConsistency(mrz, std::nullopt, {"VN", "FR"}).status == CheckStatus::Failed);
    CHECK(reading::checkConsistency(std::nullopt, std::nullopt, {"VN", "VN"}).status == CheckStatus::Failed);

    lds::Dg13 same, other;
    same.fields[1].values = {"001090123456"};
    other.fields[1].values = {"001090999999"};
    CHECK(reading::checkConsistency(mrz, same, {"VN", "VN"}).status == CheckStatus::Passed);
    CheckResult mixed = reading::checkConsistency(mrz, other, {"VN", "VN"});
    CHECK(mixed.status == CheckStatus::Failed);
    CHECK_THAT(mixed.reason, Catch::Contains("ID number"));

    lds::Mrz german = lds::parseMrz("IDD<<T220001293<<<<<<<<<<<<<<<\n6408125<2010315D<<<<<<<<<<<<<4\nMUSTERMANN<<ERIKA<<<<<<<<<<<<<");
    CHECK(reading::checkConsistency(german, std::nullopt, {"DE", "DE"}).status == CheckStatus::Passed); // "D" is Germany
    CHECK(reading::checkConsistency(german, std::nullopt, {"VN", "VN"}).status == CheckStatus::Failed);
}

TEST_CASE("CA and AA use only keys the SOD vouches for, then a withheld key is a clone's")
{
    std::map<std::string, Bytes> files = card(vcardDir() + "/pki");
    std::optional<lds::SecurityObject> sod = lds::parseSod(files.at("SOD"));
    CHECK_FALSE(reading::unusableKey(14, sod, files, {}, true).has_value()); // run it

    std::optional<CheckResult> hidden = reading::unusableKey(14, sod, files, {14}, true);
    REQUIRE(hidden);
    CHECK(hidden->status == CheckStatus::Failed);
    CHECK_THAT(hidden->reason, Catch::Contains("treat it as a copy"));

    vcard::Faults unsignedKey;
    unsignedKey.unsignedDataGroups = {14};
    std::map<std::string, Bytes> clone = card(vcardDir() + "/pki", unsignedKey);
    std::optional<lds::SecurityObject> cloneSod = lds::parseSod(clone.at("SOD"));
    std::optional<CheckResult> notListed = reading::unusableKey(14, cloneSod, clone, {}, true);
    REQUIRE(notListed);
    CHECK(notListed->status == CheckStatus::NotSupported);

    std::map<std::string, Bytes> swapped = files;
    swapped["DG15"] = clone.at("DG14"); // a key file the SOD's hash does not match
    std::optional<CheckResult> mismatch = reading::unusableKey(15, sod, swapped, {}, true);
    REQUIRE(mismatch);
    CHECK(mismatch->status == CheckStatus::NotChecked);
    CHECK(reading::unusableKey(14, std::nullopt, files, {}, true)->status == CheckStatus::NotChecked);
}

TEST_CASE("expiry at a chosen day is its own status")
{
    std::map<std::string, Bytes> files = card(vcardDir() + "/pki");
    VerifyOptions later = trusting(testCsca());
    later.at = 2366841600 + 86400 * 365L * 20; // long after the card and its certificates expired
    VerificationReport r = verifyFiles(files, later);
    CHECK(r.expiry.document.status == ExpiryStatus::Expired);
    REQUIRE(r.expiry.documentSigner);
    CHECK(r.expiry.documentSigner->status == ExpiryStatus::Expired);
    CHECK(r.passive.status == CheckStatus::Passed); // signed while valid: expiry is not forgery
}
