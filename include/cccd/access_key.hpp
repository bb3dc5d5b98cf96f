// What opens the chip: the CAN for PACE, or the MRZ data for BAC (and PACE with the MRZ password).
// The Vietnamese card prints no CAN: it is the last 6 digits of the 12-digit ID number.
// Keys are held in memory that is wiped when the AccessKey is destroyed.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cccd {

/** The MRZ fields that make a BAC key (ICAO 9303-11 §4.3): document number and two dates as YYMMDD. */
struct MrzKeyData {
    std::string documentNumber; ///< up to 9 characters; CCCD: the last 9 digits of the ID number
    std::string dateOfBirth;  ///< YYMMDD
    std::string dateOfExpiry; ///< YYMMDD
};

/** The key that opens the chip, made from what the card or its holder shows. Its secrets are wiped when it is destroyed. */
class AccessKey {
public:
    /** A 6-digit card access number. Throws Error(InvalidArgument) otherwise. */
    static AccessKey fromCan(std::string_view can);
    /** A 12-digit ID number: PACE with the CAN = its last 6 digits. */
    static AccessKey fromIdNumber(std::string_view idNumber);
    /** The card-face QR payload: PACE with the CAN from its ID number; BAC candidates from the expiry rule. */
    static AccessKey fromQr(std::string_view payload);
    /** A TD1 (3 x 30) or TD3 (2 x 44) MRZ: BAC (and PACE with the MRZ); a Vietnamese TD1 also yields the CAN. */
    static AccessKey fromMrz(std::string_view mrzText);
    /** BAC data: document number (up to 9 characters for CCCD: the last 9 digits of the ID) and YYMMDD dates. */
    static AccessKey fromBac(std::string_view documentNumber, std::string_view dateOfBirth, std::string_view dateOfExpiry);
    /** The same as one text, "DOCNO,YYMMDD,YYMMDD" (`cccd read --bac`, the agent's key.bac). Throws Error(InvalidArgument). */
    static AccessKey fromBacText(std::string_view text);

    /// Moves the key; the moved-from object may only be destroyed or assigned to.
    ///@{
    AccessKey(AccessKey&&) noexcept;
    AccessKey& operator=(AccessKey&&) noexcept;
    ///@}
    ~AccessKey();

    /** True if a CAN is known (PACE-CAN will be tried first). */
    bool hasCan() const noexcept;
    /** The CAN; empty if none. */
    std::string_view can() const noexcept;
    /** BAC/PACE-MRZ candidates, tried in order (e.g. both expiry dates near an age threshold). */
    const std::vector<MrzKeyData>& mrzCandidates() const noexcept;
    /** A short description without the secret ("CAN", "MRZ"). */
    std::string describe() const;

    /** Used by the Vietnamese QR and MRZ helpers to build keys. */
    static AccessKey fromParts(std::string_view can, std::vector<MrzKeyData> mrzCandidates);

private:
    struct Impl;
    explicit AccessKey(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd
