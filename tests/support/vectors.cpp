#include "vectors.hpp"

#include "test_data.hpp"

namespace cccd::test {

const nlohmann::json& workedExamples()
{
    static const nlohmann::json doc = [] {
        Bytes raw = readData("vectors/icao9303-worked-examples.json");
        return nlohmann::json::parse(raw.begin(), raw.end());
    }();
    return doc;
}

Bytes hexField(const nlohmann::json& object, const char* key) { return fromHex(object.at(key).get<std::string>()); }

} // namespace cccd::test
