// Catch2's main, except for its exit code: Catch returns the number of failed assertions, and a test that lacks its
// data exits 4 (test_data.cpp), which ctest reports as skipped (SKIP_RETURN_CODE). So any failure is exit 1: four
// failed checks must never read as a skip.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

int main(int argc, char* argv[]) { return Catch::Session().run(argc, argv) == 0 ? 0 : 1; }
