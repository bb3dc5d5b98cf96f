#include "icao/pace_protocol.hpp"

#include <algorithm>

namespace cccd::icao {

namespace {
const std::string pacePrefix = "0.4.0.127.0.7.2.2.4.";

int cipherStrength(crypto::Cipher c)
{
    switch (c) {
    case crypto::Cipher::Tdes: return 0;
    case crypto::Cipher::Aes128: return 1;
    case crypto::Cipher::Aes192: return 2;
    case crypto::Cipher::Aes256: return 3;
    }
    return 0;
}
} // namespace

std::optional<PaceAlgorithm> paceAlgorithmFor(const std::string& oid)
{
    if (oid.compare(0, pacePrefix.size(), pacePrefix) != 0) return std::nullopt;
    std::string rest = oid.substr(pacePrefix.size()); // "<mapping>.<cipher>"
    if (rest.size() != 3 || rest[1] != '.') return std::nullopt;
    PaceAlgorithm a;
    switch (rest[0]) {
    case '1': a.mapping = PaceMapping::Generic; a.ellipticCurve = false; break;
    case '2': a.mapping = PaceMapping::Generic; break;
    case '3': a.mapping = PaceMapping::Integrated; a.ellipticCurve = false; break;
    case '4': a.mapping = PaceMapping::Integrated; break;
    case '6': a.mapping = PaceMapping::ChipAuthentication; break;
    default: return std::nullopt;
    }
    switch (rest[2]) {
    case '1': a.cipher = crypto::Cipher::Tdes; break;
    case '2': a.cipher = crypto::Cipher::Aes128; break;
    case '3': a.cipher = crypto::Cipher::Aes192; break;
    case '4': a.cipher = crypto::Cipher::Aes256; break;
    default: return std::nullopt;
    }
    if (a.mapping == PaceMapping::ChipAuthentication && a.cipher == crypto::Cipher::Tdes) return std::nullopt;
    return a;
}

bool isSupported(const lds::PaceInfo& info)
{
    std::optional<PaceAlgorithm> a = paceAlgorithmFor(info.protocol);
    if (!a || a->mapping == PaceMapping::Integrated || !info.parameterId) return false;
    std::uint64_t id = *info.parameterId;
    bool standard = id <= 2 || (id >= 8 && id <= 18);
    return standard && a->ellipticCurve == (id >= 8) && info.version == 2;
}

std::optional<lds::PaceInfo> choosePaceInfo(const std::vector<lds::PaceInfo>& offered)
{
    std::optional<lds::PaceInfo> best;
    auto rank = [](const lds::PaceInfo& i) {
        PaceAlgorithm a = *paceAlgorithmFor(i.protocol);
        return (a.mapping == PaceMapping::Generic ? 10 : 0) + cipherStrength(a.cipher);
    };
    for (const lds::PaceInfo& info : offered) {
        if (isSupported(info) && (!best || rank(info) > rank(*best))) best = info;
    }
    return best;
}

} // namespace cccd::icao
