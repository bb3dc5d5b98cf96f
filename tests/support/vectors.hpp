// The ICAO 9303 worked examples (vectors/icao9303-worked-examples.json) as JSON, and hex helpers.
#pragma once

#include "core/bytes.hpp"

#include <nlohmann/json.hpp>

namespace cccd::test {

/** The whole worked-examples document (skips or fails the test when the file is missing). */
const nlohmann::json& workedExamples();

/** A hex string field of a JSON object as bytes. */
Bytes hexField(const nlohmann::json& object, const char* key);

} // namespace cccd::test
