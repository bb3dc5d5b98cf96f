// The JSON report of a read (CONTRACTS.md): reader, APDU count, access, document, data groups, face,
// verification and timing.
#pragma once

#include "cccd/card_reader.hpp"
#include "cccd/readers.hpp"

#include <nlohmann/json.hpp>

namespace cccd::reading {

nlohmann::json reportToJson(const ReadResult& result);

/** {"DG1": {"size": 93, "sha256": "…"}, …} for the data groups among the files. */
nlohmann::json dataGroupsJson(const std::map<std::string, std::vector<std::uint8_t>>& files);

/** {"readers": [{"index", "name", "card_present", "atr"}]}: `cccd readers --json` and the agent's GET /v1/readers. */
nlohmann::json readersJson(const std::vector<ReaderInfo>& readers);

} // namespace cccd::reading
