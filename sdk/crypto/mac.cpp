// ISO/IEC 9797-1 padding method 2, MAC algorithm 3 (retail MAC) and AES-CMAC.
#include "cccd/error.hpp"
#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/core_names.h>

namespace cccd::crypto {

Bytes padIso9797(ByteView data, std::size_t block)
{
    Bytes out;
    out.reserve((data.size() / block + 1) * block); // sized once: growing would free unwiped copies of the data
    append(out, data);
    out.push_back(0x80);
    while (out.size() % block != 0) out.push_back(0x00);
    return out;
}

Bytes unpadIso9797(ByteView data, const std::string& context)
{
    std::size_t end = data.size();
    while (end > 0 && data[end - 1] == 0x00) --end;
    if (end == 0 || data[end - 1] != 0x80) throw ParseError(context, data.size(), "missing ISO/IEC 9797-1 padding");
    return data.sub(0, end - 1).toBytes();
}

Bytes retailMac(ByteView key, ByteView paddedData)
{
    if (key.size() != 16) throw Error(ErrorKind::Internal, "retail MAC key must be 16 bytes");
    if (paddedData.empty() || paddedData.size() % 8 != 0) throw Error(ErrorKind::Internal, "retail MAC input is not whole blocks");
    // Single DES lives in OpenSSL 3's legacy provider; 3DES with K1 = K2 is single DES with K1.
    SecureBytes singleKey(key.begin(), key.begin() + 8);
    singleKey.insert(singleKey.end(), key.begin(), key.begin() + 8);
    Bytes iv(8, 0x00);
    std::size_t head = paddedData.size() - 8;
    if (head != 0) {
        Bytes chained = cbcEncrypt(Cipher::Tdes, ByteView(singleKey.data(), singleKey.size()), iv, paddedData.sub(0, head));
        iv.assign(chained.end() - 8, chained.end());
    }
    // The last block through DES-EDE(K1, K2) completes algorithm 3: E_K1(D_K2(E_K1(x))).
    return cbcEncrypt(Cipher::Tdes, key, iv, paddedData.sub(head, 8));
}

Bytes aesCmac(ByteView key, ByteView data)
{
    const char* cipherName = key.size() == 16 ? "AES-128-CBC" : key.size() == 24 ? "AES-192-CBC" : key.size() == 32 ? "AES-256-CBC" : nullptr;
    if (!cipherName) throw Error(ErrorKind::Internal, "AES-CMAC key must be 16, 24 or 32 bytes");
    Mac mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    if (!mac) throwOpenSslError("EVP_MAC_fetch(CMAC)");
    MacCtx ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx) throwOpenSslError("EVP_MAC_CTX_new");
    OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipherName), 0),
                           OSSL_PARAM_construct_end()};
    checkOpenSsl(EVP_MAC_init(ctx.get(), key.data(), key.size(), params), "EVP_MAC_init");
    checkOpenSsl(EVP_MAC_update(ctx.get(), data.data(), data.size()), "EVP_MAC_update");
    Bytes out(16);
    std::size_t written = 0;
    checkOpenSsl(EVP_MAC_final(ctx.get(), out.data(), &written, out.size()), "EVP_MAC_final");
    out.resize(written);
    return out;
}

} // namespace cccd::crypto
