// The session keys and send sequence counter of ICAO 9303-11 §9.8 secure messaging, and the two
// cipher strategies: 3DES (retail MAC, zero IV, 8-byte SSC) and AES (CMAC, IV = E(K_enc, SSC), 16-byte SSC).
#pragma once

#include "core/bytes.hpp"
#include "core/secure.hpp"
#include "crypto/crypto.hpp"

namespace cccd::icao {

class SmKeys {
public:
    /** ssc: the initial counter (BAC: from the nonces; PACE and CA: zero). Its size must be the block size. */
    SmKeys(crypto::Cipher cipher, SecureBytes encKey, SecureBytes macKey, Bytes ssc);

    crypto::Cipher cipher() const noexcept { return cipher_; }
    std::size_t blockSize() const noexcept { return crypto::blockSize(cipher_); }
    const Bytes& ssc() const noexcept { return ssc_; }
    /** Adds one to the counter (before each command and each response). */
    void incrementSsc() noexcept;
    /** Puts the counter back (a command the chip refused before secure messaging did not count). */
    void restoreSsc(Bytes ssc) noexcept { ssc_ = std::move(ssc); }

    /** pad + CBC under K_enc with the IV for the current SSC. */
    Bytes encrypt(ByteView plain) const;
    /** CBC-decrypt under K_enc and remove the padding. */
    Bytes decrypt(ByteView cipherText, const std::string& context) const;
    /** The 8-byte checksum over pad(SSC || data). */
    Bytes mac(ByteView data) const;

    /** The keys themselves, for tests that look for copies of them in freed memory; never logged. */
    ByteView encKey() const noexcept { return ByteView(enc_.data(), enc_.size()); }
    ByteView macKey() const noexcept { return ByteView(mac_.data(), mac_.size()); }

private:
    Bytes iv() const;

    crypto::Cipher cipher_;
    SecureBytes enc_;
    SecureBytes mac_;
    Bytes ssc_;
};

} // namespace cccd::icao
