#include "cccd/error.hpp"
#include "crypto/crypto.hpp"
#include "crypto/openssl_handles.hpp"

#include <openssl/rand.h>

#include <cstring>

namespace cccd::crypto {

Bytes Random::bytes(std::size_t size)
{
    Bytes out(size);
    fill(out.data(), size);
    return out;
}

namespace {
class SystemRandom : public Random {
public:
    void fill(std::uint8_t* out, std::size_t size) override
    {
        if (size != 0) checkOpenSsl(RAND_bytes(out, static_cast<int>(size)), "RAND_bytes");
    }
};
} // namespace

Random& systemRandom()
{
    static SystemRandom instance;
    return instance;
}

void FixedRandom::fill(std::uint8_t* out, std::size_t size)
{
    if (values_.size() - used_ < size) {
        throw Error(ErrorKind::Internal, "FixedRandom: asked for " + std::to_string(size) + " bytes, " +
                                             std::to_string(values_.size() - used_) + " left");
    }
    std::memcpy(out, values_.data() + used_, size);
    used_ += size;
}

} // namespace cccd::crypto
