// cccd_face_matcher: the face models behind a handle; the answer as the JSON of `cccd face-match --json`.
#include "capi/capi_guard.hpp"
#include "cccd/face.hpp"
#include "core/secure.hpp"
#include "face/match_json.hpp"

struct cccd_face_matcher {
    cccd::FaceMatcher matcher;
};

namespace {
using namespace cccd::capi;

// A copy of an image the caller lent, wiped when done with (faces are biometric data).
struct ImageCopy {
    std::vector<std::uint8_t> bytes;
    ImageCopy(const uint8_t* data, size_t size, const char* name)
    {
        if (!data || size == 0) throw cccd::Error(cccd::ErrorKind::InvalidArgument, std::string(name) + " is empty");
        bytes.assign(data, data + size);
    }
    ~ImageCopy() { cccd::wipe(bytes); }
    ImageCopy(const ImageCopy&) = delete;
    ImageCopy& operator=(const ImageCopy&) = delete;
};
} // namespace

extern "C" {

cccd_status cccd_face_matcher_new(const char* model_folder, cccd_face_matcher** matcher)
{
    return guarded([&] {
        cccd_face_matcher*& out = required(matcher, "matcher");
        out = nullptr;
        out = new cccd_face_matcher{cccd::FaceMatcher(model_folder ? model_folder : "")};
    });
}

void cccd_face_matcher_free(cccd_face_matcher* matcher)
{
    delete matcher;
}

int cccd_face_matcher_has_liveness(const cccd_face_matcher* matcher)
{
    return matcher && matcher->matcher.hasLiveness() ? 1 : 0;
}

cccd_status cccd_face_match(cccd_face_matcher* matcher, const uint8_t* chip_image, size_t chip_size, const uint8_t* live_image,
                            size_t live_size, int liveness, char** match_json)
{
    return guarded([&] {
        char*& out = required(match_json, "match_json");
        out = nullptr;
        cccd_face_matcher& m = required(matcher, "matcher");
        ImageCopy chip(chip_image, chip_size, "chip_image"), live(live_image, live_size, "live_image");
        out = copyOut(cccd::face::matchToJson(m.matcher.compare(chip.bytes, live.bytes, liveness != 0)).dump());
    });
}

cccd_status cccd_face_match_source(cccd_face_matcher* matcher, const uint8_t* chip_image, size_t chip_size, const char* source,
                                   int liveness, char** match_json)
{
    return guarded([&] {
        char*& out = required(match_json, "match_json");
        out = nullptr;
        cccd_face_matcher& m = required(matcher, "matcher");
        ImageCopy chip(chip_image, chip_size, "chip_image");
        out = copyOut(cccd::face::matchToJson(m.matcher.compareWithSource(chip.bytes, requiredText(source, "source"), liveness != 0)).dump());
    });
}

} // extern "C"
