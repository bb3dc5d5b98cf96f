// A frame posted to the agent's /v1/scan-qr (any web page the counter PC opens can post one): image bytes -> the
// SDK's image decoder -> ZBar's QR scan -> the card-face payload parser and its JSON. Only cccd::Error may come out.
#include "cccd/error.hpp"
#include "face/image_decoding.hpp"
#include "face/qr_reader.hpp"
#include "fuzz_target.hpp"
#include "image_seeds.hpp"
#include "vn/document_json.hpp"
#include "vn/qr_payload.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

namespace {

// A fictitious card-face QR, 3 pixels a module with a quiet zone, encoded as extension says (empty if OpenCV cannot).
std::vector<std::uint8_t> encodedQr(const std::string& payload, const std::string& extension)
{
    cv::Mat modules;
    try {
        cv::QRCodeEncoder::create()->encode(payload, modules);
    } catch (const cv::Exception&) {
        return {};
    }
    cv::Mat large, framed, bgr;
    cv::resize(modules, large, cv::Size(), 3, 3, cv::INTER_NEAREST);
    cv::copyMakeBorder(large, framed, 12, 12, 12, 12, cv::BORDER_CONSTANT, cv::Scalar(255));
    cv::cvtColor(framed, bgr, cv::COLOR_GRAY2BGR);
    std::vector<std::uint8_t> out;
    cv::imencode(extension, bgr, out);
    return out;
}

} // namespace

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    const std::string card = "079001234567|123456789|Nguyen Van An|01011979|Nam|12 Le Loi, Quan 1|01012021";
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const char* extension : {".png", ".jpg", ".bmp"}) seeds.push_back(encodedQr(card, extension));
    seeds.push_back(encodedQr("|||||||", ".png")); // a QR that decodes to a payload the parser refuses
    seeds.push_back(encodedTestImage(".png", 16, 12)); // no QR at all
    return seeds;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    try {
        std::optional<std::string> text = cccd::face::readQrCode(cccd::face::decodeImageChecked(cccd::ByteView(data, size)).pixels);
        if (text) (void)cccd::vn::qrPayloadToJson(cccd::vn::parseQrPayload(*text));
    } catch (const cccd::Error&) {
    }
    return 0;
}
