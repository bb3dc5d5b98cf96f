// An error answer of the agent: an HTTP status and {"error": {"code", "message"}}.
#pragma once

#include <string>

namespace cccd::service {

struct HttpError {
    int status;
    std::string code;
    std::string message;
};

} // namespace cccd::service
