// Data minimisation (Decree 13/2023): a page gets only the document fields it named. Religion, ethnicity,
// parents, spouse, personal identification and the photo never leave the agent unless asked for, and an origin
// can be limited further in the agent's config.
#pragma once

#include "cccd/card_reader.hpp"
#include "service/agent_options.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace cccd::service {

/** The fields a read asks for: named ones, else the basic identity (id_number, full_name, date_of_birth, sex).
 *  Throws Error(InvalidArgument) for an unknown field, HttpError 403 for one the origin's limits do not allow. */
std::set<std::string> requestedFields(const nlohmann::json& request, const OriginLimits* limits);

/** The document object with only those fields. */
nlohmann::json documentFields(const Document& document, const std::set<std::string>& fields);

/** The report of a read as the page asked for it: reader, access, the named fields, the face when asked, the
 *  verification when asked, timing. */
nlohmann::json filteredReport(const ReadResult& result, const std::set<std::string>& fields, bool face, bool verify);

} // namespace cccd::service
