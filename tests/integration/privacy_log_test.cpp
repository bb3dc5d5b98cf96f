// At the most verbose log level, a full read with verification and a face match log no personal data: every line
// `cccd --verbose` (with CCCD_LOG=debug) writes is searched for the holder's ID numbers, names, dates and addresses
// and for the photo in hex and base64. A dump written by --out is private: folder 0700, files 0600, whatever the umask.
#include "measured_run.hpp"
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using cccd::test::PcscdInstance;
using cccd::test::VcardInstance;
namespace fs = std::filesystem;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";

std::string base64(const std::string& bytes)
{
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i + 2 < bytes.size(); i += 3) {
        unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) | (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += alphabet[(v >> shift) & 63];
    }
    return out;
}

std::string hex(const std::string& bytes, const char* digits)
{
    std::string out;
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out;
}

// What must never be logged, in the forms a log could hold it.
std::vector<std::string> personalData(const nlohmann::json& document, const std::string& photo)
{
    std::vector<std::string> out;
    for (const char* field : {"id_number", "old_id_number", "full_name", "place_of_origin", "place_of_residence", "personal_identification",
                              "father_name", "mother_name", "spouse_name"}) {
        out.push_back(document[field].get<std::string>());
    }
    out.push_back(document["id_number"].get<std::string>().substr(6)); // the CAN
    for (const char* word : {"Nguyễn", "NGUYEN", "Bình", "Cúc", "Dung", "Hàng Bạc", "HANG BAC"}) out.push_back(word);
    std::string birth = document["date_of_birth"];                               // 1990-01-01
    out.push_back(birth);
    out.push_back(birth.substr(8, 2) + birth.substr(5, 2) + birth.substr(0, 4)); // ddMMyyyy (QR, DG13)
    out.push_back(birth.substr(2, 2) + birth.substr(5, 2) + birth.substr(8, 2)); // YYMMDD (MRZ)
    out.push_back(birth.substr(8, 2) + "/" + birth.substr(5, 2) + "/" + birth.substr(0, 4));
    for (std::size_t at : {photo.size() / 3, photo.size() / 2}) { // 24 bytes of the photo's data, three ways
        std::string piece = photo.substr(at, 24);
        out.push_back(hex(piece, "0123456789ABCDEF"));
        out.push_back(hex(piece, "0123456789abcdef"));
        for (std::size_t shift = 0; shift < 3; ++shift) out.push_back(base64(photo.substr(at + shift, 24)).substr(4)); // any alignment
    }
    return out;
}

std::vector<std::string> leaks(const std::string& log, const std::vector<std::string>& secrets)
{
    std::vector<std::string> found;
    std::istringstream lines(log);
    for (std::string line; std::getline(lines, line);) {
        for (const std::string& s : secrets) {
            if (line.find(s) != std::string::npos) found.push_back(line);
        }
    }
    return found;
}

mode_t modeOf(const std::string& path)
{
    struct stat st {};
    ::stat(path.c_str(), &st);
    return st.st_mode & 0777;
}
} // namespace

TEST_CASE("a full read, verification and face match at the most verbose log level log no personal data, and the dump is private")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    nlohmann::json profile = nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json")));
    std::ifstream photoFile(std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg", std::ios::binary);
    std::string photo((std::istreambuf_iterator<char>(photoFile)), std::istreambuf_iterator<char>());
    const std::vector<std::string> secrets = personalData(profile["document"], photo);

    // A folder that exists, open to all, and a umask that would leave new files readable by everyone.
    const std::string dump = pcscd.workDir() + "/dump";
    fs::create_directories(dump);
    fs::permissions(dump, fs::perms::all);
    const std::vector<std::string> env{"PCSCLITE_CSOCK_NAME=" + pcscd.socketPath(), "XDG_DATA_HOME=" + pcscd.workDir() + "/data", "CCCD_LOG=debug",
                                       "CCCD_MODEL_DIR=" + cccd::test::requireData("models")};
    const mode_t previousUmask = ::umask(0);
    cccd::test::MeasuredRun read = cccd::test::runMeasured(
        {cccd::test::programPath("cccd"), "--verbose", "read", "--id", profile["document"]["id_number"], "--json", "--out", dump, "--trust", testCsca}, env);
    ::umask(previousUmask);
    INFO(read.err);
    REQUIRE(read.exitCode == 0);
    CHECK_THAT(read.err, Catch::Contains("READ BINARY")); // the trace is there: the check below looked at something
    CHECK(nlohmann::json::parse(read.out)["document"]["full_name"] == profile["document"]["full_name"]); // the data was read

    cccd::test::MeasuredRun match = cccd::test::runMeasured(
        {cccd::test::programPath("cccd"), "--verbose", "face-match", "--dir", dump, "--live", std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg", "--liveness"},
        env);
    INFO(match.err);
    CHECK((match.exitCode == 0 || match.exitCode == 7)); // the same photo matches; liveness may call a still picture a photo

    CHECK(leaks(read.err, secrets).empty());
    CHECK(leaks(match.err, secrets).empty());
    for (const std::string& line : leaks(read.err + match.err, secrets)) UNSCOPED_INFO("leaked: " << line);

    CHECK(modeOf(dump) == 0700);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dump)) {
        INFO(entry.path().filename().string());
        CHECK(modeOf(entry.path().string()) == 0600);
        ++files;
    }
    CHECK(files >= 8); // the raw files, the face and report.json
}
