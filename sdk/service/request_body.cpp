#include "service/request_body.hpp"

#include "service/agent_impl.hpp"
#include "service/camera_sources.hpp"
#include "service/http_error.hpp"
#include "service/report_filter.hpp"

namespace cccd::service {

namespace {
// nlohmann's value() throws type_error for a field of another type, which the agent would answer 500 internal.
bool booleanField(const nlohmann::json& body, const char* name, bool fallback)
{
    if (!body.contains(name)) return fallback;
    if (!body[name].is_boolean()) throw HttpError{400, "invalid_argument", std::string(name) + " must be true or false"};
    return body[name].get<bool>();
}

std::optional<std::string> textField(const nlohmann::json& body, const char* name)
{
    if (!body.contains(name)) return std::nullopt;
    if (!body[name].is_string()) throw HttpError{400, "invalid_argument", std::string(name) + " must be a string"};
    return body[name].get<std::string>();
}

AccessKey accessKeyFrom(const nlohmann::json& body)
{
    if (!body.contains("key") || !body["key"].is_object() || body["key"].size() != 1) {
        throw HttpError{400, "invalid_argument", "key must be one of {\"can\"}, {\"id\"}, {\"qr\"}, {\"mrz\"}, {\"bac\": \"DOCNO,YYMMDD,YYMMDD\"}"};
    }
    const nlohmann::json& keys = body["key"];
    const std::string kind = keys.begin().key();
    const nlohmann::json& value = keys.begin().value();
    if (!value.is_string()) throw HttpError{400, "invalid_argument", "key." + kind + " must be a string"};
    std::string v = value.get<std::string>();
    if (kind == "can") return AccessKey::fromCan(v);
    if (kind == "id") return AccessKey::fromIdNumber(v);
    if (kind == "qr") return AccessKey::fromQr(v);
    if (kind == "mrz") return AccessKey::fromMrz(v);
    if (kind == "bac") return AccessKey::fromBacText(v);
    throw HttpError{400, "invalid_argument", "unknown key '" + kind + "'"};
}
} // namespace

ReadRequest readRequestFrom(const nlohmann::json& body, const OriginLimits* limits)
{
    ReadRequest request{accessKeyFrom(body), requestedFields(body, limits), false, true, 0, std::nullopt, std::nullopt};
    request.face = booleanField(body, "face", false);
    request.verify = booleanField(body, "verify", true);
    if (request.face && limits && !limits->face) throw HttpError{403, "forbidden", "this page may not ask for the photo (agent config)"};
    if (body.contains("wait_seconds")) {
        const nlohmann::json& wait = body["wait_seconds"];
        request.waitSeconds = wait.is_number() ? wait.get<double>() : -1;
        if (!(request.waitSeconds >= 0 && request.waitSeconds <= 600)) {
            throw HttpError{400, "invalid_argument", "wait_seconds must be between 0 and 600"};
        }
    }
    request.requestId = textField(body, "request_id");
    request.reader = textField(body, "reader");
    return request;
}

LiveInput liveFrom(const nlohmann::json& j, const char* field, const AgentOptions& options)
{
    LiveInput live;
    if (j.is_object() && j.contains("source") && j["source"].is_string()) {
        live.camera = j["source"].get<std::string>();
        try {
            live.source = cameraSource(options.cameras, live.camera);
        } catch (const HttpError& e) {
            throw HttpError{e.status, e.code, std::string(field) + "." + e.message};
        }
    } else if (j.is_object() && j.contains("image") && j["image"].is_string()) {
        live.image = fromBase64(j["image"].get<std::string>(), std::string(field) + ".image");
    } else {
        throw HttpError{400, "invalid_argument", std::string(field) + " must be {\"source\": \"camera:0\"} or {\"image\": base64}"};
    }
    return live;
}

bool livenessFrom(const nlohmann::json& body) { return booleanField(body, "liveness", false); }

} // namespace cccd::service
