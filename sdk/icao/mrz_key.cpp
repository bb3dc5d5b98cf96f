#include "icao/mrz_key.hpp"

#include "core/check_digit.hpp"
#include "crypto/crypto.hpp"

namespace cccd::icao {

namespace {
void appendField(SecureBytes& out, const std::string& field)
{
    out.insert(out.end(), field.begin(), field.end());
    out.push_back(static_cast<std::uint8_t>(mrzCheckDigit(field)));
}
} // namespace

SecureBytes mrzInformation(const MrzKeyData& key)
{
    std::string number = key.documentNumber;
    if (number.size() < 9) number.append(9 - number.size(), '<');
    SecureBytes out;
    appendField(out, number);
    appendField(out, key.dateOfBirth);
    appendField(out, key.dateOfExpiry);
    secureZero(number.data(), number.size());
    return out;
}

SecureBytes bacKeySeed(const MrzKeyData& key)
{
    SecureBytes info = mrzInformation(key);
    Bytes digest = crypto::hash(crypto::HashAlgorithm::Sha1, ByteView(info.data(), info.size()));
    SecureBytes seed(digest.begin(), digest.begin() + 16);
    wipe(digest);
    return seed;
}

} // namespace cccd::icao
