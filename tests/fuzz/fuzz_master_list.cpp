// The contents of a CSCA master list (CscaMasterList: version and a SET OF certificates), as the trust-store loader
// reads it once the list's signature verified: the input is signed here with the test CSCA, so every input gets
// past the signature. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "core/tlv.hpp"
#include "fuzz_target.hpp"
#include "temp_file.hpp"
#include "test_pki_for_fuzz.hpp"

#include <openssl/x509.h>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    // SEQUENCE { INTEGER 0, SET { the test CSCA } }
    const vcard::TestPki& pki = testPki();
    int n = i2d_X509(pki.cscaCert.get(), nullptr);
    Bytes cert(static_cast<std::size_t>(n));
    unsigned char* p = cert.data();
    i2d_X509(pki.cscaCert.get(), &p);
    Bytes version = encodeTlv(0x02, Bytes{0x00});
    Bytes body = version;
    Bytes set = encodeTlv(0x31, cert);
    body.insert(body.end(), set.begin(), set.end());
    return {encodeTlv(0x30, body)};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0; // OpenSSL signs no empty content (a null buffer): nothing of the loader to reach
    const cccd::vcard::TestPki& pki = cccd::fuzz::testPki();
    cccd::Bytes list = cccd::vcard::signContent("2.23.136.1.1.2", cccd::Bytes(data, data + size), pki.cscaKey.get(), pki.cscaCert.get());
    const std::string path = cccd::fuzz::writeTempFile(list.data(), list.size(), "list.ml");
    try {
        cccd::TrustStore trust;
        trust.add(cccd::fuzz::testCscaPath()); // the signer chains to a CSCA the store holds
        trust.add(path);
        (void)trust.countryCount();
    } catch (const cccd::Error&) {
    }
    return 0;
}
