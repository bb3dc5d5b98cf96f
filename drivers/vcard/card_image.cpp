#include "card_image.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "core/tlv.hpp"
#include "hostile_files.hpp"
#include "lds_encoders.hpp"
#include "mrz_encoder.hpp"
#include "test_pki.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <iterator>

namespace cccd::vcard {

namespace {
constexpr long expiredFrom = 1577836800;  // 2020-01-01
constexpr long expiredUntil = 1609459200; // 2021-01-01
constexpr long farFuture = 2366841600;    // 2045-01-01

Bytes readFace(const std::string& path)
{
    std::optional<Bytes> face = readFileIfPresent(path);
    if (!face) throw Error(ErrorKind::NotFound, "face image not found: " + path + " (run scripts/setup to make the sample face)");
    Bytes jpeg = std::move(*face);
    if (jpeg.size() < 3 || jpeg[0] != 0xFF || jpeg[1] != 0xD8) throw Error(ErrorKind::InvalidArgument, "face image is not a JPEG: " + path);
    return jpeg;
}

crypto::PKey freshKey(const char* curve)
{
    EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve);
    if (!key) crypto::throwOpenSslError("EVP_PKEY_Q_keygen");
    return crypto::PKey(key);
}

// The Document Signer (and its key) that signs this card's SOD, as the faults ask.
std::pair<crypto::PKey, X509Ptr> signerFor(TestPki& pki, const Faults& faults)
{
    if (faults.unknownCsca) {
        crypto::PKey csca = freshKey("brainpoolP384r1");
        X509Ptr cscaCert = issueCertificate(csca.get(), "CSCA UNKNOWN TEST", nullptr, nullptr, true, expiredFrom, farFuture, 1);
        crypto::PKey ds = freshKey("brainpoolP256r1");
        return {std::move(ds), issueCertificate(ds.get(), "DS UNKNOWN TEST", csca.get(), cscaCert.get(), false, expiredFrom, farFuture, 2)};
    }
    if (faults.expiredSigner) {
        crypto::PKey ds = freshKey("brainpoolP256r1");
        return {std::move(ds), issueCertificate(ds.get(), "DS EXPIRED TEST", pki.cscaKey.get(), pki.cscaCert.get(), false, expiredFrom,
                                                expiredUntil, std::time(nullptr))};
    }
    if (faults.hugeCertificateKib) { // the test PKI's signer, re-issued with a bloated extension
        padCertificate(pki.dsCert.get(), *faults.hugeCertificateKib, pki.cscaKey.get());
    }
    if (faults.forgedCertificateKib) { // bloated by the chip itself: only the CSCA could sign it so that it verifies
        padCertificate(pki.dsCert.get(), *faults.forgedCertificateKib, pki.dsKey.get());
    }
    return {std::move(pki.dsKey), std::move(pki.dsCert)};
}

// The data group a fault names, which the card must hold.
Bytes& faultedGroup(std::map<int, Bytes>& dgs, const char* fault, int dg)
{
    auto it = dgs.find(dg);
    if (it == dgs.end()) throw Error(ErrorKind::InvalidArgument, std::string("--fault ") + fault + ":DG" + std::to_string(dg) + ": the card has no DG" + std::to_string(dg));
    return it->second;
}

// A hostile chip's own data groups, signed into its SOD: the SDK must refuse them by itself.
void applySignedHostileContent(std::map<int, Bytes>& dgs, const Faults& faults)
{
    constexpr std::uint32_t bombSide = 60000; // 3.6 gigapixels in one tile
    if (faults.jpeg2000Bomb) dgs[2] = encodeDg2Image(flatJpeg2000(bombSide, bombSide, 1), true, 0xFFFF, 0xFFFF);
    // The largest the SDK decodes: under 12000 pixels a side and 40 megapixels, 3 components (face/image_header.cpp).
    constexpr std::uint32_t largestWidth = 7300, largestHeight = 5470;
    if (faults.largestJpeg2000) dgs[2] = encodeDg2Image(flatJpeg2000(largestWidth, largestHeight, 3), true, 0xFFFF, 0xFFFF);
    for (const auto& [dg, depth] : faults.nestedDataGroups) {
        Bytes& group = faultedGroup(dgs, "nest", dg);
        group = nestedTlv(group[0], depth);
    }
    for (const auto& [dg, depth] : faults.nestedFields) {
        Bytes& group = faultedGroup(dgs, "nest-definite", dg);
        group = nestedField(group[0], depth);
    }
}

// Flips a byte near the end of the CMS structure: inside the signature value, which comes last.
void breakSignature(Bytes& sod) { sod[sod.size() - 3] ^= 0x5A; }

// Changes one letter or digit near the end of a file: the structure still parses, the hash no longer matches.
void tamper(Bytes& file)
{
    for (std::size_t i = file.size(); i-- > file.size() / 2;) {
        std::uint8_t& b = file[i];
        if (b >= '0' && b <= '8') { ++b; return; }
        if (b >= 'A' && b <= 'Y') { ++b; return; }
        if (b >= 'a' && b <= 'y') { ++b; return; }
    }
    file[file.size() - 1] ^= 0x01;
}

// Cuts a file past its middle: the inner structure is cut off, the outer header (re-encoded) still reads.
void cutShort(Bytes& file)
{
    file.resize(file.size() / 2 + 8);
    std::size_t header = file[1] < 0x80 ? 2 : 2 + (file[1] & 0x7F);
    Bytes length = encodeLength(file.size() - header);
    file.erase(file.begin() + 1, file.begin() + static_cast<long>(header));
    file.insert(file.begin() + 1, length.begin(), length.end());
}
} // namespace

CardImage personalize(const Profile& profile, const Faults& faults, const std::string& defaultPki)
{
    TestPki pki = loadPki(profile.pkiFolder.value_or(defaultPki));
    const Document& d = profile.document;
    CardImage card;
    card.chip = profile.chip;
    card.can = d.idNumber->substr(6);
    std::string mrz = vietnameseTd1(d);
    card.mrzKey = MrzKeyData{mrz.substr(5, 9), mrz.substr(30, 6), mrz.substr(38, 6)};

    const std::optional<std::string>& aa = profile.chip.activeAuthentication;
    bool aaEcdsa = aa && *aa == "ecdsa-p256";
    EVP_PKEY* aaPublished = !aa ? nullptr : aaEcdsa ? pki.aaEcdsaKey.get() : pki.aaRsaKey.get();
    if (aa && !aaEcdsa && *aa != "rsa-2048") throw Error(ErrorKind::InvalidArgument, "profile: active_authentication must be ecdsa-p256, rsa-2048 or null");

    std::map<int, Bytes> dgs;
    dgs[1] = encodeDg1(d);
    dgs[2] = encodeDg2(readFace(profile.faceImagePath));
    dgs[3] = encodeTlv(0x63, Bytes(16, 0x00)); // fingerprints: never readable without Terminal Authentication
    dgs[13] = encodeDg13(d);
    ChipAuthenticationKey caKey = chipAuthenticationKeyFor(profile.chip.chipAuthenticationKey, pki);
    if (profile.chip.chipAuthentication) dgs[14] = encodeDg14(publicKeyInfo(caKey.key.get()), caKey.protocol, aaEcdsa);
    if (aaPublished) dgs[15] = encodeDg15(publicKeyInfo(aaPublished));

    applySignedHostileContent(dgs, faults);
    auto [signerKey, signerCert] = signerFor(pki, faults);
    std::map<int, Bytes> signedGroups = dgs;
    for (int dg : faults.unsignedDataGroups) signedGroups.erase(dg); // on the chip, but the SOD does not vouch for it
    SodOptions sodOptions;
    sodOptions.idDataContentType = faults.sodIdData;
    sodOptions.signingTime = !faults.noSigningTime;
    Bytes sod = signSod(signedGroups, signerKey.get(), signerCert.get(), sodOptions);
    if (faults.badSignature) breakSignature(sod);
    for (int dg : faults.tamperedDataGroups) {
        tamper(faultedGroup(dgs, "tamper", dg)); // after signing: the SOD hash no longer matches
    }

    for (int dg : faults.corruptDataGroups) {
        cutShort(faultedGroup(dgs, "corrupt", dg));
    }
    if (faults.corruptSod) cutShort(sod);
    for (const auto& [dg, claimed] : faults.claimedLengths) {
        Bytes& group = faultedGroup(dgs, "claim-length", dg);
        group = withClaimedLength(group, claimed);
    }
    std::optional<std::string> caProtocol = profile.chip.chipAuthentication ? std::optional<std::string>(caKey.protocol) : std::nullopt;
    card.files[0x011C] = encodeCardAccess(profile.chip.pace, caProtocol, profile.chip.cardSecurity);
    if (profile.chip.cardSecurity) { // CardAccess's infos, signed like the SOD
        card.cardSecurity = signCardSecurity(card.files[0x011C], signerKey.get(), signerCert.get());
    }
    std::vector<int> comGroups;
    for (const auto& [dg, content] : dgs) {
        bool omitted = faults.emptyCom || std::find(faults.comOmitted.begin(), faults.comOmitted.end(), dg) != faults.comOmitted.end();
        if (!omitted) comGroups.push_back(dg);
    }
    card.files[0x011E] = encodeEfCom(comGroups);
    card.files[0x011D] = sod;
    for (const auto& [dg, content] : dgs) card.files[static_cast<std::uint16_t>(0x0100 + dg)] = content;
    if (profile.chip.pace) card.paceInfos.push_back({paceProtocol, 2, paceParameterId});

    card.chipAuthenticationKey = faults.clone ? freshKeyLike(caKey) : std::move(caKey);
    if (aaPublished) {
        card.activeAuthenticationKey = faults.clone ? freshKey("prime256v1") // a key DG15 does not publish
                                                    : crypto::PKey(aaEcdsa ? pki.aaEcdsaKey.release() : pki.aaRsaKey.release());
    }
    return card;
}

} // namespace cccd::vcard
