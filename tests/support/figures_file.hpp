// A Markdown table of figures that tests regenerate row by row (docs/security-figures/): each row is keyed by its
// first cell, so a test that runs again replaces its own rows and leaves the others. Written only by an
// unsanitized build: under ASan the figures would measure the sanitizer.
#pragma once

#include <string>
#include <vector>

namespace cccd::test {

/** Replaces (or adds) the row whose first cell is key in docs/security-figures/FILE; header: the lines above the
 *  table's rows (title, notes, the header row and its separator), used when the file is new. Safe across
 *  processes (an exclusive lock). */
void recordFigureRow(const std::string& file, const std::vector<std::string>& header, const std::string& key, const std::string& row);

/** A number with two decimals, as the tables show seconds and megabytes. */
std::string twoDecimals(double value);

} // namespace cccd::test
