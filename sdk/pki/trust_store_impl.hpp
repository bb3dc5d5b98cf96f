// What a TrustStore holds, for the PKI layer.
#pragma once

#include "cccd/trust_store.hpp"
#include "pki/openssl_pki.hpp"

#include <vector>

namespace cccd {

struct TrustStore::Impl {
    std::vector<pki::X509Ptr> certificates;
    std::vector<pki::CrlPtr> crls;
};

} // namespace cccd
