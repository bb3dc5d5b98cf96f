// Contents a hostile chip serves to break a reader: lying length fields, deep nesting, decompression bombs and
// oversized certificates (faults claim-length, nest, jp2-bomb, huge-certificate in docs/vcard.md).
#pragma once

#include "core/bytes.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <cstddef>
#include <cstdint>

namespace cccd::vcard {

/** The file with its outer TLV header rewritten to claim `claimed` value bytes; the bytes themselves stay. */
Bytes withClaimedLength(const Bytes& file, std::uint64_t claimed);

/** A `tag` TLV holding `depth` SEQUENCEs of indefinite length, each inside the one before, the innermost empty. */
Bytes nestedTlv(std::uint8_t tag, int depth);

/** A `tag` TLV holding, as DG13 holds its fields, SEQUENCE { SEQUENCE { INTEGER 1, `depth` SEQUENCEs of definite length,
 *  each inside the one before } }: a field a parser walks level by level. */
Bytes nestedField(std::uint8_t tag, int depth);

/** A JPEG 2000 codestream of a few dozen bytes: width x height pixels of `components` 8-bit components in one tile,
 *  every packet empty, so a decoder makes a flat image of the full size. */
Bytes flatJpeg2000(std::uint32_t width, std::uint32_t height, std::uint16_t components);

/** Adds `kib` KiB of non-critical private extensions (256 bytes each) to cert and signs it again with signer. */
void padCertificate(X509* cert, std::size_t kib, EVP_PKEY* signer);

} // namespace cccd::vcard
