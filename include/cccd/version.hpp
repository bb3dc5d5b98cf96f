// The SDK's version.
#pragma once

namespace cccd {

/** Version of the library, "MAJOR.MINOR.PATCH". */
const char* version() noexcept;

} // namespace cccd
