#include "faults.hpp"

#include "cccd/error.hpp"

namespace cccd::vcard {

namespace {
long number(const std::string& spec, const std::string& text, int base = 10)
{
    std::size_t used = 0;
    long v = -1;
    try {
        v = std::stol(text, &used, base);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || v < 0) throw Error(ErrorKind::InvalidArgument, "bad --fault value '" + spec + "'");
    return v;
}

// "DGn" of a fault argument, 1..16.
int dataGroup(const std::string& spec, const std::string& arg)
{
    long dg = arg.size() > 2 && arg.compare(0, 2, "DG") == 0 ? number(spec, arg.substr(2)) : -1;
    if (dg < 1 || dg > 16) throw Error(ErrorKind::InvalidArgument, "bad --fault value '" + spec + "': expected DG1 to DG16");
    return static_cast<int>(dg);
}

// "DGn:VALUE" of a fault argument: the data group and a decimal number.
std::pair<int, long> dataGroupAndNumber(const std::string& spec, const std::string& arg)
{
    std::size_t colon = arg.find(':');
    if (colon == std::string::npos) throw Error(ErrorKind::InvalidArgument, "bad --fault value '" + spec + "': expected DGn:NUMBER");
    return {dataGroup(spec, arg.substr(0, colon)), number(spec, arg.substr(colon + 1))};
}
} // namespace

Faults parseFaults(const std::vector<std::string>& specs)
{
    Faults f;
    for (const std::string& spec : specs) {
        std::size_t colon = spec.find(':');
        std::string name = spec.substr(0, colon);
        std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
        if (name == "remove-after") f.removeAfter = static_cast<int>(number(spec, arg));
        else if (name == "tamper") f.tamperedDataGroups.push_back(dataGroup(spec, arg));
        else if (name == "corrupt" && arg == "SOD") f.corruptSod = true;
        else if (name == "corrupt") f.corruptDataGroups.push_back(dataGroup(spec, arg));
        else if (name == "withhold") {
            std::size_t sw = arg.find(':');
            f.withheldDataGroups[dataGroup(spec, arg.substr(0, sw))] =
                sw == std::string::npos ? std::uint16_t{0x6A82} : static_cast<std::uint16_t>(number(spec, arg.substr(sw + 1), 16));
        }
        else if (name == "unsigned") f.unsignedDataGroups.push_back(dataGroup(spec, arg));
        else if (name == "com-omit") f.comOmitted.push_back(dataGroup(spec, arg));
        else if (name == "com-empty") f.emptyCom = true;
        else if (name == "sod-id-data") f.sodIdData = true;
        else if (name == "no-signing-time") f.noSigningTime = true;
        else if (name == "bad-signature") f.badSignature = true;
        else if (name == "clone") f.clone = true;
        else if (name == "unknown-csca") f.unknownCsca = true;
        else if (name == "expired-signer") f.expiredSigner = true;
        else if (name == "no-extended") f.noExtended = true;
        else if (name == "max-le") f.maxLe = static_cast<std::size_t>(number(spec, arg));
        else if (name == "sw-on-large-le" && (arg == "6282" || arg == "6700")) f.swOnLargeLe = static_cast<std::uint16_t>(number(spec, arg, 16));
        else if (name == "latency") f.latencyMs = static_cast<int>(number(spec, arg));
        else if (name == "mute-after") f.muteAfter = static_cast<int>(number(spec, arg));
        else if (name == "claim-length") f.claimedLengths.insert(dataGroupAndNumber(spec, arg));
        else if (name == "nest") f.nestedDataGroups.insert(dataGroupAndNumber(spec, arg));
        else if (name == "nest-definite") f.nestedFields.insert(dataGroupAndNumber(spec, arg));
        else if (name == "overlong-response") f.overlongResponses = true;
        else if (name == "chain" && (arg == "61" || arg == "6C")) f.endlessChaining = static_cast<std::uint8_t>(number(spec, arg, 16));
        else if (name == "bad-mac") f.badMac = true;
        else if (name == "replay") f.replay = true;
        else if (name == "previous-session") f.previousSession = true;
        else if (name == "huge-certificate") f.hugeCertificateKib = static_cast<std::size_t>(number(spec, arg));
        else if (name == "forged-certificate") f.forgedCertificateKib = static_cast<std::size_t>(number(spec, arg));
        else if (name == "jp2-bomb") f.jpeg2000Bomb = true;
        else if (name == "jp2-largest") f.largestJpeg2000 = true;
        else throw Error(ErrorKind::InvalidArgument, "unknown --fault '" + spec + "' (see docs/vcard.md)");
    }
    return f;
}

} // namespace cccd::vcard
