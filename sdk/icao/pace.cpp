#include "icao/pace.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "core/log.hpp"
#include "icao/pace_steps.hpp"

namespace cccd::icao {

namespace {
constexpr std::uint8_t insMse = 0x22;
constexpr std::uint8_t insGeneralAuthenticate = 0x86;
constexpr std::uint8_t claChained = 0x10;

ByteView view(const SecureBytes& b) { return ByteView(b.data(), b.size()); }

std::string secretName(PacePassword kind) { return kind == PacePassword::Can ? "CAN" : "MRZ data"; }

// One GENERAL AUTHENTICATE step. A refusal at mutual authentication means the password was wrong.
Bytes generalAuthenticate(ApduChannel& channel, bool last, std::uint8_t tag, ByteView value, std::uint8_t answerTag,
                          const std::string& step, PacePassword kind)
{
    CommandApdu command(last ? 0x00 : claChained, insGeneralAuthenticate, 0x00, 0x00, dynamicAuthenticationData(tag, value),
                        maxShortNe);
    log::lazy(LogLevel::Debug, [&] { return "PACE: " + step; });
    ResponseApdu answer = channel.transmit(command);
    if (!answer.isSuccess()) {
        bool passwordRefused = last || answer.sw().sw1() == 0x63 || answer.sw() == sw::SECURITY_STATUS_NOT_SATISFIED;
        if (passwordRefused) {
            throw CardStatusError("access denied: wrong " + secretName(kind) + " (PACE step " + step + ")",
                                  insGeneralAuthenticate, answer.sw().value(), ErrorKind::AccessDenied);
        }
        throw CardStatusError("PACE step " + step, insGeneralAuthenticate, answer.sw().value(), ErrorKind::Communication);
    }
    return dynamicAuthenticationValue(answer.data(), answerTag, step);
}
} // namespace

CommandApdu paceMseSetAt(const lds::PaceInfo& info, PacePassword kind)
{
    Bytes data = encodeTlv(0x80, asn1::encodeOidValue(info.protocol));
    append(data, encodeTlv(0x83, Bytes{static_cast<std::uint8_t>(kind)}));
    if (info.parameterId) append(data, encodeTlv(0x84, Bytes{static_cast<std::uint8_t>(*info.parameterId)}));
    return CommandApdu(0x00, insMse, 0xC1, 0xA4, std::move(data));
}

PaceResult performPace(ApduChannel& channel, const lds::PaceInfo& info, PacePassword kind, ByteView secret,
                       crypto::Random& random)
{
    std::optional<PaceAlgorithm> algorithm = paceAlgorithmFor(info.protocol);
    if (!algorithm || !isSupported(info)) throw Error(ErrorKind::Unsupported, "PACE protocol " + info.protocol + " is not supported");
    const crypto::Cipher cipher = algorithm->cipher;
    std::unique_ptr<KeyAgreementGroup> group = standardGroup(*info.parameterId);

    log::lazy(LogLevel::Debug, [&] { return "PACE: MSE:Set AT, protocol " + info.protocol + " with the " + secretName(kind); });
    ResponseApdu mse = channel.transmit(paceMseSetAt(info, kind));
    if (!mse.isSuccess()) throw CardStatusError("PACE step MSE:Set AT", insMse, mse.sw().value(), ErrorKind::Communication);

    // GA1: the chip's nonce, encrypted under the password key.
    SecureBytes password = pacePassword(kind, secret);
    SecureBytes kPi = passwordKey(view(password), cipher);
    Bytes z = generalAuthenticate(channel, false, 0, {}, 0x80, "GA1 encrypted nonce", kind);
    Bytes nonce = decryptNonce(cipher, view(kPi), z);
    WipeOnExit wipeNonce(nonce); // also when a later step throws

    // GA2: Generic Mapping to a fresh generator.
    KeyPair mapping = group->generateKeyPair(random);
    Bytes chipMappingKey = generalAuthenticate(channel, false, 0x81, mapping.publicKey, 0x82, "GA2 map nonce", kind);
    Bytes h = group->sharedElement(view(mapping.privateKey), chipMappingKey);
    WipeOnExit wipeH(h); // the mapping secret: with the nonce it gives the mapped generator
    std::unique_ptr<KeyAgreementGroup> mapped = group->mapGeneric(nonce, h);

    // GA3: ephemeral key agreement on the mapped group.
    KeyPair ephemeral = mapped->generateKeyPair(random);
    Bytes chipKey = generalAuthenticate(channel, false, 0x83, ephemeral.publicKey, 0x84, "GA3 key agreement", kind);
    if (constantTimeEqual(chipKey, ephemeral.publicKey)) throw Error(ErrorKind::Communication, "PACE: the chip echoed our public key");
    SecureBytes shared = mapped->sharedSecret(view(ephemeral.privateKey), chipKey);
    SecureMessaging sm = sessionFromSharedSecret(view(shared), cipher);
    SecureBytes macKey = crypto::kdf(view(shared), crypto::kdfMac, cipher);

    // GA4: exchange tokens over each other's public key.
    Bytes ourToken = authenticationToken(cipher, view(macKey), publicKeyDataObject(info.protocol, mapped->publicKeyTag(), chipKey));
    Bytes chipToken = generalAuthenticate(channel, true, 0x85, ourToken, 0x86, "GA4 mutual authentication", kind);
    Bytes expected = authenticationToken(cipher, view(macKey), publicKeyDataObject(info.protocol, mapped->publicKeyTag(), ephemeral.publicKey));
    if (!constantTimeEqual(chipToken, expected)) {
        throw Error(ErrorKind::AccessDenied, "access denied: the chip's PACE token does not verify (PACE step GA4 mutual authentication)");
    }
    log::debug("PACE: the chip's token verifies, secure messaging starts");
    return PaceResult{std::move(sm), *algorithm, info.protocol, std::move(chipKey)};
}

} // namespace cccd::icao
