// Cryptographic primitives for the ICAO protocols, on OpenSSL 3 (EVP). Keys live in SecureBytes.
// Randomness is injected through Random so worked examples replay exactly.
#pragma once

#include "core/bytes.hpp"
#include "core/secure.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace cccd::crypto {

/** A source of random bytes. Protocol code takes one so tests can inject fixed values. */
class Random {
public:
    virtual ~Random() = default;
    virtual void fill(std::uint8_t* out, std::size_t size) = 0;
    Bytes bytes(std::size_t size);
};

/** OpenSSL's CSPRNG (RAND_bytes). */
Random& systemRandom();

/** Replays given bytes in order, then fails: for known-answer tests. */
class FixedRandom : public Random {
public:
    explicit FixedRandom(Bytes values) : values_(std::move(values)) {}
    void fill(std::uint8_t* out, std::size_t size) override;

private:
    Bytes values_;
    std::size_t used_ = 0;
};

enum class HashAlgorithm { Sha1, Sha224, Sha256, Sha384, Sha512 };
Bytes hash(HashAlgorithm algorithm, ByteView data);
std::size_t hashSize(HashAlgorithm algorithm);

/** Block ciphers of ICAO 9303 secure messaging and PACE. Tdes is two-key 3DES (16-byte key). */
enum class Cipher { Tdes, Aes128, Aes192, Aes256 };
std::size_t blockSize(Cipher cipher);
std::size_t keySize(Cipher cipher);

/** CBC without padding: data must be a multiple of the block size. */
Bytes cbcEncrypt(Cipher cipher, ByteView key, ByteView iv, ByteView data);
Bytes cbcDecrypt(Cipher cipher, ByteView key, ByteView iv, ByteView data);
/** One block, ECB (for the AES SM IV = E(K, SSC) and PACE nonce handling). */
Bytes ecbEncryptBlock(Cipher cipher, ByteView key, ByteView block);

/** ISO/IEC 9797-1 padding method 2 (0x80 then zeros) to a multiple of block. */
Bytes padIso9797(ByteView data, std::size_t block);
/** Removes method-2 padding; throws ParseError if it is not there. */
Bytes unpadIso9797(ByteView data, const std::string& context);

/** ISO/IEC 9797-1 MAC algorithm 3 (retail MAC) with DES, 16-byte key; data already padded. 8 bytes. */
Bytes retailMac(ByteView key, ByteView paddedData);
/** AES-CMAC (NIST SP 800-38B), full 16 bytes; ICAO truncates to 8. */
Bytes aesCmac(ByteView key, ByteView data);

/** Key derivation of ICAO 9303-11 9.7.1: counter 1 = K_enc, 2 = K_mac, 3 = K_pi (PACE password).
 *  3DES keys get odd DES parity. */
inline constexpr std::uint32_t kdfEnc = 1;
inline constexpr std::uint32_t kdfMac = 2;
inline constexpr std::uint32_t kdfPace = 3;
SecureBytes kdf(ByteView sharedSecret, std::uint32_t counter, Cipher cipher);

/** Sets odd parity on every DES key byte. */
void adjustDesParity(std::uint8_t* key, std::size_t size) noexcept;

} // namespace cccd::crypto
