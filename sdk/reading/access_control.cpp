#include "reading/access_control.hpp"

#include "cccd/error.hpp"
#include "core/log.hpp"
#include "icao/bac.hpp"
#include "icao/mrz_key.hpp"
#include "icao/pace.hpp"

namespace cccd::reading {

namespace {
std::string cipherName(crypto::Cipher c)
{
    switch (c) {
    case crypto::Cipher::Tdes: return "3DES";
    case crypto::Cipher::Aes128: return "AES-128";
    case crypto::Cipher::Aes192: return "AES-192";
    case crypto::Cipher::Aes256: return "AES-256";
    }
    return "?";
}

ByteView text(std::string_view s) { return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size()); }

OpenedChip byBac(ApduChannel& channel, const AccessKey& key, crypto::Random& random)
{
    ResponseApdu selected = channel.transmit(selectEmrtdApplication());
    if (!selected.isSuccess()) throw CardStatusError("selecting the eMRTD application", 0xA4, selected.sw().value());
    const auto& candidates = key.mrzCandidates();
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        try {
            icao::SecureMessaging sm = icao::performBac(channel, candidates[i], random);
            return OpenedChip{std::move(sm), AccessInfo{"BAC", "MRZ", "3DES"}, true};
        } catch (const Error& e) {
            if (e.kind() != ErrorKind::AccessDenied || i + 1 == candidates.size()) throw;
            log::info("BAC: MRZ candidate " + std::to_string(i + 1) + " refused, trying the next");
        }
    }
    throw Error(ErrorKind::AccessDenied, "access denied: no MRZ data to try");
}
} // namespace

CommandApdu selectEmrtdApplication() { return CommandApdu(0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001")); }

OpenedChip openChip(ApduChannel& channel, const AccessKey& key, const std::optional<lds::SecurityInfos>& cardAccess,
                    crypto::Random& random)
{
    std::optional<lds::PaceInfo> pace = cardAccess ? icao::choosePaceInfo(cardAccess->pace) : std::nullopt;
    if (pace && key.hasCan()) {
        try {
            icao::PaceResult r = icao::performPace(channel, *pace, icao::PacePassword::Can, text(key.can()), random);
            return OpenedChip{std::move(r.secureMessaging), AccessInfo{"PACE", "CAN", cipherName(r.algorithm.cipher)}, false};
        } catch (const Error& e) {
            // A refused CAN is final; any other PACE failure may still leave BAC, if we have MRZ data.
            if (e.kind() == ErrorKind::AccessDenied || key.mrzCandidates().empty()) throw;
            log::warn(std::string("PACE failed, trying BAC: ") + e.what());
        }
    } else if (pace && !key.mrzCandidates().empty()) {
        SecureBytes info = icao::mrzInformation(key.mrzCandidates().front());
        try {
            icao::PaceResult r = icao::performPace(channel, *pace, icao::PacePassword::Mrz, ByteView(info.data(), info.size()), random);
            return OpenedChip{std::move(r.secureMessaging), AccessInfo{"PACE", "MRZ", cipherName(r.algorithm.cipher)}, false};
        } catch (const Error& e) {
            log::warn(std::string("PACE with the MRZ failed, trying BAC: ") + e.what());
        }
    }
    if (key.mrzCandidates().empty()) {
        throw Error(ErrorKind::AccessDenied, pace ? "access denied: PACE failed and no MRZ data was given for BAC"
                                                  : "access denied: the chip offers no PACE; give MRZ data (--mrz, --bac or --qr) for BAC");
    }
    return byBac(channel, key, random);
}

} // namespace cccd::reading
