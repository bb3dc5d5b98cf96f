#include "test_data.hpp"

#include "core/file_io.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <stdexcept>
#include <sys/stat.h>

namespace cccd::test {

std::string dataRoot()
{
    const char* env = std::getenv("CCCD_TEST_DATA");
    return env && *env ? env : CCCD_TEST_DATA_DEFAULT;
}

std::string requireData(const std::string& relativePath)
{
    std::string path = dataRoot() + "/" + relativePath;
    struct stat st {};
    if (::stat(path.c_str(), &st) == 0) return path;
    const char* require = std::getenv("CCCD_REQUIRE_DATA");
    if (require && std::string(require) == "1") FAIL("test data missing (CCCD_REQUIRE_DATA=1): " << path);
    // Catch2 v2 has no SKIP: the runner exits with code 4, which ctest reports as skipped.
    WARN("SKIPPED: test data missing: " << path);
    std::exit(4);
}

Bytes readFile(const std::string& path) { return readFileBytes(path); }

Bytes readData(const std::string& relativePath) { return readFile(requireData(relativePath)); }

std::string testCscaPath() { return std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem"; }

unsigned fileMode(const std::string& path)
{
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 ? st.st_mode & 0777 : 0;
}

} // namespace cccd::test
