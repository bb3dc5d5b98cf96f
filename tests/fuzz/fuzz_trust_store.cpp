// The trust-store loader on any file a user points --trust at: a DER or PEM certificate, a PEM bundle, a CRL, a
// CSCA master list (CMS) or junk. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "fuzz_target.hpp"
#include "temp_file.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    return {sharedFile("vectors/pki/VN_CSCA_from_DE_ML.cer"), sharedFile("vectors/lds-samples/ef-cardsecurity/openpace_csca_germany_013_self_signed.cer")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = cccd::fuzz::writeTempFile(data, size, "trust.bin");
    try {
        cccd::TrustStore trust;
        trust.add(path);
        (void)trust.countryCount();
    } catch (const cccd::Error&) {
    }
    return 0;
}
