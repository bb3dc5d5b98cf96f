// ICAO 9303-11 §9.7.1: K = H(shared secret || counter), cut to the cipher's key size.
#include "crypto/crypto.hpp"

namespace cccd::crypto {

void adjustDesParity(std::uint8_t* key, std::size_t size) noexcept
{
    for (std::size_t i = 0; i < size; ++i) {
        std::uint8_t b = key[i] & 0xFE;
        int ones = 0;
        for (int bit = 1; bit < 8; ++bit) ones += (b >> bit) & 1;
        key[i] = static_cast<std::uint8_t>(b | ((ones % 2 == 0) ? 1 : 0));
    }
}

SecureBytes kdf(ByteView sharedSecret, std::uint32_t counter, Cipher cipher)
{
    SecureBytes input(sharedSecret.begin(), sharedSecret.end());
    Bytes c = bigEndian(counter, 4);
    input.insert(input.end(), c.begin(), c.end());
    bool sha256 = cipher == Cipher::Aes192 || cipher == Cipher::Aes256;
    Bytes digest = hash(sha256 ? HashAlgorithm::Sha256 : HashAlgorithm::Sha1, ByteView(input.data(), input.size()));
    SecureBytes key(digest.begin(), digest.begin() + static_cast<long>(keySize(cipher)));
    wipe(digest);
    if (cipher == Cipher::Tdes) adjustDesParity(key.data(), key.size());
    return key;
}

} // namespace cccd::crypto
