// Small images made at run time for the image targets (never the shared face photos): a gradient with a few
// shapes, encoded by OpenCV.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace cccd::fuzz {

/** A w x h colour picture encoded as extension says (".jpg", ".jp2", ".png" ...), or empty if OpenCV cannot. */
std::vector<std::uint8_t> encodedTestImage(const std::string& extension, int width, int height, bool grey = false);

} // namespace cccd::fuzz
