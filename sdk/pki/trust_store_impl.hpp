// What a TrustStore holds, for the PKI layer.
#pragma once

#include "cccd/trust_store.hpp"
#include "pki/openssl_pki.hpp"

#include <vector>

namespace cccd {

struct TrustStore::Impl {
    std::vector<pki::X509Ptr> certificates; ///< CA certificates only
    std::vector<pki::CrlPtr> crls;          ///< as loaded: whose CSCA signed them is checked when they are used
    std::vector<TrustSource> sources;
};

} // namespace cccd
