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
} // namespace

Faults parseFaults(const std::vector<std::string>& specs)
{
    Faults f;
    for (const std::string& spec : specs) {
        std::size_t colon = spec.find(':');
        std::string name = spec.substr(0, colon);
        std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
        if (name == "remove-after") f.removeAfter = static_cast<int>(number(spec, arg));
        else if (name == "tamper" && arg.size() > 2 && arg.compare(0, 2, "DG") == 0) f.tamperedDataGroups.push_back(static_cast<int>(number(spec, arg.substr(2))));
        else if (name == "corrupt" && arg.size() > 2 && arg.compare(0, 2, "DG") == 0) f.corruptDataGroups.push_back(static_cast<int>(number(spec, arg.substr(2))));
        else if (name == "bad-signature") f.badSignature = true;
        else if (name == "clone") f.clone = true;
        else if (name == "unknown-csca") f.unknownCsca = true;
        else if (name == "expired-signer") f.expiredSigner = true;
        else if (name == "no-extended") f.noExtended = true;
        else if (name == "max-le") f.maxLe = static_cast<std::size_t>(number(spec, arg));
        else if (name == "sw-on-large-le" && (arg == "6282" || arg == "6700")) f.swOnLargeLe = static_cast<std::uint16_t>(number(spec, arg, 16));
        else if (name == "latency") f.latencyMs = static_cast<int>(number(spec, arg));
        else throw Error(ErrorKind::InvalidArgument, "unknown --fault '" + spec + "' (see docs/vcard.md)");
    }
    return f;
}

} // namespace cccd::vcard
