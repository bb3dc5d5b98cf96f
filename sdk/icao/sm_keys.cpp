#include "icao/sm_keys.hpp"

#include "cccd/error.hpp"

namespace cccd::icao {

namespace {
ByteView view(const SecureBytes& b) { return ByteView(b.data(), b.size()); }
constexpr std::size_t macSize = 8;
} // namespace

SmKeys::SmKeys(crypto::Cipher cipher, SecureBytes encKey, SecureBytes macKey, Bytes ssc)
    : cipher_(cipher), enc_(std::move(encKey)), mac_(std::move(macKey)), ssc_(std::move(ssc))
{
    if (ssc_.size() != blockSize()) throw Error(ErrorKind::Internal, "SSC size differs from the cipher block size");
    if (enc_.size() != crypto::keySize(cipher_) || mac_.size() != crypto::keySize(cipher_)) {
        throw Error(ErrorKind::Internal, "secure messaging key size does not fit the cipher");
    }
}

void SmKeys::incrementSsc() noexcept
{
    for (std::size_t i = ssc_.size(); i-- > 0;) {
        if (++ssc_[i] != 0) break;
    }
}

Bytes SmKeys::iv() const
{
    if (cipher_ == crypto::Cipher::Tdes) return Bytes(8, 0x00);
    return crypto::ecbEncryptBlock(cipher_, view(enc_), ssc_); // ICAO 9303-11 §9.8.6.1: IV = E(K_enc, SSC)
}

Bytes SmKeys::encrypt(ByteView plain) const
{
    Bytes padded = crypto::padIso9797(plain, blockSize()); // a copy of the plain data (a file, on the chip's side)
    WipeOnExit wipePadded(padded);
    return crypto::cbcEncrypt(cipher_, view(enc_), iv(), padded);
}

Bytes SmKeys::decrypt(ByteView cipherText, const std::string& context) const
{
    if (cipherText.empty() || cipherText.size() % blockSize() != 0) {
        throw ParseError(context, 0, "encrypted data is not a whole number of blocks");
    }
    Bytes padded = crypto::cbcDecrypt(cipher_, view(enc_), iv(), cipherText);
    Bytes plain = crypto::unpadIso9797(padded, context);
    wipe(padded);
    return plain;
}

Bytes SmKeys::mac(ByteView data) const
{
    Bytes input = concat({ssc_, data});
    Bytes padded = crypto::padIso9797(input, blockSize());
    if (cipher_ == crypto::Cipher::Tdes) return crypto::retailMac(view(mac_), padded);
    Bytes full = crypto::aesCmac(view(mac_), padded);
    return Bytes(full.begin(), full.begin() + macSize);
}

} // namespace cccd::icao
