// At the most verbose log level, a full read with verification and a face match log no personal data: every line
// `cccd --verbose` and `cccd-agent --verbose` (with CCCD_LOG=debug) write is searched for the holder's ID numbers,
// names, dates and addresses and for the photo in hex and base64. A dump written by --out is private: folder 0700,
// files 0600, whatever the umask.
#include "agent_instance.hpp"
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

using cccd::test::testCscaPath;
using cccd::test::PcscdInstance;
using cccd::test::VcardInstance;
namespace fs = std::filesystem;

namespace {

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

void checkNoLeaks(const std::string& log, const std::vector<std::string>& secrets)
{
    const std::vector<std::string> found = leaks(log, secrets);
    for (const std::string& line : found) UNSCOPED_INFO("leaked: " << line);
    CHECK(found.empty());
}

const std::string samplePhoto = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";

nlohmann::json sampleProfile() { return nlohmann::json::parse(std::ifstream(cccd::test::sampleProfile("nguyen-van-an.json"))); }

// The sample card's holder data and photo, as personalData looks for them.
std::vector<std::string> secretsOfSampleCard()
{
    std::ifstream photoFile(samplePhoto, std::ios::binary);
    std::string photo((std::istreambuf_iterator<char>(photoFile)), std::istreambuf_iterator<char>());
    return personalData(sampleProfile()["document"], photo);
}
} // namespace

TEST_CASE("a full read, verification and face match at the most verbose log level log no personal data, and the dump is private")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    const nlohmann::json profile = sampleProfile();
    const std::vector<std::string> secrets = secretsOfSampleCard();

    // A folder that exists, open to all, and a umask that would leave new files readable by everyone.
    const std::string dump = pcscd.workDir() + "/dump";
    fs::create_directories(dump);
    fs::permissions(dump, fs::perms::all);
    const std::vector<std::string> env{"PCSCLITE_CSOCK_NAME=" + pcscd.socketPath(), "XDG_DATA_HOME=" + pcscd.workDir() + "/data", "CCCD_LOG=debug",
                                       "CCCD_MODEL_DIR=" + cccd::test::requireData("models")};
    const mode_t previousUmask = ::umask(0);
    cccd::test::MeasuredRun read = cccd::test::runMeasured(
        {cccd::test::programPath("cccd"), "--verbose", "read", "--id", profile["document"]["id_number"], "--json", "--out", dump, "--trust", testCscaPath()}, env);
    ::umask(previousUmask);
    INFO(read.err);
    REQUIRE(read.exitCode == 0);
    CHECK_THAT(read.err, Catch::Contains("READ BINARY")); // the trace is there: the check below looked at something
    CHECK(nlohmann::json::parse(read.out)["document"]["full_name"] == profile["document"]["full_name"]); // the data was read

    cccd::test::MeasuredRun match = cccd::test::runMeasured(
        {cccd::test::programPath("cccd"), "--verbose", "face-match", "--dir", dump, "--live", samplePhoto, "--liveness"},
        env);
    INFO(match.err);
    CHECK((match.exitCode == 0 || match.exitCode == 7)); // the same photo matches; liveness may call a still picture a photo

    checkNoLeaks(read.err, secrets);
    checkNoLeaks(match.err, secrets);

    CHECK(cccd::test::fileMode(dump) == 0700);
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dump)) {
        INFO(entry.path().filename().string());
        CHECK(cccd::test::fileMode(entry.path().string()) == 0600);
        ++files;
    }
    CHECK(files >= 8); // the raw files, the face and report.json
}

TEST_CASE("the agent at the most verbose log level logs no personal data: a read of every field with the face, a face match")
{
    cccd::test::requireData("models/SHA256SUMS");
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    const std::string frames = pcscd.workDir() + "/frames", log = pcscd.workDir() + "/agent.log";
    fs::create_directories(frames);
    fs::copy_file(samplePhoto, frames + "/0001.jpg");
    const nlohmann::json everyField{"id_number", "old_id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity", "religion",
                                    "place_of_origin", "place_of_residence", "personal_identification", "date_of_issue", "date_of_expiry",
                                    "father_name", "mother_name", "spouse_name", "mrz"};
    {
        cccd::test::AgentInstance agent(pcscd, {"--verbose", "--camera", frames}, {"CCCD_LOG=debug"}, log);
        cccd::test::AgentAnswer read =
            agent.postFromPage("/v1/read", {{"key", {{"id", sampleProfile()["document"]["id_number"]}}}, {"fields", everyField}, {"face", true}});
        INFO(read.body.dump());
        REQUIRE(read.status == 200);
        CHECK(read.body["document"]["full_name"] == sampleProfile()["document"]["full_name"]); // the data went through the agent
        CHECK(read.body["face"]["format"] == "JPEG");
        cccd::test::AgentAnswer match = agent.postFromPage("/v1/face-match", {{"live", {{"source", "camera:0"}}}, {"liveness", true}});
        INFO(match.body.dump());
        CHECK(match.status == 200);
    } // the agent stops: its log is complete
    std::ifstream in(log);
    const std::string logged((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK_THAT(logged, Catch::Contains("READ BINARY") && Catch::Contains("/v1/face-match")); // the trace and the requests are there
    checkNoLeaks(logged, secretsOfSampleCard());
}
