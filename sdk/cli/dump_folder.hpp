// The dump folder of `cccd read --out`: one person per folder. It must be new or empty (--force empties the
// files a dump holds, and nothing else), is checked before the card is touched, and keeps personal data private
// (folder 0700, files 0600).
#pragma once

#include "cccd/card_reader.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace cccd::cli {

/** Creates DIR (0700) or checks it is an empty, writable folder; with force, first removes a previous dump's
 *  files. Throws Error(InvalidArgument) with what to do. */
void prepareDumpFolder(const std::string& dir, bool force);

/** Writes the raw files (NAME.bin), the face and report.json, each 0600. */
void writeDump(const std::string& dir, const ReadResult& result, const nlohmann::json& report);

} // namespace cccd::cli
