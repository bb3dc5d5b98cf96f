// MRZ text (TD1, TD2, TD3) as DG1 carries it or a person types it: only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "lds/mrz.hpp"
#include "vn/document_builder.hpp"

#include <string_view>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    auto text = [](std::string_view s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
    return {text("IDVNM0790012345001079001234<<<\n7901018M3001014VNM<<<<<<<<<<<4\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"),
            text("I<UTOD231458907<<<<<<<<<<<<<<<7408122F1204159UTO<<<<<<<<<<<6"
                 "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
            text("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<D231458907UTO7408122F1204159<<<<<<<6"),
            text("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C36UTO7408122F1204159ZE184226B<<<<<10")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::lds::Mrz mrz = cccd::lds::parseMrz(std::string_view(reinterpret_cast<const char*>(data), size));
        (void)mrz.allCheckDigitsValid();
        (void)cccd::vn::buildDocument(mrz, std::nullopt);
    } catch (const cccd::Error&) {
    }
    return 0;
}
