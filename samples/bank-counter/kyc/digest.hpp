// SHA-256 and HMAC-SHA256 as lowercase hex (OpenSSL's libcrypto), and random secrets.
#pragma once

#include <string>

namespace cccd::samples::bank {

/** SHA-256 of the bytes of text, 64 lowercase hex digits. */
std::string sha256Hex(const std::string& text);

/** HMAC-SHA256 of text under key, 64 lowercase hex digits. */
std::string hmacSha256Hex(const std::string& key, const std::string& text);

/** count bytes from the operating system's random generator, as 2*count hex digits. Throws on failure. */
std::string randomHex(std::size_t count);

} // namespace cccd::samples::bank
