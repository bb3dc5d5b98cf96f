// Verification of hostile EF.SOD and EF.CardSecurity bytes (CMS, certificates, LDSSecurityObject, SecurityInfos):
// never a crash and never an exception, since a malformed SOD is a FAILED check, not an error.
#include "cccd/trust_store.hpp"
#include "cccd/verification.hpp"
#include "core/bytes.hpp"
#include "fuzz_target.hpp"
#include "pki/card_security.hpp"

#include <cstdlib>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* path : {"jmrtd-bsi2008/EF_SOD.bin", "jmrtd-misc/NZ2013_EF_SOD.BIN", "pymrtd-bsi-tr03105/EF_SOD.bin",
                             "jmrtd-loes2006/ef011D.bin", "ef-cardsecurity/openpace_dan.bin"}) {
        seeds.push_back(sharedFile(std::string("vectors/lds-samples/") + path));
    }
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const cccd::Bytes dg1 = cccd::fuzz::sharedFile("vectors/lds-samples/jmrtd-bsi2008/Datagroup1.bin");
    cccd::Bytes bytes(data, data + size);
    cccd::VerifyOptions options;
    options.useDefaultTrust = false;
    cccd::VerificationReport report = cccd::verifyFiles({{"SOD", bytes}, {"DG1", dg1}}, options);
    if (report.overall == cccd::Verdict::Valid) std::abort(); // offline and untrusted: VALID would be a lie
    (void)cccd::pki::verifyCardSecurity(bytes, cccd::TrustStore(), 0);
    return 0;
}
