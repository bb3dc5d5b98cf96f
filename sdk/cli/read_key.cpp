#include "read_key.hpp"

#include "cccd/error.hpp"
#include "core/secure.hpp"

#include <cstdlib>
#include <iostream>

namespace cccd::cli {

namespace {
struct Source {
    std::string* value;
    const char* option;
    const char* variable;
};

std::vector<Source> sources(KeyArguments& k)
{
    return {{&k.can, "--can", "CCCD_CAN"}, {&k.id, "--id", "CCCD_ID"}, {&k.qr, "--qr", "CCCD_QR"}, {&k.mrz, "--mrz", "CCCD_MRZ"}, {&k.bac, "--bac", "CCCD_BAC"}};
}

// Strips the line end a scanner or a terminal adds.
std::string trimmed(std::string line)
{
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n' || line.back() == ' ')) line.pop_back();
    return line;
}
} // namespace

KeyArguments::~KeyArguments()
{
    for (std::string* text : {&can, &id, &qr, &mrz, &bac}) wipe(*text);
}

void addKeyOptions(CLI::App* cmd, KeyArguments& k)
{
    cmd->add_option("--can", k.can, "Card access number (6 digits); '-' reads it from stdin");
    cmd->add_option("--id", k.id, "12-digit ID number (the CAN is its last 6 digits); '-' reads it from stdin");
    cmd->add_option("--qr", k.qr, "The card-face QR payload; '-' reads it from stdin");
    cmd->add_option("--mrz", k.mrz, "TD1 or TD3 MRZ lines; '-' reads them from stdin");
    cmd->add_option("--bac", k.bac, "DOCNO,YYMMDD,YYMMDD (document number, birth, expiry); '-' reads it from stdin");
}

bool keyGiven(const KeyArguments& keys)
{
    KeyArguments k = keys;
    for (const Source& s : sources(k)) {
        const char* env = std::getenv(s.variable);
        if (!s.value->empty() || (env && *env)) return true;
    }
    return false;
}

AccessKey keyFrom(KeyArguments k)
{
    std::vector<Source> given;
    for (const Source& s : sources(k)) {
        if (!s.value->empty()) given.push_back(s);
    }
    if (given.empty()) { // the environment, so the key stays out of the process list
        for (const Source& s : sources(k)) {
            const char* env = std::getenv(s.variable);
            if (env && *env) {
                *s.value = env;
                given.push_back(s);
            }
        }
    }
    if (given.size() != 1) {
        throw Error(ErrorKind::InvalidArgument, "give exactly one key: --can, --id, --qr, --mrz or --bac (or CCCD_CAN, CCCD_ID, ... in the environment)");
    }
    std::string& value = *given.front().value;
    if (value == "-") {
        std::string line;
        if (!std::getline(std::cin, line)) throw Error(ErrorKind::InvalidArgument, std::string(given.front().option) + " -: nothing on stdin");
        value = trimmed(line);
        wipe(line);
    }
    if (!k.can.empty()) return AccessKey::fromCan(k.can);
    if (!k.id.empty()) return AccessKey::fromIdNumber(k.id);
    if (!k.qr.empty()) return AccessKey::fromQr(k.qr);
    if (!k.mrz.empty()) return AccessKey::fromMrz(k.mrz);
    return AccessKey::fromBacText(k.bac);
}

AccessKey keyFromLine(const std::string& raw)
{
    std::string line = trimmed(raw);
    if (line.find('|') != std::string::npos) return AccessKey::fromQr(line);
    if (line.size() == 12) return AccessKey::fromIdNumber(line);
    if (line.size() == 6) return AccessKey::fromCan(line);
    throw Error(ErrorKind::InvalidArgument, "a scanned line must be the card's QR, a 12-digit ID number or a 6-digit CAN");
}

} // namespace cccd::cli
