// Block ciphers without padding (ICAO secure messaging pads itself, ISO/IEC 9797-1 method 2).
#include "cccd/error.hpp"
#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"

namespace cccd::crypto {

namespace {
enum class Mode { Cbc, Ecb };

const EVP_CIPHER* cipherOf(Cipher cipher, Mode mode)
{
    switch (cipher) {
    case Cipher::Tdes: return mode == Mode::Cbc ? EVP_des_ede_cbc() : EVP_des_ede_ecb();
    case Cipher::Aes128: return mode == Mode::Cbc ? EVP_aes_128_cbc() : EVP_aes_128_ecb();
    case Cipher::Aes192: return mode == Mode::Cbc ? EVP_aes_192_cbc() : EVP_aes_192_ecb();
    case Cipher::Aes256: return mode == Mode::Cbc ? EVP_aes_256_cbc() : EVP_aes_256_ecb();
    }
    throw Error(ErrorKind::Internal, "unknown cipher");
}

Bytes run(Cipher cipher, Mode mode, bool encrypt, ByteView key, ByteView iv, ByteView data)
{
    if (key.size() != keySize(cipher)) {
        throw Error(ErrorKind::Internal, "cipher key of " + std::to_string(key.size()) + " bytes, expected " +
                                             std::to_string(keySize(cipher)));
    }
    if (data.size() % blockSize(cipher) != 0) throw Error(ErrorKind::Internal, "cipher input is not whole blocks");
    if (mode == Mode::Cbc && iv.size() != blockSize(cipher)) throw Error(ErrorKind::Internal, "IV is not one block");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    if (!ctx) throwOpenSslError("EVP_CIPHER_CTX_new");
    checkOpenSsl(EVP_CipherInit_ex(ctx.get(), cipherOf(cipher, mode), nullptr, key.data(),
                                   mode == Mode::Cbc ? iv.data() : nullptr, encrypt ? 1 : 0),
                 "EVP_CipherInit_ex");
    checkOpenSsl(EVP_CIPHER_CTX_set_padding(ctx.get(), 0), "EVP_CIPHER_CTX_set_padding");
    Bytes out(data.size() + blockSize(cipher));
    int written = 0, final = 0;
    checkOpenSsl(EVP_CipherUpdate(ctx.get(), out.data(), &written, data.data(), static_cast<int>(data.size())),
                 "EVP_CipherUpdate");
    checkOpenSsl(EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final), "EVP_CipherFinal_ex");
    out.resize(static_cast<std::size_t>(written + final));
    return out;
}
} // namespace

std::size_t blockSize(Cipher cipher) { return cipher == Cipher::Tdes ? 8 : 16; }

std::size_t keySize(Cipher cipher)
{
    switch (cipher) {
    case Cipher::Tdes:
    case Cipher::Aes128: return 16;
    case Cipher::Aes192: return 24;
    case Cipher::Aes256: return 32;
    }
    return 0;
}

Bytes cbcEncrypt(Cipher cipher, ByteView key, ByteView iv, ByteView data) { return run(cipher, Mode::Cbc, true, key, iv, data); }

Bytes cbcDecrypt(Cipher cipher, ByteView key, ByteView iv, ByteView data) { return run(cipher, Mode::Cbc, false, key, iv, data); }

Bytes ecbEncryptBlock(Cipher cipher, ByteView key, ByteView block)
{
    if (block.size() != blockSize(cipher)) throw Error(ErrorKind::Internal, "ECB input is not one block");
    return run(cipher, Mode::Ecb, true, key, {}, block);
}

} // namespace cccd::crypto
