// Finding the face models and proving they are the expected files (SHA-256), with errors that say
// which file is missing or wrong and every place it was looked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cccd::face {

struct ModelFile {
    const char* name;
    const char* sha256;
};

inline constexpr ModelFile yunetModel{"face_detection_yunet_2022mar.onnx", "50ef07f702a31741ca46a4c0d947773b64143b9362780237bf0d427d6c79bab7"};
inline constexpr ModelFile landmarksModel{"shape_predictor_5_face_landmarks.dat", "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888"};
inline constexpr ModelFile resnetModel{"dlib_face_recognition_resnet_model_v1.dat", "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30"};
inline constexpr ModelFile livenessV2Model{"2.7_80x80_MiniFASNetV2.onnx", "4433e871ef03f6c4c13de1757e63dcd69db14b6d7d9cff2319cb274c0f6dbecb"};
inline constexpr ModelFile livenessV1SeModel{"4_0_0_80x80_MiniFASNetV1SE.onnx", "a8e67ffbaf39fa74c3b2ed673b530fcfb2f47379d0f26a52b71c2fc6473ec20f"};

class ModelStore {
public:
    /** folder: the only place searched when not empty; else $CCCD_MODEL_DIR, the build tree's models/,
     *  ~/.local/share/cccd/models, the install prefix's share/cccd/models and /usr/share/cccd/models, in that order. */
    explicit ModelStore(const std::string& folder = "");

    /** The verified path of a model. Throws Error(NotFound) naming the file and the folders searched, or
     *  Error(MalformedData) when the file there has another SHA-256. */
    std::string require(const ModelFile& model) const;
    /** The verified path, or nothing when the model is not installed (a wrong file still throws). */
    std::optional<std::string> find(const ModelFile& model) const;

    const std::vector<std::string>& folders() const noexcept { return folders_; }

private:
    std::vector<std::string> folders_;
};

} // namespace cccd::face
