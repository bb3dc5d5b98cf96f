#include "icao/pace_chip.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "icao/pace_steps.hpp"

namespace cccd::icao {

namespace {
ByteView view(const SecureBytes& b) { return ByteView(b.data(), b.size()); }
constexpr StatusWord authenticationFailed{0x6300};
} // namespace

PaceResponder::PaceResponder(std::vector<lds::PaceInfo> offered, ByteView can, ByteView mrzInformation, crypto::Random& random)
    : offered_(std::move(offered)), can_(can.begin(), can.end()), mrz_(mrzInformation.begin(), mrzInformation.end()), random_(random)
{
}

ResponseApdu PaceResponder::fail(StatusWord sw)
{
    step_ = 0;
    info_.reset();
    return ResponseApdu(sw);
}

ResponseApdu PaceResponder::mseSetAt(const CommandApdu& command)
{
    established_.reset();
    step_ = 0;
    info_.reset();
    std::optional<std::string> protocol;
    std::optional<std::uint8_t> reference;
    try {
        TlvReader reader(command.data(), "MSE:Set AT");
        while (!reader.atEnd()) {
            Tlv t = reader.next();
            if (t.tag == 0x80) { // the OID's contents under context tag 80
                Bytes oid = encodeTlv(asn1::OBJECT_IDENTIFIER, t.value);
                protocol = asn1::decodeOid(parseTlv(oid, "MSE:Set AT"), "MSE:Set AT");
            }
            if (t.tag == 0x83 && t.value.size() == 1) reference = t.value[0];
        }
    } catch (const Error&) {
        return fail(sw::WRONG_DATA);
    }
    if (!protocol || !reference) return fail(sw::WRONG_DATA);
    for (const lds::PaceInfo& offered : offered_) {
        if (offered.protocol == *protocol) info_ = offered;
    }
    if (!info_ || !isSupported(*info_)) return fail(sw::REFERENCED_DATA_NOT_FOUND);
    if (*reference != static_cast<std::uint8_t>(PacePassword::Can) && *reference != static_cast<std::uint8_t>(PacePassword::Mrz)) {
        return fail(sw::REFERENCED_DATA_NOT_FOUND);
    }
    password_ = static_cast<PacePassword>(*reference);
    algorithm_ = *paceAlgorithmFor(*protocol);
    group_ = standardGroup(*info_->parameterId);
    step_ = 1;
    return ResponseApdu(sw::OK);
}

ResponseApdu PaceResponder::generalAuthenticate(const CommandApdu& command)
{
    if (!info_ || step_ == 0) return fail(sw::CONDITIONS_NOT_SATISFIED);
    const bool last = (command.cla() & 0x10) == 0;
    if (last != (step_ == 4)) return fail(sw::CONDITIONS_NOT_SATISFIED);
    const crypto::Cipher cipher = algorithm_.cipher;
    try {
        switch (step_) {
        case 1: { // the nonce, encrypted under K_π
            nonce_ = SecureBytes(crypto::blockSize(cipher) == 8 ? 8 : 16);
            random_.fill(nonce_.data(), nonce_.size());
            SecureBytes pi = pacePassword(password_, password_ == PacePassword::Can ? view(can_) : view(mrz_));
            SecureBytes kPi = passwordKey(view(pi), cipher);
            step_ = 2;
            return ResponseApdu(dynamicAuthenticationData(0x80, encryptNonce(cipher, view(kPi), view(nonce_))), sw::OK);
        }
        case 2: { // Generic Mapping
            Bytes terminalMap = dynamicAuthenticationValue(command.data(), 0x81, "GA2");
            KeyPair ours = group_->generateKeyPair(random_);
            Bytes h = group_->sharedElement(view(ours.privateKey), terminalMap);
            WipeOnExit wipeH(h); // the mapping secret
            mapped_ = group_->mapGeneric(view(nonce_), h);
            step_ = 3;
            return ResponseApdu(dynamicAuthenticationData(0x82, ours.publicKey), sw::OK);
        }
        case 3: { // ephemeral key agreement
            terminalPublic_ = dynamicAuthenticationValue(command.data(), 0x83, "GA3");
            KeyPair ours = mapped_->generateKeyPair(random_);
            if (ours.publicKey == terminalPublic_) return fail(sw::WRONG_DATA);
            shared_ = mapped_->sharedSecret(view(ours.privateKey), terminalPublic_);
            ephemeralPublic_ = ours.publicKey;
            step_ = 4;
            return ResponseApdu(dynamicAuthenticationData(0x84, ours.publicKey), sw::OK);
        }
        default: { // mutual authentication
            Bytes token = dynamicAuthenticationValue(command.data(), 0x85, "GA4");
            SecureBytes macKey = crypto::kdf(view(shared_), crypto::kdfMac, cipher);
            Bytes expected = authenticationToken(cipher, view(macKey),
                                                 publicKeyDataObject(info_->protocol, mapped_->publicKeyTag(), ephemeralPublic_));
            if (!constantTimeEqual(token, expected)) {
                ++failures_;
                return fail(authenticationFailed);
            }
            Bytes ours = authenticationToken(cipher, view(macKey),
                                             publicKeyDataObject(info_->protocol, mapped_->publicKeyTag(), terminalPublic_));
            established_.emplace(sessionFromSharedSecret(view(shared_), cipher));
            failures_ = 0;
            step_ = 0;
            return ResponseApdu(dynamicAuthenticationData(0x86, ours), sw::OK);
        }
        }
    } catch (const Error&) {
        return fail(sw::WRONG_DATA); // malformed data or a key outside the group
    }
}

} // namespace cccd::icao
