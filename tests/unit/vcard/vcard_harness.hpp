// Driving the virtual chip in-process: the sample profile and PKI, a channel straight into the chip, PACE.
#pragma once

#include "card_image.hpp"
#include "icao/pace.hpp"
#include "icao/secure_channel.hpp"
#include "virtual_chip.hpp"

#include <string>

namespace cccd::vcard::harness {

inline std::string samples() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard"; }

inline Profile sampleProfile() { return loadProfile(samples() + "/profiles/nguyen-van-an.json"); }

inline CardImage image(const Faults& faults = {}, const Profile& profile = sampleProfile())
{
    return personalize(profile, faults, samples() + "/pki");
}

// A channel straight into the chip.
struct Direct : ApduChannel {
    VirtualChip& chip;
    explicit Direct(VirtualChip& c) : chip(c) {}
    ResponseApdu transmit(const CommandApdu& c) override { return ResponseApdu::parse(chip.process(c.encode())); }
    ChannelLimits limits() const override { return {true, 65544, 65538}; }
};

/** PACE-CAN (ECDH-GM-AES-128, brainpoolP256r1) with the chip: the session's secure messaging. */
inline icao::SecureMessaging paceWithCan(Direct& direct, const std::string& can)
{
    lds::PaceInfo info{"0.4.0.127.0.7.2.2.4.2.2", 2, 13};
    return icao::performPace(direct, info, icao::PacePassword::Can, ByteView(reinterpret_cast<const std::uint8_t*>(can.data()), can.size()),
                             crypto::systemRandom())
        .secureMessaging;
}

} // namespace cccd::vcard::harness
