// cccd_read_options, cccd_read_card and cccd_read_result: readCard behind handles, with C callbacks and the JSON report.
#include "capi/capi_guard.hpp"
#include "cccd/card_reader.hpp"
#include "core/secure.hpp"
#include "reading/report_json.hpp"
#include "vn/document_json.hpp"

#include <map>

struct cccd_read_options {
    cccd::ReadOptions options;
    cccd_progress_callback progress = nullptr;
    void* progressUser = nullptr;
    cccd_document_callback document = nullptr;
    void* documentUser = nullptr;
};

struct cccd_read_result {
    cccd::ReadResult read;
    std::string json;
    std::map<std::string, std::string> fields; ///< the document's text fields, for cccd_read_result_document_field

    ~cccd_read_result()
    {
        cccd::secureZero(json.data(), json.size());
        for (auto& [name, value] : fields) cccd::secureZero(value.data(), value.size());
    }
};

namespace {
using namespace cccd::capi;

cccd_stage stageOf(cccd::ReadStage stage) noexcept
{
    switch (stage) {
    case cccd::ReadStage::WaitingForCard: return CCCD_STAGE_WAITING_FOR_CARD;
    case cccd::ReadStage::Connecting: return CCCD_STAGE_CONNECTING;
    case cccd::ReadStage::OpeningChip: return CCCD_STAGE_OPENING_CHIP;
    case cccd::ReadStage::ReadingData: return CCCD_STAGE_READING_DATA;
    case cccd::ReadStage::ProvingChip: return CCCD_STAGE_PROVING_CHIP;
    case cccd::ReadStage::ReadingFace: return CCCD_STAGE_READING_FACE;
    case cccd::ReadStage::Verifying: return CCCD_STAGE_VERIFYING;
    }
    return CCCD_STAGE_CONNECTING;
}

cccd::AccessKey keyOf(int kind, const std::string& key)
{
    switch (kind) {
    case CCCD_KEY_CAN: return cccd::AccessKey::fromCan(key);
    case CCCD_KEY_ID_NUMBER: return cccd::AccessKey::fromIdNumber(key);
    case CCCD_KEY_QR: return cccd::AccessKey::fromQr(key);
    case CCCD_KEY_MRZ: return cccd::AccessKey::fromMrz(key);
    case CCCD_KEY_BAC: return cccd::AccessKey::fromBacText(key);
    }
    throw cccd::Error(cccd::ErrorKind::InvalidArgument, "unknown key kind " + std::to_string(kind));
}

// The C callbacks, called from the C++ ones; the stage is remembered for the progress of each file.
cccd::ReadOptions withCallbacks(const cccd_read_options& c, cccd_stage& stage)
{
    cccd::ReadOptions options = c.options;
    if (c.progress) {
        options.onStage = [&c, &stage](cccd::ReadStage s) {
            stage = stageOf(s);
            c.progress(c.progressUser, stage, nullptr, 0, 0);
        };
        options.onProgress = [&c, &stage](const cccd::ReadProgress& p) { c.progress(c.progressUser, stage, p.file.c_str(), p.done, p.total); };
    }
    if (c.document) {
        options.onDocument = [&c](const cccd::Document& d) {
            std::string json = cccd::vn::documentToJson(d).dump();
            c.document(c.documentUser, json.c_str());
            cccd::secureZero(json.data(), json.size());
        };
    }
    return options;
}
} // namespace

extern "C" {

cccd_status cccd_read_options_new(cccd_read_options** options)
{
    return guarded([&] {
        cccd_read_options*& out = required(options, "options");
        out = nullptr;
        out = new cccd_read_options;
    });
}

void cccd_read_options_free(cccd_read_options* options)
{
    delete options;
}

cccd_status cccd_read_options_set_reader(cccd_read_options* options, const char* reader)
{
    return guarded([&] { required(options, "options").options.reader = reader ? reader : ""; });
}

cccd_status cccd_read_options_set_wait_ms(cccd_read_options* options, uint32_t wait_ms)
{
    return guarded([&] { required(options, "options").options.waitForCard = std::chrono::milliseconds(wait_ms); });
}

cccd_status cccd_read_options_set_read_face(cccd_read_options* options, int read_face)
{
    return guarded([&] { required(options, "options").options.readFace = read_face != 0; });
}

cccd_status cccd_read_options_set_verify(cccd_read_options* options, int verify)
{
    return guarded([&] { required(options, "options").options.verify = verify != 0; });
}

cccd_status cccd_read_options_add_trust_path(cccd_read_options* options, const char* path)
{
    return guarded([&] { required(options, "options").options.trustPaths.push_back(requiredText(path, "path")); });
}

cccd_status cccd_read_options_set_default_trust(cccd_read_options* options, int use_default_trust)
{
    return guarded([&] { required(options, "options").options.useDefaultTrust = use_default_trust != 0; });
}

cccd_status cccd_read_options_set_progress_callback(cccd_read_options* options, cccd_progress_callback callback, void* user_data)
{
    return guarded([&] {
        cccd_read_options& o = required(options, "options");
        o.progress = callback;
        o.progressUser = user_data;
    });
}

cccd_status cccd_read_options_set_document_callback(cccd_read_options* options, cccd_document_callback callback, void* user_data)
{
    return guarded([&] {
        cccd_read_options& o = required(options, "options");
        o.document = callback;
        o.documentUser = user_data;
    });
}

cccd_status cccd_read_card(int kind, const char* key, const cccd_read_options* options, cccd_read_result** result)
{
    return guarded([&] {
        cccd_read_result*& out = required(result, "result");
        out = nullptr;
        cccd::AccessKey accessKey = keyOf(kind, requiredText(key, "key"));
        static const cccd_read_options defaults;
        cccd_stage stage = CCCD_STAGE_CONNECTING;
        auto r = std::make_unique<cccd_read_result>();
        r->read = cccd::readCard(accessKey, withCallbacks(options ? *options : defaults, stage));
        nlohmann::json report = cccd::reading::reportToJson(r->read);
        for (const auto& [name, value] : report["document"].items()) {
            if (value.is_string()) r->fields[name] = value.get<std::string>();
        }
        r->json = report.dump();
        out = r.release();
    });
}

const char* cccd_read_result_json(const cccd_read_result* result)
{
    return result ? result->json.c_str() : nullptr;
}

const char* cccd_read_result_document_field(const cccd_read_result* result, const char* name)
{
    if (!result || !name) return nullptr;
    auto it = result->fields.find(name);
    return it == result->fields.end() ? nullptr : it->second.c_str();
}

const char* cccd_read_result_verdict(const cccd_read_result* result)
{
    return result ? cccd::toString(result->read.verification.overall) : nullptr;
}

const uint8_t* cccd_read_result_face(const cccd_read_result* result, size_t* size)
{
    bool has = result && result->read.face && !result->read.face->data.empty();
    if (size) *size = has ? result->read.face->data.size() : 0;
    return has ? result->read.face->data.data() : nullptr;
}

void cccd_read_result_free(cccd_read_result* result)
{
    delete result;
}

} // extern "C"
