// The floor of a full read: least message sizes under AES secure messaging, the fewest exchanges a chip with
// or without extended length allows, and the link model applied to them.
#include "read_floor.hpp"

#include <catch2/catch.hpp>

using namespace cccd::vcard;

namespace {
FloorInput sampleCard(bool extended, std::size_t face)
{
    FloorInput in;
    in.link = linkModelFor("424k");
    in.extendedLength = extended;
    in.cardAccessBytes = 63;
    in.fileBytes = {95, 470, 1900, 151, 93, face}; // DG1, DG13, SOD, DG14, DG15, DG2
    return in;
}
} // namespace

TEST_CASE("secure messaging sizes: a short READ BINARY of 223 bytes is 19 bytes out and 244 back")
{
    CHECK(smCommandBytes(0, 223) == 19);  // header, Lc, DO'97' (Le), DO'8E', Le
    CHECK(smResponseBytes(223) == 244);   // DO'87' 81 E1 (01 + 224), DO'99', DO'8E', SW
    CHECK(smCommandBytes(0, 65536) == 23); // extended Lc and Le, DO'97' 02 0000
    CHECK(smCommandBytes(7, 0) == 35);    // SELECT of the application: DO'87' of 16 bytes, no DO'97'
    CHECK(smResponseBytes(0) == 16);
    CHECK(largestPlainAnswer(false) == 223);
    CHECK(largestPlainAnswer(true) == 65503);
}

TEST_CASE("the fewest exchanges: one READ per file with extended length, 223-byte blocks (B1 past 32767) without")
{
    // EF.CardAccess 1, PACE 5, SELECT 1, six files, CA 2, AA 1
    CHECK(floorOf(sampleCard(true, 15000)).apdus == 16);
    CHECK(floorOf(sampleCard(true, 60000)).apdus == 16);
    // 1 + 3 + 9 + 1 + 1 = 15 reads for the small files; a 15000-byte face in ceil(15000 / 223) = 68
    CHECK(floorOf(sampleCard(false, 15000)).apdus == 10 + 15 + 68);
    // 60000 bytes: 147 B0 blocks cover offsets up to 32781, then (60000 - 32781) / 219 rounded up = 125 B1 blocks
    CHECK(floorOf(sampleCard(false, 60000)).apdus == 10 + 15 + 147 + 125);
}

TEST_CASE("the floor is the link model's time for that list, with the chip's six public-key operations")
{
    FloorInput none = sampleCard(true, 15000);
    none.link = linkModelFor("none");
    CHECK(floorOf(none).ms == 0.0);
    Floor fast = floorOf(sampleCard(true, 15000));
    LinkModel link = linkModelFor("424k");
    CHECK(fast.ms > 6 * link.publicKeyOperationMs + 16 * link.apduOverheadMs + 10.0 * 15000 / 424);
    CHECK(fast.ms < floorOf(sampleCard(false, 15000)).ms);
    CHECK(floorOf(sampleCard(true, 15000)).ms > [] {
        FloorInput in = sampleCard(true, 15000);
        in.link = linkModelFor("848k");
        return floorOf(in).ms;
    }());
}

TEST_CASE("the floor of the first data: EF.CardAccess, PACE, SELECT, DG1 and DG13 only")
{
    FloorInput first = sampleCard(true, 15000);
    first.fileBytes = {95, 470};
    first.proveChip = false;
    Floor f = floorOf(first);
    CHECK(f.apdus == 9);
    CHECK(f.ms > 4 * linkModelFor("424k").publicKeyOperationMs); // PACE's four operations
    CHECK(f.ms < floorOf(sampleCard(true, 15000)).ms / 2);
}
