// The bank must find a customer's checks again (an audit, a complaint) without the log holding the ID number: each
// check stores HMAC-SHA256(secret, ID number). Without the secret, the 12 digits cannot be found by trying every
// number (10^12 SHA-256 would take a GPU minutes); with it, the server looks up one number at a time.
#pragma once

#include <string>

namespace cccd::samples::bank {

class IdLookupKey {
public:
    /** The secret in the file at path (made on first start: 32 random bytes as hex, mode 0600). Every server
     *  writing to one database needs the same file. Throws std::runtime_error when the file is readable by other
     *  users or holds no usable secret. */
    static IdLookupKey loadOrCreate(const std::string& path);

    /** A key from its secret text (tests). */
    explicit IdLookupKey(std::string secret);

    /** The lookup hash of a 12-digit ID number: 64 hex digits. */
    std::string hashOf(const std::string& idNumber) const;

private:
    std::string secret_;
};

} // namespace cccd::samples::bank
