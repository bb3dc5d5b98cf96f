// The QR code on the card face: "ID12|oldID9|Full name|ddMMyyyy|sex|address|ddMMyyyy" (UTF-8).
// It has no expiry date and no CAN; the CAN is the last 6 digits of the ID.
#pragma once

#include "vn/dates.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace cccd::vn {

/** The holder's data printed on the card: wiped when released, as a Document is (document.cpp). */
struct QrPayload {
    std::string idNumber;
    std::optional<std::string> oldIdNumber;
    std::string fullName;
    Date dateOfBirth;
    std::string sex;   ///< "M", "F" or "X" (the card prints "Nam" / "Nữ")
    std::string placeOfResidence;
    Date dateOfIssue;

    QrPayload() = default;
    QrPayload(const QrPayload&) = default;
    QrPayload(QrPayload&&) noexcept = default;
    QrPayload& operator=(const QrPayload& other);
    QrPayload& operator=(QrPayload&& other) noexcept;
    ~QrPayload();
};

/** Parses a QR payload. Throws Error(InvalidArgument) saying which field is wrong (never echoing its value). */
QrPayload parseQrPayload(std::string_view payload);

/** "Nam" -> "M", "Nữ" -> "F", anything else "X". */
std::string sexCode(std::string_view vietnamese);

} // namespace cccd::vn
