// The C API's functions that hold no handle: version, status names, the last error, strings, readers.
#include "capi/capi_guard.hpp"
#include "cccd/readers.hpp"
#include "cccd/version.hpp"
#include "core/secure.hpp"
#include "reading/report_json.hpp"

#include <cstdlib>
#include <cstring>

extern "C" {

const char* cccd_version(void)
{
    return cccd::version();
}

const char* cccd_status_name(int status)
{
    static const char* const names[] = {"ok",           "internal",      "invalid_argument", "service_unavailable", "no_reader",
                                        "no_card",      "card_removed",  "communication",    "access_denied",       "card_error",
                                        "malformed_data", "unsupported", "not_found",        "face_not_usable"};
    return status >= 0 && status < static_cast<int>(sizeof names / sizeof *names) ? names[status] : "unknown";
}

const char* cccd_last_error(void)
{
    return cccd::capi::lastError();
}

void cccd_string_free(char* text)
{
    if (!text) return;
    cccd::secureZero(text, std::strlen(text)); // reports hold personal data
    std::free(text);
}

cccd_status cccd_readers_json(char** readers_json)
{
    using namespace cccd::capi;
    return guarded([&] {
        char*& out = required(readers_json, "readers_json");
        out = nullptr;
        out = copyOut(cccd::reading::readersJson(cccd::listReaders()).dump());
    });
}

} // extern "C"
