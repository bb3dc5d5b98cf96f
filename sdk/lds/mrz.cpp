#include "lds/mrz.hpp"

#include "cccd/error.hpp"
#include "core/check_digit.hpp"

#include <algorithm>

namespace cccd::lds {

namespace {
std::string trimFillers(std::string s)
{
    while (!s.empty() && s.back() == '<') s.pop_back();
    return s;
}

std::string fillersToSpaces(std::string s)
{
    std::replace(s.begin(), s.end(), '<', ' ');
    // collapse runs of spaces and trim
    std::string out;
    for (char c : s) {
        if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
        out.push_back(c);
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool checks(std::string_view field, char digit)
{
    try {
        return mrzCheckDigit(field) == digit;
    } catch (const Error&) {
        return false;
    }
}

void splitName(Mrz& mrz, const std::string& nameField)
{
    std::size_t sep = nameField.find("<<");
    mrz.primaryIdentifier = fillersToSpaces(nameField.substr(0, sep));
    mrz.secondaryIdentifier = sep == std::string::npos ? "" : fillersToSpaces(nameField.substr(sep + 2));
}

// Document number field of 9 characters; when its check digit position holds '<' the number continues in
// the optional data, ending with its own check digit (ICAO 9303-5 §4.2.4 note j).
void documentNumber(Mrz& mrz, const std::string& field, char digit, std::string& optional)
{
    if (digit == '<' && !optional.empty()) {
        std::size_t end = optional.find('<');
        std::string rest = optional.substr(0, end);
        if (rest.size() >= 2) {
            mrz.documentNumber = field + rest.substr(0, rest.size() - 1);
            mrz.documentNumberValid = checks(mrz.documentNumber, rest.back());
            return;
        }
    }
    mrz.documentNumber = trimFillers(field);
    mrz.documentNumberValid = checks(field, digit);
}
} // namespace

Mrz parseMrz(std::string_view text)
{
    std::string s;
    for (char c : text) {
        if (c == '\n' || c == '\r' || c == ' ') continue;
        s.push_back(c);
    }
    for (char c : s) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '<')) {
            throw Error(ErrorKind::InvalidArgument, "an MRZ holds only 0-9, A-Z and '<'");
        }
    }
    Mrz m;
    if (s.size() == 90) {
        m.format = Mrz::Format::TD1;
        m.documentCode = trimFillers(s.substr(0, 2));
        m.issuingState = trimFillers(s.substr(2, 3));
        m.optionalData = s.substr(15, 15);
        std::string optional = m.optionalData;
        documentNumber(m, s.substr(5, 9), s[14], optional);
        m.dateOfBirth = s.substr(30, 6);
        m.dateOfBirthValid = checks(m.dateOfBirth, s[36]);
        m.sex = s.substr(37, 1);
        m.dateOfExpiry = s.substr(38, 6);
        m.dateOfExpiryValid = checks(m.dateOfExpiry, s[44]);
        m.nationality = trimFillers(s.substr(45, 3));
        m.optionalData2 = s.substr(48, 11);
        m.compositeValid = checks(s.substr(5, 25) + s.substr(30, 7) + s.substr(38, 7) + s.substr(48, 11), s[59]);
        splitName(m, s.substr(60, 30));
    } else if (s.size() == 72 || s.size() == 88) {
        const bool td2 = s.size() == 72;
        const std::size_t line = td2 ? 36 : 44;
        m.format = td2 ? Mrz::Format::TD2 : Mrz::Format::TD3;
        m.documentCode = trimFillers(s.substr(0, 2));
        m.issuingState = trimFillers(s.substr(2, 3));
        splitName(m, s.substr(5, line - 5));
        std::string l2 = s.substr(line);
        std::size_t optionalLength = td2 ? 7 : 14;
        m.optionalData2 = l2.substr(28, optionalLength);
        std::string optional = m.optionalData2;
        documentNumber(m, l2.substr(0, 9), l2[9], optional);
        m.nationality = trimFillers(l2.substr(10, 3));
        m.dateOfBirth = l2.substr(13, 6);
        m.dateOfBirthValid = checks(m.dateOfBirth, l2[19]);
        m.sex = l2.substr(20, 1);
        m.dateOfExpiry = l2.substr(21, 6);
        m.dateOfExpiryValid = checks(m.dateOfExpiry, l2[27]);
        std::size_t compositeEnd = line - 1;
        m.compositeValid = checks(l2.substr(0, 10) + l2.substr(13, 7) + l2.substr(21, compositeEnd - 21), l2[compositeEnd]);
    } else {
        throw Error(ErrorKind::InvalidArgument, "an MRZ has 90 (TD1), 72 (TD2) or 88 (TD3) characters, not " + std::to_string(s.size()));
    }
    return m;
}

} // namespace cccd::lds
