// Fault modes of the virtual card (CONTRACTS.md `--fault`), each a way real cards and attackers misbehave.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cccd::vcard {

struct Faults {
    std::optional<int> removeAfter;       ///< remove-after:N — the card leaves the field after N exchanges
    std::vector<int> tamperedDataGroups;  ///< tamper:DGn — a byte of DGn changed after signing
    std::vector<int> corruptDataGroups;   ///< corrupt:DGn — DGn's structure broken after signing (it no longer parses)
    bool corruptSod = false;              ///< corrupt:SOD — EF.SOD cut short (its CMS no longer parses)
    std::map<int, std::uint16_t> withheldDataGroups; ///< withhold:DGn[:SW] — DGn refused with SW (6A82 unless given)
    std::vector<int> unsignedDataGroups;  ///< unsigned:DGn — DGn on the chip but left out of the SOD
    std::vector<int> comOmitted;          ///< com-omit:DGn — EF.COM does not list DGn
    bool emptyCom = false;                ///< com-empty — EF.COM lists no data group
    bool sodIdData = false;               ///< sod-id-data — the SOD labels its content id-data (seen on real documents)
    bool noSigningTime = false;           ///< no-signing-time — the SOD has no signingTime attribute
    bool badSignature = false;            ///< bad-signature — the SOD signature does not verify
    bool clone = false;                   ///< clone — CA/AA keys that do not match DG14/DG15
    bool unknownCsca = false;             ///< unknown-csca — signed under a CSCA nobody trusts
    bool expiredSigner = false;           ///< expired-signer — the Document Signer certificate has expired
    bool noExtended = false;              ///< no-extended — extended-length APDUs answered 6700
    std::optional<std::size_t> maxLe;     ///< max-le:N — READ BINARY with Ne > N answered 6700
    std::optional<std::uint16_t> swOnLargeLe; ///< sw-on-large-le:6282|6700 — that SW to Ne > 224
    int latencyMs = 0;                    ///< latency:MS — extra delay on every exchange
    // Hostile or broken chips (docs/vcard.md "Malicious and broken chips"): the SDK must give a typed error in
    // bounded time and memory.
    std::optional<int> muteAfter;         ///< mute-after:N — after N exchanges the chip stays in the field but never answers
    std::map<int, std::uint64_t> claimedLengths; ///< claim-length:DGn:BYTES — DGn's outer header claims BYTES (content unchanged)
    std::map<int, int> nestedDataGroups;  ///< nest:DGn:DEPTH — DGn is DEPTH nested indefinite-length SEQUENCEs, signed into the SOD
    std::map<int, int> nestedFields;      ///< nest-definite:DGn:DEPTH — DGn's first field holds DEPTH nested definite-length SEQUENCEs, signed into the SOD
    bool overlongResponses = false;       ///< overlong-response — READ BINARY answers more bytes than Le allows
    std::optional<std::uint8_t> endlessChaining; ///< chain:61|6C — READ BINARY answered 61xx or 6Cxx forever
    bool badMac = false;                  ///< bad-mac — every protected answer carries a wrong MAC
    bool replay = false;                  ///< replay — the second protected command gets the first one's answer again
    bool previousSession = false;         ///< previous-session — later sessions are answered with the first session's answers
    std::optional<std::size_t> hugeCertificateKib; ///< huge-certificate:KIB — the SOD's signer certificate carries KIB KiB of extensions, re-signed by the CSCA
    std::optional<std::size_t> forgedCertificateKib; ///< forged-certificate:KIB — the same, signed by the Document Signer's own key (a chip has no CSCA key)
    bool jpeg2000Bomb = false;            ///< jp2-bomb — DG2 holds a tiny JPEG 2000 codestream declaring 60000 x 60000 pixels
    bool largestJpeg2000 = false;         ///< jp2-largest — DG2 holds a tiny JPEG 2000 codestream of a flat 7300 x 5470 image, 3 components (within the limits)
};

/** Parses --fault values; throws Error(InvalidArgument) naming the bad one. */
Faults parseFaults(const std::vector<std::string>& specs);

} // namespace cccd::vcard
