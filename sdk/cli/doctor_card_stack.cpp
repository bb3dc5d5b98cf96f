#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "doctor_finding.hpp"
#include "transport/reader_profile.hpp"

#include <cstdlib>
#include <filesystem>

namespace cccd::cli {

namespace {
std::string pcscdSocket()
{
    const char* socket = std::getenv("PCSCLITE_CSOCK_NAME"); // pcsc-lite's own override
    return socket && *socket ? socket : "/run/pcscd/pcscd.comm";
}

std::string describeReader(const ReaderInfo& reader)
{
    std::string text = reader.name + (reader.cardPresent ? ": card present" : ": no card");
    if (std::optional<transport::ReaderProfile> profile = transport::readerProfileFor(reader.name)) {
        text += "; known quirks: " + std::string(profile->extendedLength ? "" : "no extended APDUs, ") + "blocks of at most " +
                std::to_string(profile->maxLe) + " bytes (" + profile->why + ")";
    } else {
        text += "; no known quirks (block sizes are probed at the first read)";
    }
    return text;
}
} // namespace

DoctorFindings checkCardStack()
{
    DoctorFindings findings;
    const std::string socket = pcscdSocket();
    if (!std::filesystem::exists("/usr/sbin/pcscd") && !std::filesystem::exists(socket)) {
        findings.push_back({"pcscd", DoctorLevel::Problem, "pcscd (the PC/SC daemon every reader goes through) is not installed",
                            "sudo apt install pcscd"});
        return findings;
    }
    std::vector<ReaderInfo> readers;
    try {
        readers = listReaders();
    } catch (const Error& e) {
        findings.push_back({"pcscd", DoctorLevel::Problem, std::string("pcscd does not answer on ") + socket + ": " + e.what(),
                            "sudo systemctl enable --now pcscd.socket (or start pcscd)"});
        return findings;
    }
    findings.push_back({"pcscd", DoctorLevel::Ok, "running, socket " + socket, ""});
    if (!std::filesystem::exists("/usr/lib/pcsc/drivers/ifd-ccid.bundle")) {
        findings.push_back({"readers", DoctorLevel::Warning, "the CCID driver is not installed: most USB readers need it",
                            "sudo apt install libccid"});
    }
    if (readers.empty()) {
        findings.push_back({"readers", DoctorLevel::Problem, "no card reader attached",
                            "plug in a PC/SC reader (see drivers/readers/README.md for tested ones); `pcsc_scan` shows what pcscd sees"});
    }
    for (const ReaderInfo& reader : readers) findings.push_back({"readers", DoctorLevel::Ok, describeReader(reader), ""});
    return findings;
}

} // namespace cccd::cli
