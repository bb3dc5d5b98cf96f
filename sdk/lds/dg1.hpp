// DG1 (ICAO 9303-10 §4.7.1): tag 61 { 5F1F MRZ }.
#pragma once

#include "core/bytes.hpp"
#include "lds/mrz.hpp"

namespace cccd::lds {

Mrz parseDg1(ByteView file);

} // namespace cccd::lds
