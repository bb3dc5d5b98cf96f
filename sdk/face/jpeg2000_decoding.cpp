// JPEG 2000 (codestream or JP2) with OpenJPEG, read from memory. Decoding is strict (OpenJPEG's default): a
// codestream cut short is refused rather than shown with parts missing.
#include "cccd/error.hpp"
#include "core/log.hpp"
#include "face/decoders.hpp"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace cccd::face {

namespace {
// OpenJPEG reads from a memory stream we provide.
struct MemoryStream {
    ByteView data;
    std::size_t position = 0;
};

OPJ_SIZE_T readStream(void* buffer, OPJ_SIZE_T size, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    std::size_t left = m->data.size() - m->position;
    if (left == 0) return static_cast<OPJ_SIZE_T>(-1);
    std::size_t n = std::min<std::size_t>(size, left);
    std::memcpy(buffer, m->data.data() + m->position, n);
    m->position += n;
    return n;
}
OPJ_OFF_T skipStream(OPJ_OFF_T n, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    std::size_t left = m->data.size() - m->position;
    std::size_t skip = n < 0 ? 0 : std::min<std::size_t>(static_cast<std::size_t>(n), left);
    m->position += skip;
    return static_cast<OPJ_OFF_T>(skip);
}
OPJ_BOOL seekStream(OPJ_OFF_T n, void* user)
{
    auto* m = static_cast<MemoryStream*>(user);
    if (n < 0 || static_cast<std::size_t>(n) > m->data.size()) return OPJ_FALSE;
    m->position = static_cast<std::size_t>(n);
    return OPJ_TRUE;
}

// OpenJPEG reports through callbacks (one line each, newline included); without them its messages are lost.
std::string firstLine(const char* message) { return std::string(message, std::strcspn(message, "\n")); }

void keepFirstError(const char* message, void* first) // the first error explains a refusal
{
    auto* text = static_cast<std::string*>(first);
    if (text->empty()) *text = firstLine(message);
}

void logWarning(const char* message, void*) { log::debug("OpenJPEG: " + firstLine(message)); }
} // namespace

cv::Mat decodeJpeg2000(ByteView data)
{
    bool codestream = data.size() >= 4 && data[0] == 0xFF && data[1] == 0x4F;
    std::unique_ptr<opj_codec_t, void (*)(opj_codec_t*)> codec(opj_create_decompress(codestream ? OPJ_CODEC_J2K : OPJ_CODEC_JP2), opj_destroy_codec);
    MemoryStream memory{data, 0};
    std::unique_ptr<opj_stream_t, void (*)(opj_stream_t*)> stream(opj_stream_create(OPJ_J2K_STREAM_CHUNK_SIZE, OPJ_TRUE), opj_stream_destroy);
    opj_stream_set_user_data(stream.get(), &memory, nullptr);
    opj_stream_set_user_data_length(stream.get(), data.size());
    opj_stream_set_read_function(stream.get(), readStream);
    opj_stream_set_skip_function(stream.get(), skipStream);
    opj_stream_set_seek_function(stream.get(), seekStream);
    std::string error;
    opj_set_error_handler(codec.get(), keepFirstError, &error);
    opj_set_warning_handler(codec.get(), logWarning, nullptr);
    auto corrupt = [&error](const char* what) {
        return Error(ErrorKind::MalformedData, std::string("corrupt JPEG 2000: ") + what + (error.empty() ? "" : " (" + error + ")"));
    };
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    opj_image_t* raw = nullptr;
    if (!opj_setup_decoder(codec.get(), &parameters) || !opj_read_header(stream.get(), codec.get(), &raw)) {
        opj_image_destroy(raw);
        throw corrupt("its header does not decode");
    }
    std::unique_ptr<opj_image_t, void (*)(opj_image_t*)> image(raw, opj_image_destroy);
    checkSize(static_cast<int>(image->x1 - image->x0), static_cast<int>(image->y1 - image->y0), "JPEG 2000");
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()) || image->numcomps < 1) {
        throw corrupt("the image data does not decode"); // also a file cut short: strict decoding
    }
    const opj_image_comp_t& c0 = image->comps[0];
    int width = static_cast<int>(c0.w), height = static_cast<int>(c0.h);
    checkSize(width, height, "JPEG 2000");
    bool colour = image->numcomps >= 3 && image->comps[1].w == c0.w && image->comps[2].w == c0.w && image->comps[1].h == c0.h &&
                  image->comps[2].h == c0.h;
    cv::Mat out(height, width, CV_8UC3);
    // Components may be signed and of any precision: shift into 0 .. 2^prec - 1, then scale to 8 bits.
    for (OPJ_UINT32 i = 0; i < (colour ? 3u : 1u); ++i) {
        if (image->comps[i].prec < 1 || image->comps[i].prec > 16 || !image->comps[i].data) {
            throw Error(ErrorKind::MalformedData, "JPEG 2000 component precision " + std::to_string(image->comps[i].prec) + " not supported");
        }
    }
    auto to8 = [](const opj_image_comp_t& c, OPJ_INT32 raw) {
        long long v = raw;
        if (c.sgnd) v += 1LL << (c.prec - 1);
        v = std::clamp(v, 0LL, (1LL << c.prec) - 1);
        return static_cast<std::uint8_t>(c.prec > 8 ? v >> (c.prec - 8) : v << (8 - c.prec));
    };
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::size_t i = static_cast<std::size_t>(y) * c0.w + static_cast<std::size_t>(x);
            cv::Vec3b& px = out.at<cv::Vec3b>(y, x);
            if (colour) px = {to8(image->comps[2], image->comps[2].data[i]), to8(image->comps[1], image->comps[1].data[i]), to8(c0, c0.data[i])};
            else px = {to8(c0, c0.data[i]), to8(c0, c0.data[i]), to8(c0, c0.data[i])};
        }
    }
    return out;
}

} // namespace cccd::face
