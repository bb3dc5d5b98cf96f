#include "test_pki_for_fuzz.hpp"

namespace cccd::fuzz {

const vcard::TestPki& testPki()
{
    static const vcard::TestPki pki = vcard::loadPki(CCCD_SOURCE_DIR "/drivers/vcard/pki");
    return pki;
}

std::string testCscaPath() { return CCCD_SOURCE_DIR "/drivers/vcard/pki/csca.pem"; }

} // namespace cccd::fuzz
