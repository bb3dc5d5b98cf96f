// The card-face QR payload (text from a camera: anyone can print a QR code): only cccd::Error may come out.
#include "cccd/error.hpp"
#include "fuzz_target.hpp"
#include "vn/document_json.hpp"
#include "vn/qr_payload.hpp"

#include <string_view>

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    auto text = [](std::string_view s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
    return {text("079001234567|123456789|Nguyễn Văn An|01011979|Nam|12 Lê Lợi, Phường 1, Quận 1, TP. Hồ Chí Minh|01012021"),
            text("079001234567||Trần Thị B|31121990|Nữ|Hà Nội|15062022"), text("|||||||")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        (void)cccd::vn::qrPayloadToJson(cccd::vn::parseQrPayload(std::string_view(reinterpret_cast<const char*>(data), size)));
    } catch (const cccd::Error&) {
    }
    return 0;
}
