// Strict, bounds-checked BER-TLV (ISO/IEC 7816-4 and ASN.1 BER) decoding and encoding.
// Every read checks the remaining length first: a truncated or overlong TLV is a ParseError naming
// the structure and the offset, never an out-of-bounds read.
#pragma once

#include "core/bytes.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cccd {

/** A tag as its encoded bytes read big-endian: 0x30, 0x5F1F, 0x7F49 ... (at most 4 bytes). */
using Tag = std::uint32_t;

enum class TlvMode {
    Definite,   ///< definite lengths only (card data); non-minimal length encodings accepted
    Ber,        ///< indefinite lengths accepted for constructed values (CMS, e.g. some EF.SOD)
    Der,        ///< definite and minimal lengths only
};

/** One decoded TLV. Views point into the buffer that was parsed. */
struct Tlv {
    Tag tag = 0;
    ByteView value;         ///< the contents octets (without end-of-contents for indefinite lengths)
    ByteView encoded;       ///< tag, length, contents and any end-of-contents octets
    std::size_t offset = 0; ///< offset of the tag in the outermost parsed buffer
    std::size_t valueOffset = 0; ///< offset of the contents in the outermost parsed buffer

    /** True for a constructed encoding (bit 6 of the first tag byte). */
    bool constructed() const noexcept;
};

/** Reads consecutive TLVs from a buffer. */
class TlvReader {
public:
    /**
     * @param data the bytes to read
     * @param context what is being parsed, for error messages ("DG13", "EF.SOD")
     * @param baseOffset the offset of data inside the outermost buffer, so errors name absolute offsets
     */
    TlvReader(ByteView data, std::string context, std::size_t baseOffset = 0, TlvMode mode = TlvMode::Definite);
    /** The reader keeps views into data: a temporary buffer would dangle. */
    TlvReader(Bytes&& data, std::string context, std::size_t baseOffset = 0, TlvMode mode = TlvMode::Definite) = delete;

    bool atEnd() const noexcept { return pos_ >= data_.size(); }
    std::size_t position() const noexcept { return pos_; }
    const std::string& context() const noexcept { return context_; }

    /** The next TLV. Throws ParseError at the end or on malformed input. */
    Tlv next();
    /** The next TLV, which must carry the tag. */
    Tlv expect(Tag tag);
    /** The next TLV if it carries the tag, else nothing is consumed. */
    std::optional<Tlv> nextIf(Tag tag);
    /** Tag of the next TLV without consuming it (nullopt at the end). */
    std::optional<Tag> peekTag() const;

    /** A reader over a constructed TLV's contents, with the same context and mode, one level deeper: throws
     *  ParseError past the nesting limit, so a parser walking a hostile definite-length nest stops there. */
    TlvReader children(const Tlv& parent) const;

    /** Throws ParseError naming the current position. */
    [[noreturn]] void fail(const std::string& problem) const;
    [[noreturn]] void failAt(std::size_t absoluteOffset, const std::string& problem) const;

private:
    Tlv readAt(std::size_t pos, int depth) const;

    ByteView data_;
    std::string context_;
    std::size_t base_;
    TlvMode mode_;
    std::size_t pos_ = 0;
    int depth_ = 0; ///< levels of children() above this reader
};

/** Parses the single TLV at the start of data; bytes after it are ignored (files can carry padding). */
Tlv parseTlv(ByteView data, const std::string& context, TlvMode mode = TlvMode::Definite);

/** Total size (header + contents) of the TLV whose first bytes are given, or nullopt if the header is incomplete.
 *  Used to learn a file's length from its first block. Throws ParseError on an invalid header. */
std::optional<std::size_t> tlvTotalSize(ByteView prefix, const std::string& context);

Bytes encodeTag(Tag tag);
Bytes encodeLength(std::size_t length);
Bytes encodeTlv(Tag tag, ByteView value);

} // namespace cccd
