#include "icao/secure_messaging.hpp"

#include "core/tlv.hpp"

#include <optional>
#include "crypto/crypto.hpp"

namespace cccd::icao {

namespace {
constexpr Tag doEncryptedOdd = 0x85;  // odd INS: plain value is BER-TLV, no padding-content indicator
constexpr Tag doEncrypted = 0x87;     // even INS: 01 || cryptogram
constexpr Tag doLe = 0x97;
constexpr Tag doStatus = 0x99;
constexpr Tag doMac = 0x8E;
constexpr std::uint8_t smClassBits = 0x0C;
constexpr std::uint8_t paddingIndicator = 0x01;

bool isOdd(std::uint8_t ins) { return (ins & 0x01) != 0; }

Bytes encodeLeObject(std::size_t ne)
{
    if (ne <= maxShortNe) return encodeTlv(doLe, Bytes{static_cast<std::uint8_t>(ne == maxShortNe ? 0 : ne)});
    std::size_t le = ne == maxExtendedNe ? 0 : ne;
    return encodeTlv(doLe, Bytes{static_cast<std::uint8_t>(le >> 8), static_cast<std::uint8_t>(le)});
}

std::size_t decodeLeObject(ByteView value)
{
    if (value.size() == 1) return value[0] == 0 ? maxShortNe : value[0];
    if (value.size() == 2) {
        std::size_t le = (std::size_t(value[0]) << 8) | value[1];
        return le == 0 ? maxExtendedNe : le;
    }
    throw SecureMessagingError("DO'97' must hold 1 or 2 bytes");
}

// DO'87'/'85' around the cryptogram of data.
Bytes encryptedDataObject(const SmKeys& keys, std::uint8_t ins, ByteView data)
{
    Bytes cryptogram = keys.encrypt(data);
    if (isOdd(ins)) return encodeTlv(doEncryptedOdd, cryptogram);
    Bytes value{paddingIndicator};
    append(value, cryptogram);
    return encodeTlv(doEncrypted, value);
}

Bytes decryptDataObject(const SmKeys& keys, const Tlv& object, const std::string& context)
{
    ByteView cryptogram = object.value;
    if (object.tag == doEncrypted) {
        if (cryptogram.empty() || cryptogram[0] != paddingIndicator) throw SecureMessagingError("DO'87' without padding indicator 01");
        cryptogram = cryptogram.sub(1);
    }
    return keys.decrypt(cryptogram, context);
}

// The parsed data objects of a protected message, in the order received.
struct DataObjects {
    std::optional<Tlv> encrypted, le, status, mac;
    ByteView macInput; // every object before DO'8E', as received: what the MAC covers
};

DataObjects parseDataObjects(ByteView body, const char* context)
{
    DataObjects dos;
    TlvReader reader(body, context);
    std::size_t macStart = body.size();
    while (!reader.atEnd()) {
        std::size_t start = reader.position();
        Tlv t = reader.next();
        std::optional<Tlv>* slot = nullptr;
        switch (t.tag) {
        case doEncrypted:
        case doEncryptedOdd: slot = &dos.encrypted; break;
        case doLe: slot = &dos.le; break;
        case doStatus: slot = &dos.status; break;
        case doMac: slot = &dos.mac; macStart = start; break;
        default: throw SecureMessagingError(std::string("unexpected data object ") + toHex(encodeTag(t.tag)) + " in " + context);
        }
        if (*slot) throw SecureMessagingError(std::string("repeated data object ") + toHex(encodeTag(t.tag)) + " in " + context);
        if (dos.mac && t.tag != doMac) throw SecureMessagingError(std::string("data after DO'8E' in ") + context);
        *slot = t;
    }
    if (!dos.mac) throw SecureMessagingError(std::string("missing DO'8E' (MAC) in ") + context);
    if (dos.mac->value.size() != 8) throw SecureMessagingError(std::string("DO'8E' is not 8 bytes in ") + context);
    dos.macInput = body.sub(0, macStart);
    return dos;
}

void requireMac(const SmKeys& keys, ByteView macInput, const Tlv& mac, const char* what)
{
    if (!constantTimeEqual(keys.mac(macInput), mac.value)) throw SecureMessagingError(std::string("MAC check failed on the ") + what);
}

Bytes paddedHeader(const SmKeys& keys, std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2)
{
    return crypto::padIso9797(Bytes{cla, ins, p1, p2}, keys.blockSize());
}

} // namespace

CommandApdu SecureMessaging::protectCommand(const CommandApdu& plain)
{
    sscBeforeCommand_ = keys_.ssc();
    keys_.incrementSsc();
    std::uint8_t cla = plain.cla() | smClassBits;
    Bytes body;
    if (!plain.data().empty()) append(body, encryptedDataObject(keys_, plain.ins(), plain.data()));
    if (plain.hasLe()) append(body, encodeLeObject(plain.ne()));
    Bytes macInput = paddedHeader(keys_, cla, plain.ins(), plain.p1(), plain.p2());
    append(macInput, body);
    append(body, encodeTlv(doMac, keys_.mac(macInput)));
    // The protected command asks for the whole protected answer: Le 00, or 0000 when the plain command itself
    // needs extended length. A short command whose answer outgrows 256 bytes once protected is refused by the
    // chip (6700), and the file reader steps down to a block that fits (223 bytes).
    bool extended = plain.isExtended() || body.size() > maxShortNc;
    return CommandApdu(cla, plain.ins(), plain.p1(), plain.p2(), std::move(body), extended ? maxExtendedNe : maxShortNe);
}

ResponseApdu SecureMessaging::unprotectResponse(const ResponseApdu& response)
{
    keys_.incrementSsc();
    if (response.data().empty()) {
        if (response.isSuccess()) throw SecureMessagingError("the card answered 9000 without secure messaging");
        if (response.sw() == sw::SM_DATA_OBJECTS_MISSING || response.sw() == sw::SM_DATA_OBJECTS_INCORRECT) {
            throw SecureMessagingError("the card rejected the protected command (" + response.sw().describe() + ")");
        }
        if (!sscBeforeCommand_.empty()) keys_.restoreSsc(sscBeforeCommand_);
        return response; // an unprotected error status; it carries no data to trust
    }
    DataObjects dos = parseDataObjects(response.data(), "protected response");
    requireMac(keys_, dos.macInput, *dos.mac, "response");
    if (dos.le) throw SecureMessagingError("DO'97' in a response");
    if (!dos.status || dos.status->value.size() != 2) throw SecureMessagingError("missing or malformed DO'99' in a response");
    StatusWord sw(static_cast<std::uint16_t>(dos.status->value[0] << 8 | dos.status->value[1]));
    Bytes data = dos.encrypted ? decryptDataObject(keys_, *dos.encrypted, "protected response") : Bytes{};
    return ResponseApdu(std::move(data), sw);
}

CommandApdu SecureMessaging::unprotectCommand(const CommandApdu& command)
{
    keys_.incrementSsc();
    if ((command.cla() & smClassBits) != smClassBits) throw SecureMessagingError("a plain command during secure messaging");
    DataObjects dos = parseDataObjects(command.data(), "protected command");
    Bytes macInput = paddedHeader(keys_, command.cla(), command.ins(), command.p1(), command.p2());
    append(macInput, dos.macInput);
    requireMac(keys_, macInput, *dos.mac, "command");
    if (dos.status) throw SecureMessagingError("DO'99' in a command");
    if (dos.encrypted && (dos.encrypted->tag == doEncryptedOdd) != isOdd(command.ins())) {
        throw SecureMessagingError("DO'85' and DO'87' do not match the instruction's parity");
    }
    Bytes data = dos.encrypted ? decryptDataObject(keys_, *dos.encrypted, "protected command") : Bytes{};
    std::size_t ne = dos.le ? decodeLeObject(dos.le->value) : 0;
    return CommandApdu(static_cast<std::uint8_t>(command.cla() & ~smClassBits), command.ins(), command.p1(), command.p2(),
                       std::move(data), ne);
}

ResponseApdu SecureMessaging::protectResponse(const ResponseApdu& plain, std::uint8_t ins)
{
    keys_.incrementSsc();
    Bytes body;
    if (!plain.data().empty()) append(body, encryptedDataObject(keys_, ins, plain.data()));
    append(body, encodeTlv(doStatus, Bytes{plain.sw().sw1(), plain.sw().sw2()}));
    append(body, encodeTlv(doMac, keys_.mac(body)));
    return ResponseApdu(std::move(body), plain.sw());
}

} // namespace cccd::icao
