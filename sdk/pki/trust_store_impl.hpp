// What a TrustStore holds, for the PKI layer.
#pragma once

#include "cccd/trust_store.hpp"
#include "pki/openssl_pki.hpp"

#include <string>
#include <vector>

namespace cccd {

struct TrustStore::Impl {
    std::vector<pki::X509Ptr> certificates; ///< CA certificates only
    std::vector<pki::CrlPtr> crls;          ///< as loaded: whose CSCA signed them is checked when they are used
    std::vector<TrustSource> sources;
    std::vector<std::string> warnings; ///< files of a folder that were skipped, and why
};

} // namespace cccd
