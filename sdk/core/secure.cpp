#include "core/secure.hpp"

#include <cstring>

namespace cccd {

void secureZero(void* data, std::size_t size) noexcept
{
    if (data != nullptr && size != 0) explicit_bzero(data, size); // glibc: not elided by the optimiser
}

void wipe(std::vector<std::uint8_t>& bytes) noexcept
{
    secureZero(bytes.data(), bytes.size());
    bytes.clear();
}

void wipe(std::string& text) noexcept
{
    secureZero(text.data(), text.capacity());
    text.clear();
}

} // namespace cccd
