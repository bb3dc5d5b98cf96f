#include "cccd/error.hpp"
#include "doctor_finding.hpp"
#include "face/models.hpp"

namespace cccd::cli {

namespace {
struct ModelRole {
    const face::ModelFile& file;
    const char* use;        ///< what the SDK does with it
    const char* without;    ///< what happens when it is missing
    DoctorLevel levelWithout;
};

const char* const installFix = "install the Debian package cccd (it carries every model), or run scripts/install-models from the "
                               "source tree, or point CCCD_MODEL_DIR (cccd-agent: --models) at a folder holding it";
} // namespace

DoctorFindings checkModels(const std::string& folder)
{
    const ModelRole roles[] = {
        {face::yunetModel, "face detection (YuNet)", "faces are found by dlib's HOG detector instead: slower, fewer faces at an angle",
         DoctorLevel::Warning},
        {face::landmarksModel, "face alignment (dlib 5-point landmarks)", "no face matching", DoctorLevel::Problem},
        {face::resnetModel, "face descriptors (dlib ResNet)", "no face matching", DoctorLevel::Problem},
        {face::livenessV2Model, "liveness (MiniFASNetV2)", "no liveness check: a photo held to the camera is not caught",
         DoctorLevel::Warning},
        {face::livenessV1SeModel, "liveness (MiniFASNetV1SE)", "no liveness check: a photo held to the camera is not caught",
         DoctorLevel::Warning},
    };
    face::ModelStore store(folder);
    std::string searched;
    for (const std::string& f : store.folders()) searched += (searched.empty() ? "" : ", ") + f;

    DoctorFindings findings;
    for (const ModelRole& role : roles) {
        DoctorFinding finding{"models", DoctorLevel::Ok, "", ""};
        try {
            if (std::optional<std::string> path = store.find(role.file)) {
                finding.text = std::string(role.use) + ": " + *path;
            } else {
                finding.level = role.levelWithout;
                finding.text = std::string(role.file.name) + " not found (looked in " + searched + "): " + role.without;
                finding.fix = installFix;
            }
        } catch (const Error& e) { // a file with another SHA-256
            finding.level = DoctorLevel::Problem;
            finding.text = e.what();
            finding.fix = installFix;
        }
        findings.push_back(finding);
    }
    return findings;
}

} // namespace cccd::cli
