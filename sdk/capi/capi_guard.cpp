#include "capi/capi_guard.hpp"

#include "cccd/face.hpp"

#include <cstdlib>
#include <cstring>
#include <new>

namespace cccd::capi {

namespace {
thread_local std::string lastErrorMessage;

cccd_status statusFor(ErrorKind kind) noexcept
{
    switch (kind) {
    case ErrorKind::Internal: return CCCD_ERROR_INTERNAL;
    case ErrorKind::InvalidArgument: return CCCD_ERROR_INVALID_ARGUMENT;
    case ErrorKind::ServiceUnavailable: return CCCD_ERROR_SERVICE_UNAVAILABLE;
    case ErrorKind::NoReader: return CCCD_ERROR_NO_READER;
    case ErrorKind::NoCard: return CCCD_ERROR_NO_CARD;
    case ErrorKind::CardRemoved: return CCCD_ERROR_CARD_REMOVED;
    case ErrorKind::Communication: return CCCD_ERROR_COMMUNICATION;
    case ErrorKind::AccessDenied: return CCCD_ERROR_ACCESS_DENIED;
    case ErrorKind::CardError: return CCCD_ERROR_CARD_ERROR;
    case ErrorKind::MalformedData: return CCCD_ERROR_MALFORMED_DATA;
    case ErrorKind::Unsupported: return CCCD_ERROR_UNSUPPORTED;
    case ErrorKind::NotFound: return CCCD_ERROR_NOT_FOUND;
    }
    return CCCD_ERROR_INTERNAL;
}

cccd_status fail(cccd_status status, const char* message) noexcept
{
    try {
        lastErrorMessage = message;
    } catch (...) {
        lastErrorMessage.clear(); // no memory even for the message: the status still tells
    }
    return status;
}
} // namespace

cccd_status statusOfCurrentException() noexcept
{
    try {
        throw;
    } catch (const FaceNotUsable& e) {
        return fail(CCCD_ERROR_FACE_NOT_USABLE, e.what());
    } catch (const Error& e) {
        return fail(statusFor(e.kind()), e.what());
    } catch (const std::bad_alloc&) {
        return fail(CCCD_ERROR_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        try {
            return fail(CCCD_ERROR_INTERNAL, (std::string("internal error: ") + e.what()).c_str());
        } catch (...) {
            return fail(CCCD_ERROR_INTERNAL, "internal error");
        }
    } catch (...) {
        return fail(CCCD_ERROR_INTERNAL, "internal error");
    }
}

void clearLastError() noexcept
{
    lastErrorMessage.clear();
}

const char* lastError() noexcept
{
    return lastErrorMessage.c_str();
}

std::string requiredText(const char* text, const char* name)
{
    if (!text) throw Error(ErrorKind::InvalidArgument, std::string(name) + " is NULL");
    return text;
}

char* copyOut(const std::string& text)
{
    char* out = static_cast<char*>(std::malloc(text.size() + 1));
    if (!out) throw std::bad_alloc();
    std::memcpy(out, text.c_str(), text.size() + 1);
    return out;
}

} // namespace cccd::capi
