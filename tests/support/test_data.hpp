// Finding shared test data (CONTRACTS.md): CCCD_TEST_DATA, default ../shared.
#pragma once

#include "core/bytes.hpp"

#include <string>

namespace cccd::test {

/** The shared data folder. */
std::string dataRoot();

/** Path of a file under the shared data folder. If it is missing the test is skipped with the reason
 *  (or fails when CCCD_REQUIRE_DATA=1). */
std::string requireData(const std::string& relativePath);

/** Contents of a file under the shared data folder (requireData + read). */
Bytes readData(const std::string& relativePath);

/** Contents of any file; throws if it cannot be read. */
Bytes readFile(const std::string& path);

/** The virtual card's test CSCA (drivers/vcard/pki/csca.pem): the trust anchor of every genuine virtual card. */
std::string testCscaPath();

/** A file's permission bits (0600 ...), 0 when it does not exist. */
unsigned fileMode(const std::string& path);

} // namespace cccd::test
