// Uses the installed SDK only (its headers, its library, its models): prints what the install test checks.
//   consumer MODELS_FOLDER [FACE_IMAGE]
#include <cccd/access_key.hpp>
#include <cccd/error.hpp>
#include <cccd/face.hpp>
#include <cccd/version.hpp>

#include <fstream>
#include <iostream>
#include <iterator>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: consumer MODELS_FOLDER [FACE_IMAGE]\n";
        return 2;
    }
    std::cout << "cccd " << cccd::version() << '\n';
    if (cccd::AccessKey::fromIdNumber("001090123456").can() != "123456") return 1;
    try {
        cccd::AccessKey::fromCan("12");
        return 1;
    } catch (const cccd::Error& e) { // an SDK exception crosses into the program with its kind
        std::cout << "bad CAN refused: " << (e.kind() == cccd::ErrorKind::InvalidArgument) << '\n';
    }
    cccd::FaceMatcher matcher(argv[1]);
    std::cout << "yunet " << matcher.usesYunet() << " liveness " << matcher.hasLiveness() << '\n';
    if (argc > 2) {
        std::ifstream in(argv[2], std::ios::binary);
        std::vector<std::uint8_t> image{std::istreambuf_iterator<char>(in), {}};
        std::cout << "same face matches: " << matcher.compare(image, image).match << '\n';
    }
    return 0;
}
