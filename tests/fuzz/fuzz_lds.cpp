// Every LDS parser on arbitrary bytes (a hostile chip controls all of them): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/dg1.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/dg2.hpp"
#include "lds/ef_com.hpp"
#include "lds/sod.hpp"
#include "vn/document_builder.hpp"

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* path : {"jmrtd-bsi2008/EF_COM.bin", "jmrtd-bsi2008/Datagroup1.bin", "jmrtd-loes2006/ef0101.bin",
                             "jmrtd-bsi2008/EF_SOD.bin", "jmrtd-misc/NZ2013_EF_SOD.BIN", "pymrtd-bsi-tr03105/EF_SOD.bin"}) {
        seeds.push_back(sharedFile(std::string("vectors/lds-samples/") + path));
    }
    // A small DG13 and a small DG2 (the sample DG2 files are large; mutations near the headers matter most).
    seeds.push_back(cccd::fromHex("6D1E301C020101060528CE0A010131103006020101130131300602010D0C0141"));
    seeds.push_back(cccd::fromHex("753A7F61370201017F60315F2E2E464143003031300000002E00010000002000000000000000000000000000000000010000100010010200000000FFD8FFE0"));
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    cccd::ByteView bytes(data, size);
    auto guard = [](auto&& parse) {
        try {
            parse();
        } catch (const cccd::Error&) {
        }
    };
    guard([&] { (void)cccd::lds::parseEfCom(bytes); });
    guard([&] { (void)cccd::vn::buildDocument(cccd::lds::parseDg1(bytes), std::nullopt); });
    guard([&] { (void)cccd::vn::buildDocument(std::nullopt, cccd::lds::parseDg13(bytes)); });
    guard([&] { (void)cccd::lds::parseDg2(bytes); });
    guard([&] { (void)cccd::lds::parseSod(bytes); });
    return 0;
}
