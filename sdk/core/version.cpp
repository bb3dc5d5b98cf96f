#include "cccd/version.hpp"

namespace cccd {

const char* version() noexcept { return CCCD_VERSION; }

} // namespace cccd
