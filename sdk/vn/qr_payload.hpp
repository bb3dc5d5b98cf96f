// The QR code on the card face: "ID12|oldID9|Full name|ddMMyyyy|sex|address|ddMMyyyy" (UTF-8).
// It has no expiry date and no CAN; the CAN is the last 6 digits of the ID.
#pragma once

#include "vn/dates.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cccd::vn {

struct QrPayload {
    std::string idNumber;
    std::optional<std::string> oldIdNumber;
    std::string fullName;
    Date dateOfBirth;
    std::string sex;   ///< "M", "F" or "X" (the card prints "Nam" / "Nữ")
    std::string placeOfResidence;
    Date dateOfIssue;
};

/** Parses a QR payload. Throws Error(InvalidArgument) saying which field is wrong (never echoing its value). */
QrPayload parseQrPayload(std::string_view payload);

/** "Nam" -> "M", "Nữ" -> "F", anything else "X". */
std::string sexCode(std::string_view vietnamese);

} // namespace cccd::vn
