// The virtual card's fixed test PKI (drivers/vcard/pki), loaded once, for targets that must sign what they fuzz
// (a CRL, a master list) so the fuzzer reaches the code behind the signature check.
#pragma once

#include "test_pki.hpp"

namespace cccd::fuzz {

const vcard::TestPki& testPki();
/** drivers/vcard/pki/csca.pem, to add to a trust store. */
std::string testCscaPath();

} // namespace cccd::fuzz
