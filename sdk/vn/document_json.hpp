// The "document" object of the JSON report (CONTRACTS.md), and back (for `verify --dir`).
#pragma once

#include "cccd/document.hpp"

#include <nlohmann/json.hpp>

namespace cccd::vn {

struct QrPayload;

nlohmann::json documentToJson(const Document& document);

/** The card-face QR as `scan-qr --json` gives it (ISO dates). */
nlohmann::json qrPayloadToJson(const QrPayload& payload);

} // namespace cccd::vn
