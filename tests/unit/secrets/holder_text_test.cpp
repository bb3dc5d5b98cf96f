// The holder's text (names, addresses, ID numbers: personal data, Decree 13/2023) is wiped before its memory is
// freed, when a Document, a read result or a card-face QR payload holding it is copied, assigned over and destroyed
// (freed_memory.hpp).
#include "freed_memory.hpp"

#include "cccd/card_reader.hpp"
#include "cccd/document.hpp"
#include "vn/qr_payload.hpp"

#include <catch2/catch.hpp>

using namespace cccd;

namespace {
ByteView bytesOf(const std::string& text) { return ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()); }

// Three holders, in the order the scenario below uses them. Each one's name ends its texts: that makes them its own,
// and long enough to be kept on the heap, where the hook sees them (a short string, such as a real 12-digit ID number,
// is kept inside the object: wiped too, but out of sight). The names grow, so a copy assigned over cannot reuse its
// buffers: it frees them. The last has no spouse and no MRZ, so the object it is moved over releases those fields
// instead of handing them to it (a moved string takes the old buffer along, emptied but for its first byte).
const char* const holders[] = {"first", "the second holder", "the third holder, the longest"};

// A field's text, made the holder's own and watched.
std::string watchedText(int index, const std::string& field, const std::string& value)
{
    const std::string who = holders[index];
    std::string mine = value + " (" + who + ")";
    test::freed::watch(who + ": " + field, bytesOf(mine));
    return mine;
}

Document holder(int index)
{
    auto text = [index](const std::string& field, const std::string& value) { return watchedText(index, field, value); };
    Document d;
    d.idNumber = text("ID number", "079190001234");
    d.fullName = text("name", "Nguyễn Thị Minh Khai");
    d.placeOfResidence = text("address", "Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh");
    if (index == 2) return d;
    d.spouseName = text("spouse", "Trần Văn Bình");
    d.mrz = MrzData{};
    d.mrz->optionalData = text("MRZ ID number", "079190001234<5");
    d.mrz->secondaryIdentifier = text("MRZ given names", "THI MINH KHAI");
    return d;
}

// Copies the first object, assigns the second over the copy, moves the third over it, and destroys them all, with
// every freed block inspected.
template <class T, class Make>
void checkCopiedAssignedOverAndDestroyed(Make make)
{
    test::freed::reset();
    {
        T first = make(0), second = make(1), third = make(2);
        test::freed::start();
        T copy = first;
        copy = second;
        copy = std::move(third);
    }
    test::freed::stop();
    test::freed::checkNothingFound();
}
} // namespace

TEST_CASE("a Document's text is wiped when it is copied, assigned over and destroyed")
{
    checkCopiedAssignedOverAndDestroyed<Document>(holder);
}

TEST_CASE("a read result's document and raw files are wiped when it is copied, assigned over and destroyed")
{
    checkCopiedAssignedOverAndDestroyed<ReadResult>([](int index) {
        ReadResult result;
        result.document = holder(index);
        std::string dg13 = "DG13: Nguyễn Thị Minh Khai (" + std::string(holders[index]) + ")";
        test::freed::watch(std::string(holders[index]) + ": raw DG13", bytesOf(dg13));
        result.files["DG13"] = Bytes(dg13.begin(), dg13.end());
        return result;
    });
}

TEST_CASE("a card-face QR payload's text is wiped when it is copied, assigned over and destroyed")
{
    checkCopiedAssignedOverAndDestroyed<vn::QrPayload>([](int index) {
        vn::QrPayload q;
        q.idNumber = watchedText(index, "QR ID number", "079190001234");
        q.fullName = watchedText(index, "QR name", "Nguyễn Thị Minh Khai");
        q.placeOfResidence = watchedText(index, "QR address", "Số 12 Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh");
        if (index != 2) q.oldIdNumber = watchedText(index, "QR old ID number", "025123456");
        return q;
    });
}
