// unique_ptr owners for OpenSSL objects, and one place that turns OpenSSL failures into cccd::Error.
#pragma once

#include <openssl/evp.h>

#include <memory>
#include <string>

namespace cccd::crypto {

template <class T, void (*Free)(T*)>
struct OpenSslDeleter {
    void operator()(T* p) const noexcept { Free(p); }
};

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, OpenSslDeleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, OpenSslDeleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using Mac = std::unique_ptr<EVP_MAC, OpenSslDeleter<EVP_MAC, EVP_MAC_free>>;
using MacCtx = std::unique_ptr<EVP_MAC_CTX, OpenSslDeleter<EVP_MAC_CTX, EVP_MAC_CTX_free>>;
using PKey = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using PKeyCtx = std::unique_ptr<EVP_PKEY_CTX, OpenSslDeleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;

/** Throws Error(Internal) naming the failed operation and OpenSSL's first queued error. */
[[noreturn]] void throwOpenSslError(const std::string& operation);

/** Throws unless ok is 1 (OpenSSL's success value). */
inline void checkOpenSsl(int ok, const char* operation)
{
    if (ok != 1) throwOpenSslError(operation);
}

} // namespace cccd::crypto
