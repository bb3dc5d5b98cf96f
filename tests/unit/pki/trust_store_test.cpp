// The trust store is as strict as a browser's: only CA certificates become anchors, every object of a PEM
// bundle is loaded, and a CRL counts only when the CSCA it names signed it (and is current to prove "not revoked").
#include "cccd/error.hpp"
#include "pki_fixtures.hpp"

using namespace cccd;
using namespace cccd::test;

TEST_CASE("a Document Signer (leaf) certificate is refused as a trust anchor")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    TempFile leaf("leaf.pem");
    leaf.writePem({pki.dsCert.get()});
    TrustStore trust;
    CHECK_THROWS_WITH(trust.add(leaf.path()), Catch::Contains("not a CA certificate"));
    CHECK(trust.certificateCount() == 0);
    // Trusting the DS itself must not make its SOD pass.
    CHECK(passive(cardFiles(), trust).unknownCsca);
}

TEST_CASE("a PEM bundle holding a CSCA and its CRL loads both")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    long now = static_cast<long>(std::time(nullptr));
    pki::CrlPtr crl = makeCrl(pki.cscaCert.get(), pki.cscaKey.get(), now - 86400, now + 30 * 86400, {});
    TempFile bundle("bundle.pem");
    bundle.writePem({pki.cscaCert.get()}, {crl.get()});
    TrustStore trust;
    CHECK(trust.add(bundle.path()) == 1);
    CHECK(trust.crlCount() == 1);
    REQUIRE(trust.sources().size() == 1);
    CHECK(trust.sources()[0].kind == "PEM bundle");
    PassiveAuthenticationResult r = passive(cardFiles(), trust);
    CHECK(r.status == CheckStatus::Passed);
    for (const std::string& note : r.notes) CHECK_THAT(note, !Catch::Contains("CRL")); // a current CRL: nothing to say
}

TEST_CASE("CRLs: only the CSCA's own revoke, then a stale one is reported, then anyone else's is ignored")
{
    vcard::TestPki pki = vcard::loadPki(vcardDir() + "/pki");
    long now = static_cast<long>(std::time(nullptr));
    auto withCrl = [&](const pki::CrlPtr& crl) {
        TempFile file("crl.pem");
        file.writePem({}, {crl.get()});
        TrustStore trust = testCsca();
        trust.add(file.path());
        return passive(cardFiles(), trust);
    };

    PassiveAuthenticationResult revoked = withCrl(makeCrl(pki.cscaCert.get(), pki.cscaKey.get(), now - 86400, now + 86400, {pki.dsCert.get()}));
    CHECK(revoked.status == CheckStatus::Failed);
    CHECK_FALSE(revoked.inconclusive);
    CHECK_THAT(revoked.reason, Catch::Contains("revoked"));

    // A CRL in the CSCA's name signed by someone else revokes nothing.
    crypto::PKey stranger = ecKey();
    PassiveAuthenticationResult forgedCrl = withCrl(makeCrl(pki.cscaCert.get(), stranger.get(), now - 86400, now + 86400, {pki.dsCert.get()}));
    CHECK(forgedCrl.status == CheckStatus::Passed);
    CHECK_THAT(forgedCrl.notes.front(), Catch::Contains("not signed by it"));

    PassiveAuthenticationResult stale = withCrl(makeCrl(pki.cscaCert.get(), pki.cscaKey.get(), year2024, year2024 + 86400, {}));
    CHECK(stale.status == CheckStatus::Passed);
    CHECK_THAT(stale.notes.front(), Catch::Contains("out of date"));
    // Revocation is permanent: a stale but authentic CRL still revokes.
    PassiveAuthenticationResult staleRevoked = withCrl(makeCrl(pki.cscaCert.get(), pki.cscaKey.get(), now - 40 * 86400, now - 10 * 86400, {pki.dsCert.get()}));
    CHECK(staleRevoked.status == CheckStatus::Failed);

    PassiveAuthenticationResult none = passive(cardFiles(), testCsca());
    CHECK_THAT(none.notes.front(), Catch::Contains("no CRL"));
}

TEST_CASE("trust sources say what each file added and whose master list it is")
{
    TrustStore trust;
    trust.add(vcardDir() + "/pki/csca.pem");
    trust.add(vcardDir() + "/pki/csca.pem"); // the same CSCA twice is held once
    CHECK(trust.certificateCount() == 1);
    REQUIRE(trust.sources().size() == 2);
    CHECK(trust.sources()[0].certificates == 1);
    CHECK(trust.sources()[1].certificates == 0);
    trust.add(requireData("vectors/pki/NL_ML_2026-07-22.ml"));
    const TrustSource& nl = trust.sources().back();
    CHECK(nl.kind == "master list");
    CHECK_THAT(nl.signer, Catch::Contains("Masterlist Signer"));
    CHECK(nl.signerSha256.find_first_not_of("0123456789abcdef") == std::string::npos);
}
