// `cccd doctor` on a machine that has everything (pcscd with a reader and a card, the models, a trusted CSCA) and on
// one that has nothing: each missing part is named with what it costs and the fix, and the exit code says it.
#include "pcscd_instance.hpp"
#include "test_data.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";

struct DoctorRun {
    int status = -1;
    nlohmann::json report;
};

DoctorRun doctor(const PcscdInstance& pcscd, const std::string& args)
{
    std::string out;
    DoctorRun run;
    run.status = pcscd.run("XDG_DATA_HOME=" + pcscd.workDir() + "/data " + programPath("cccd") + " doctor --json " + args, &out);
    INFO(out);
    run.report = nlohmann::json::parse(out);
    return run;
}

std::vector<nlohmann::json> findingsOf(const nlohmann::json& report, const std::string& area)
{
    std::vector<nlohmann::json> out;
    for (const nlohmann::json& f : report["findings"]) {
        if (f["area"] == area) out.push_back(f);
    }
    return out;
}

bool hasFinding(const nlohmann::json& report, const std::string& area, const std::string& level, const std::string& textPart,
                const std::string& fixPart = "")
{
    for (const nlohmann::json& f : findingsOf(report, area)) {
        std::string text = f["text"], fix = f["fix"];
        if (f["level"] == level && text.find(textPart) != std::string::npos && fix.find(fixPart) != std::string::npos) return true;
    }
    return false;
}
} // namespace

TEST_CASE("cccd doctor: pcscd, the reader with its card, the models and the trusted CSCA in use, exit 0")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string models = std::string(CCCD_BINARY_DIR) + "/models";
    if (!std::filesystem::exists(models + "/face_detection_yunet_2022mar.onnx")) models = cccd::test::dataRoot() + "/models";
    DoctorRun run = doctor(pcscd, "--models " + models + " --trust " + testCsca);
    INFO(run.report.dump(2));
    CHECK(run.report["problems"] == 0);
    CHECK(run.status == 0);
    CHECK(hasFinding(run.report, "pcscd", "ok", "running, socket " + pcscd.socketPath()));
    CHECK(hasFinding(run.report, "readers", "ok", "Virtual PCD"));
    CHECK(hasFinding(run.report, "readers", "ok", "card present"));
    CHECK(hasFinding(run.report, "models", "ok", "face detection (YuNet): " + models + "/face_detection_yunet_2022mar.onnx"));
    CHECK(hasFinding(run.report, "models", "ok", "liveness (MiniFASNetV2)"));
    CHECK(hasFinding(run.report, "trust", "ok", "1 CSCA certificates of 1 countries"));
}

TEST_CASE("cccd doctor: no pcscd, no models, no CSCA: each is a problem with its fix, exit 2")
{
    PcscdInstance pcscd;
    std::filesystem::create_directories(pcscd.workDir() + "/no-models");
    std::string out;
    int status = pcscd.run("PCSCLITE_CSOCK_NAME=" + pcscd.workDir() + "/nowhere.comm XDG_DATA_HOME=" + pcscd.workDir() +
                               "/data " + programPath("cccd") + " doctor --json --models " + pcscd.workDir() + "/no-models",
                           &out);
    INFO(out);
    CHECK(status == 2);
    nlohmann::json report = nlohmann::json::parse(out);
    CHECK(hasFinding(report, "pcscd", "problem", "pcscd does not answer on " + pcscd.workDir() + "/nowhere.comm", "systemctl"));
    CHECK(hasFinding(report, "models", "warning", "face_detection_yunet_2022mar.onnx not found", "Debian package cccd"));
    CHECK(hasFinding(report, "models", "warning", "HOG"));
    CHECK(hasFinding(report, "models", "problem", "dlib_face_recognition_resnet_model_v1.dat not found (looked in " +
                                                      pcscd.workDir() + "/no-models): no face matching"));
    CHECK(hasFinding(report, "models", "warning", "no liveness check"));
    CHECK(hasFinding(report, "trust", "problem", "no trusted CSCA", "cccd trust import"));
    CHECK(report["problems"] == 4);
}

TEST_CASE("cccd doctor: the BLAS is the libblas.so.3 the system's alternative points at")
{
    PcscdInstance pcscd;
    std::error_code ec;
    std::string blas = std::filesystem::canonical("/usr/lib/x86_64-linux-gnu/libblas.so.3", ec).string();
    if (ec) return; // not a Debian amd64 layout: nothing to compare with
    DoctorRun run = doctor(pcscd, "");
    std::vector<nlohmann::json> findings = findingsOf(run.report, "blas");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0]["text"].get<std::string>().find(blas) != std::string::npos);
    if (blas.find("/blas/libblas") != std::string::npos) CHECK(findings[0]["fix"].get<std::string>().find("libopenblas0-serial") != std::string::npos);
}
