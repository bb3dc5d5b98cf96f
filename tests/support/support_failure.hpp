// How support code (private pcscd, virtual card) reports a broken environment without depending on Catch,
// so benchmarks use it too: an exception (a test fails with its message, a benchmark prints it), or exit
// code 4 (SKIPPED) when an optional package is missing, unless CCCD_REQUIRE_DATA=1 makes that a failure.
#pragma once

#include <stdexcept>
#include <string>

namespace cccd::test {

struct SupportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

[[noreturn]] void supportFailure(const std::string& message);

[[noreturn]] void skipOrFail(const std::string& why);

} // namespace cccd::test
