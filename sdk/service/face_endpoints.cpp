// POST /v1/face-match and POST /v1/scan-qr: the camera of this PC, or a frame the page captured.
#include "cccd/error.hpp"
#include "core/secure.hpp"
#include "face/image_decoding.hpp"
#include "face/image_header.hpp"
#include "face/live_source.hpp"
#include "face/match_json.hpp"
#include "face/qr_reader.hpp"
#include "service/agent_impl.hpp"
#include "service/camera_sources.hpp"
#include "service/request_body.hpp"
#include "vn/document_json.hpp"
#include "vn/qr_payload.hpp"

namespace cccd::service {

namespace {
// A picture the page sent whose header is no image, or one over the size limits, is the page's error (400); checked
// before anything decodes it.
void checkPostedImage(const std::vector<std::uint8_t>& bytes, const std::string& field)
{
    try {
        std::optional<face::ImageHeader> header = face::readImageHeader(bytes);
        if (!header) throw HttpError{400, "invalid_argument", field + " is not an image this SDK can decode (JPEG, JPEG 2000, PNG, BMP)"};
        face::checkImageLimits(*header, ErrorKind::InvalidArgument);
    } catch (const Error& e) {
        throw HttpError{400, "invalid_argument", field + ": " + e.what()};
    }
}

std::vector<std::uint8_t> chipPhoto(Agent::Impl& a, const nlohmann::json& body, const CallerDecision& caller)
{
    if (body.contains("chip") && body["chip"].is_string()) {
        std::vector<std::uint8_t> posted = fromBase64(body["chip"].get<std::string>(), "chip");
        checkPostedImage(posted, "chip");
        return posted;
    }
    std::lock_guard<std::mutex> lock(a.faceMutex);
    auto last = a.lastChipPhoto.find(caller.caller);
    if (last == a.lastChipPhoto.end()) throw HttpError{400, "invalid_argument", "no chip photo: read the card with face: true first, or send chip"};
    return last->second;
}

nlohmann::json faceMatch(Agent::Impl& a, const httplib::Request& req, const CallerDecision& caller)
{
    if (caller.limits && !caller.limits->face) throw HttpError{403, "forbidden", "this page may not use face matching (agent config)"};
    nlohmann::json body = jsonBody(req);
    std::vector<std::uint8_t> chip = chipPhoto(a, body, caller);
    LiveInput live = liveFrom(body.value("live", nlohmann::json()), "live", a.options);
    bool liveness = livenessFrom(body);
    FaceMatcher& matcher = a.faceMatcher();
    nlohmann::json out;
    try {
        FaceMatchResult r = live.source ? matcher.compareWithSource(chip, *live.source, liveness) : matcher.compare(chip, live.image, liveness);
        out = face::matchToJson(r);
        out["problem"] = nullptr;
    } catch (const FaceNotUsable& e) { // an answer for the person in front of the camera, not a failure
        out = face::matchToJson(FaceMatchResult{});
        out["problem"] = e.what();
    } catch (const face::SourceUnavailable& e) {
        secureZero(chip.data(), chip.size());
        throw noCamera(live.camera, *live.source, e.what());
    }
    secureZero(chip.data(), chip.size());
    secureZero(live.image.data(), live.image.size());
    return out;
}

nlohmann::json scanQr(const httplib::Request& req, const AgentOptions& options)
{
    nlohmann::json body = jsonBody(req);
    LiveInput live = liveFrom(body, "the body", options);
    std::optional<std::string> text;
    if (live.source) {
        try {
            text = face::scanQrCode(*live.source);
        } catch (const face::SourceUnavailable& e) {
            throw noCamera(live.camera, *live.source, e.what());
        }
    } else {
        try {
            text = face::readQrCode(face::decodeImageChecked(live.image).pixels); // a frame the page captured
        } catch (const Error& e) {
            throw HttpError{400, "invalid_argument", e.what()}; // the page's picture, not the card, is at fault
        }
    }
    if (!text) throw HttpError{422, "no_qr", "no readable QR code: hold the card flat and closer"};
    return vn::qrPayloadToJson(vn::parseQrPayload(*text));
}
} // namespace

void Agent::Impl::forgetChipPhoto(const std::string& caller)
{
    std::lock_guard<std::mutex> lock(faceMutex);
    auto last = lastChipPhoto.find(caller);
    if (last == lastChipPhoto.end()) return;
    secureZero(last->second.data(), last->second.size());
    lastChipPhoto.erase(last);
}

void Agent::Impl::addFaceEndpoints()
{
    // A kiosk or counter ends a citizen's session: nothing of them stays in the agent.
    route("POST", "/v1/forget", false, [this](const httplib::Request&, const CallerDecision& caller) {
        forgetChipPhoto(caller.caller);
        return nlohmann::json{{"forgotten", true}};
    });
    route("POST", "/v1/face-match", false, [this](const httplib::Request& req, const CallerDecision& caller) { return faceMatch(*this, req, caller); });
    route("POST", "/v1/scan-qr", false, [this](const httplib::Request& req, const CallerDecision&) { return scanQr(req, options); });
}

} // namespace cccd::service
