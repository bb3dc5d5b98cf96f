// The chip photo is biometric data: its bytes are wiped before their memory is freed, when a result holding it is
// copied, replaced or destroyed, and when a live picture is read from a file and decoded (freed_memory.hpp).
#include "freed_memory.hpp"

#include "cccd/card_reader.hpp"
#include "core/file_io.hpp"
#include "core/secure.hpp"
#include "face/live_source.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace cccd;

namespace {
const std::string samplePhoto = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";

// Three 48-byte pieces from inside the JPEG's compressed data: no other file or buffer holds them.
void watchPhoto(const Bytes& photo, const std::string& name)
{
    for (std::size_t at : {photo.size() / 4, photo.size() / 2, 3 * photo.size() / 4}) test::freed::watch(name, ByteView(photo.data() + at, 48));
}
} // namespace

TEST_CASE("a read result's photo and raw files are wiped when it is copied, replaced and destroyed")
{
    Bytes photo = readFileBytes(samplePhoto);
    test::freed::reset();
    watchPhoto(photo, "the chip photo");
    test::freed::start();
    {
        ReadResult result;
        result.files["DG2"] = photo;
        result.face = FaceImage{};
        result.face->data = photo;
        ReadResult copy = result;                 // destroyed at the end of the scope
        ReadResult replaced;
        replaced = copy;                          // copy-assigned over an empty one
        replaced.face = FaceImage{};              // a photo replaced by another (empty) one
        FaceImage other;
        other.data = photo;
        other = FaceImage{};                      // moved over
    }
    test::freed::stop();
    secureZero(photo.data(), photo.size());
    test::freed::checkNothingFound();
}

TEST_CASE("a live picture read from a file and decoded leaves none of its bytes in freed memory")
{
    Bytes photo = readFileBytes(samplePhoto);
    test::freed::reset();
    watchPhoto(photo, "the live picture");
    secureZero(photo.data(), photo.size());
    test::freed::start();
    {
        face::LiveSource source(samplePhoto);
        std::optional<face::DecodedImage> frame = source.next();
        REQUIRE(frame);
        CHECK(frame->pixels.cols > 0);
    }
    test::freed::stop();
    test::freed::checkNothingFound();
}
