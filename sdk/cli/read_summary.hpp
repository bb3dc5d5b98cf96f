// The text `cccd read` prints for people: the verdict first (it decides what the rest is worth), then the data.
#pragma once

#include "cccd/card_reader.hpp"

#include <ostream>

namespace cccd::cli {

void printSummary(std::ostream& out, const ReadResult& result, std::size_t trustedCscas);

} // namespace cccd::cli
