#include "cccd/error.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/err.h>

namespace cccd::crypto {

void throwOpenSslError(const std::string& operation)
{
    unsigned long code = ERR_get_error();
    char text[256] = "no OpenSSL error queued";
    if (code != 0) ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    throw Error(ErrorKind::Internal, "OpenSSL " + operation + " failed: " + text);
}

} // namespace cccd::crypto
