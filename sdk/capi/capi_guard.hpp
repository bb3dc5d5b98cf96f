// The C API's one rule for failures: no exception leaves a C function. Each becomes a status, and its message
// becomes this thread's last error (cccd_last_error).
#pragma once

#include "cccd/cccd.h"
#include "cccd/error.hpp"

#include <string>

namespace cccd::capi {

/** The status and message of the exception being handled; call it only inside a catch block. */
cccd_status statusOfCurrentException() noexcept;

void clearLastError() noexcept;
const char* lastError() noexcept;

/** Runs body; whatever it throws becomes a status and this thread's last error. */
template <class Body>
cccd_status guarded(Body&& body) noexcept
{
    try {
        clearLastError();
        body();
        return CCCD_OK;
    } catch (...) {
        return statusOfCurrentException();
    }
}

/** The object behind a handle; throws Error(InvalidArgument) naming the parameter when it is NULL. */
template <class T>
T& required(T* handle, const char* name)
{
    if (!handle) throw Error(ErrorKind::InvalidArgument, std::string(name) + " is NULL");
    return *handle;
}

/** A text argument; NULL is an error naming the parameter. */
std::string requiredText(const char* text, const char* name);

/** A copy the caller frees with cccd_string_free. */
char* copyOut(const std::string& text);

} // namespace cccd::capi
