// DG2 (the biometric record around the face image): only cccd::Error may come out, and the image it finds lies
// inside the file.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "image_seeds.hpp"
#include "lds/dg2.hpp"
#include "lds_encoders.hpp"

#include <cstdlib>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    // Small DG2s as the virtual card encodes them, around a tiny JPEG and JPEG 2000 (the sample DG2 files are
    // large; mutations near the headers matter most), and one cut after the JPEG marker.
    return {vcard::encodeDg2Image(encodedTestImage(".jpg", 12, 16), false, 12, 16), vcard::encodeDg2Image(encodedTestImage(".jp2", 8, 8), true, 8, 8),
            cccd::fromHex("753A7F61370201017F60315F2E2E464143003031300000002E00010000002000000000000000000000000000000000010000100010010200000000FFD8FFE0")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        cccd::lds::FaceImage face = cccd::lds::parseDg2(cccd::ByteView(data, size));
        if (face.image.size() > size) std::abort();
        (void)cccd::lds::formatName(cccd::lds::detectImageFormat(face.image));
    } catch (const cccd::Error&) {
    }
    return 0;
}
