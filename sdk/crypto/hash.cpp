#include "cccd/error.hpp"
#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"

namespace cccd::crypto {

namespace {
const EVP_MD* digestOf(HashAlgorithm algorithm)
{
    switch (algorithm) {
    case HashAlgorithm::Sha1: return EVP_sha1();
    case HashAlgorithm::Sha224: return EVP_sha224();
    case HashAlgorithm::Sha256: return EVP_sha256();
    case HashAlgorithm::Sha384: return EVP_sha384();
    case HashAlgorithm::Sha512: return EVP_sha512();
    }
    throw Error(ErrorKind::Internal, "unknown hash algorithm");
}
} // namespace

std::size_t hashSize(HashAlgorithm algorithm) { return static_cast<std::size_t>(EVP_MD_get_size(digestOf(algorithm))); }

Bytes hash(HashAlgorithm algorithm, ByteView data)
{
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    checkOpenSsl(EVP_Digest(data.data(), data.size(), out.data(), &size, digestOf(algorithm), nullptr), "EVP_Digest");
    out.resize(size);
    return out;
}

} // namespace cccd::crypto
