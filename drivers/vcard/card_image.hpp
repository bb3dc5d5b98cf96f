// Everything the virtual chip holds, built once from a profile, its PKI and the fault modes.
#pragma once

#include "cccd/access_key.hpp"
#include "chip_auth_key.hpp"
#include "core/bytes.hpp"
#include "crypto/openssl_handles.hpp"
#include "faults.hpp"
#include "lds/security_infos.hpp"
#include "profile.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace cccd::vcard {

struct CardImage {
    std::map<std::uint16_t, Bytes> files; ///< by file identifier; 011C (EF.CardAccess) lives in the MF
    std::optional<Bytes> cardSecurity;    ///< EF.CardSecurity (011D in the MF, where the application has EF.SOD)
    std::string can;                      ///< the last 6 digits of the ID
    MrzKeyData mrzKey;                    ///< the BAC key of DG1
    std::vector<lds::PaceInfo> paceInfos;
    ChipOptions chip;
    ChipAuthenticationKey chipAuthenticationKey; ///< what the chip computes with (differs from DG14 when cloned)
    crypto::PKey activeAuthenticationKey; ///< ditto for DG15; null without AA
};

/** Builds the card. defaultPki: the folder used when the profile names none. */
CardImage personalize(const Profile& profile, const Faults& faults, const std::string& defaultPki);

} // namespace cccd::vcard
