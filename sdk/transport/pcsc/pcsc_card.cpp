#include "transport/pcsc/pcsc_card.hpp"

#include "core/log.hpp"
#include "transport/apdu_trace.hpp"
#include "transport/pcsc/card_time_limits.hpp"
#include "transport/pcsc/pcsc_error.hpp"

#include <winscard.h>
#include <reader.h>

namespace cccd::pcsc {

namespace {
constexpr std::size_t extendedResponseBuffer = 65536 + 2;
constexpr std::size_t shortCommandBytes = 4 + 1 + 255 + 1;

SCARDHANDLE h(std::intptr_t v) { return static_cast<SCARDHANDLE>(v); }

const char* protocolName(unsigned long protocol)
{
    if (protocol == SCARD_PROTOCOL_T0) return "T=0";
    if (protocol == SCARD_PROTOCOL_T1) return "T=1";
    return "an unknown protocol";
}

std::string describeLimits(const ChannelLimits& l)
{
    return std::string(l.extendedLength ? "extended" : "short") + " length, commands up to " +
           std::to_string(l.maxCommandBytes) + " bytes, responses up to " + std::to_string(l.maxResponseBytes) + " bytes";
}

// PCSCv2 part 10: ask the reader for its feature list, then for its TLV properties.
std::optional<std::uint32_t> maxApduDataSize(SCARDHANDLE card)
{
    unsigned char features[256];
    DWORD length = 0;
    if (SCardControl(card, CM_IOCTL_GET_FEATURE_REQUEST, nullptr, 0, features, sizeof features, &length) != SCARD_S_SUCCESS) {
        return std::nullopt;
    }
    std::optional<std::uint32_t> ioctl;
    for (DWORD i = 0; i + 6 <= length; i += 6) { // tag, length 4, big-endian control code
        if (features[i] == FEATURE_GET_TLV_PROPERTIES && features[i + 1] == 4) {
            ioctl = (std::uint32_t(features[i + 2]) << 24) | (std::uint32_t(features[i + 3]) << 16) |
                    (std::uint32_t(features[i + 4]) << 8) | features[i + 5];
        }
    }
    if (!ioctl) return std::nullopt;
    unsigned char props[256];
    if (SCardControl(card, *ioctl, nullptr, 0, props, sizeof props, &length) != SCARD_S_SUCCESS) return std::nullopt;
    for (DWORD i = 0; i + 2 <= length;) { // tag, length, little-endian value
        unsigned char tag = props[i], len = props[i + 1];
        if (i + 2 + len > length) break;
        if (tag == PCSCv2_PART10_PROPERTY_dwMaxAPDUDataSize && len == 4) {
            return std::uint32_t(props[i + 2]) | (std::uint32_t(props[i + 3]) << 8) | (std::uint32_t(props[i + 4]) << 16) |
                   (std::uint32_t(props[i + 5]) << 24);
        }
        i += 2u + len;
    }
    return std::nullopt;
}

std::optional<std::uint32_t> maxInput(SCARDHANDLE card)
{
    unsigned char value[8];
    DWORD length = sizeof value;
    if (SCardGetAttrib(card, SCARD_ATTR_MAXINPUT, value, &length) != SCARD_S_SUCCESS || length != 4) return std::nullopt;
    return std::uint32_t(value[0]) | (std::uint32_t(value[1]) << 8) | (std::uint32_t(value[2]) << 16) |
           (std::uint32_t(value[3]) << 24);
}
} // namespace

Card::Card(const Context& context, std::string readerName) : context_(context), reader_(std::move(readerName))
{
    SCARDHANDLE card = 0;
    DWORD protocol = 0;
    {
        auto armed = context_.watchdog().arm(cardCallLimit); // pcscd waits for a reader stuck on a silent card
        checkAnswered("SCardConnect", SCardConnect(static_cast<SCARDCONTEXT>(context.handle()), reader_.c_str(), SCARD_SHARE_SHARED,
                                                   SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1, &card, &protocol));
    }
    handle_ = static_cast<std::intptr_t>(card);
    protocol_ = protocol;
    log::lazy(LogLevel::Info, [this] {
        return "pcsc: connected to '" + reader_ + "' with " + protocolName(protocol_) + ", ATR " + std::to_string(atr().size()) + " bytes";
    });
}

Card::~Card() noexcept
{
    SCardDisconnect(h(handle_), SCARD_LEAVE_CARD);
    log::lazy(LogLevel::Info, [this] { return "pcsc: disconnected from '" + reader_ + "'"; });
}

std::vector<std::uint8_t> Card::atr() const
{
    unsigned char atr[MAX_ATR_SIZE];
    DWORD atrLength = sizeof atr;
    DWORD state = 0, protocol = 0, nameLength = 0;
    auto armed = context_.watchdog().arm(cardCallLimit);
    checkAnswered("SCardStatus", SCardStatus(h(handle_), nullptr, &nameLength, &state, &protocol, atr, &atrLength));
    return std::vector<std::uint8_t>(atr, atr + atrLength);
}

void Card::reconnect(bool resetCard)
{
    DWORD protocol = 0;
    auto armed = context_.watchdog().arm(cardCallLimit);
    checkAnswered("SCardReconnect", SCardReconnect(h(handle_), SCARD_SHARE_SHARED, SCARD_PROTOCOL_T0 | SCARD_PROTOCOL_T1,
                                           resetCard ? SCARD_RESET_CARD : SCARD_LEAVE_CARD, &protocol));
    protocol_ = protocol;
    log::lazy(LogLevel::Info, [&] {
        return "pcsc: reconnected to '" + reader_ + "' with " + protocolName(protocol_) + (resetCard ? " (card reset)" : "");
    });
}

std::optional<ChannelLimits> Card::readerLimits() const
{
    auto armed = context_.watchdog().arm(cardCallLimit); // the reader's driver answers these
    std::optional<std::uint32_t> dataSize = maxApduDataSize(h(handle_));
    if (dataSize) {
        log::lazy(LogLevel::Debug, [&] { return "pcsc: the reader reports dwMaxAPDUDataSize " + std::to_string(*dataSize); });
        bool extended = *dataSize > 256;
        return ChannelLimits{extended, extended ? *dataSize + 9 : shortCommandBytes, extended ? *dataSize + 2 : 258};
    }
    std::optional<std::uint32_t> input = maxInput(h(handle_));
    if (input && *input > 0) {
        log::lazy(LogLevel::Debug, [&] { return "pcsc: the reader reports SCARD_ATTR_MAXINPUT " + std::to_string(*input); });
        bool extended = *input > shortCommandBytes;
        return ChannelLimits{extended, *input, extended ? std::size_t(*input) : 258};
    }
    log::debug("pcsc: the reader reports no APDU size limit");
    return std::nullopt;
}

void Card::checkAnswered(const char* function, long code) const
{
    if (code == SCARD_S_SUCCESS) return;
    if (context_.watchdog().fired()) {
        throw Error(ErrorKind::Communication, "the card did not answer in time: lift it and place it again, and hold it still [" +
                                                  std::string(function) + " cut off after " +
                                                  std::to_string(cardCallLimit.count() / 1000) + " s and more]");
    }
    const auto pcscCode = static_cast<std::uint32_t>(code);
    if (handle_ != 0 && errorKindFor(pcscCode) == ErrorKind::ServiceUnavailable) {
        // pcscd went away in the middle of a read: that read is broken (exit 5, as for a card that left). Before a card
        // is connected the same code means pcscd is not running (exit 3).
        throw pcscdLostMidRead(function, pcscCode);
    }
    throwPcscError(function, pcscCode);
}

std::vector<std::uint8_t> Card::transmitRaw(const std::vector<std::uint8_t>& command, std::size_t expectedResponse) const
{
    std::vector<std::uint8_t> response(extendedResponseBuffer);
    DWORD length = static_cast<DWORD>(response.size());
    const SCARD_IO_REQUEST* pci = protocol_ == SCARD_PROTOCOL_T0 ? SCARD_PCI_T0 : SCARD_PCI_T1;
    auto armed = context_.watchdog().arm(responseLimit(command.size(), expectedResponse));
    LONG rv = SCardTransmit(h(handle_), pci, command.data(), static_cast<DWORD>(command.size()), nullptr, response.data(), &length);
    // The driver could not finish the exchange: the card left mid-command (pcsc-lite says "transaction failed").
    if (rv == SCARD_E_NOT_TRANSACTED && !context_.watchdog().fired()) throw cardStoppedAnswering("SCardTransmit", static_cast<std::uint32_t>(rv));
    checkAnswered("SCardTransmit", rv);
    response.resize(length);
    return response;
}

Channel::Channel(Card& card, ChannelLimits limits) : card_(card), limits_(limits), deadline_(std::chrono::steady_clock::now() + transactionLimit)
{
    {
        auto armed = card_.context().watchdog().arm(cardCallLimit); // waits while another program holds the card, or forever
        card_.checkAnswered("SCardBeginTransaction", SCardBeginTransaction(h(card_.handle())));
    }
    log::lazy(LogLevel::Info, [this] { return "pcsc: transaction begun, limits chosen: " + describeLimits(limits_); });
}

Channel::~Channel() noexcept
{
    SCardEndTransaction(h(card_.handle()), SCARD_LEAVE_CARD);
    log::lazy(LogLevel::Debug, [this] { return "pcsc: transaction ended after " + std::to_string(count_) + " APDUs"; });
}

ResponseApdu Channel::transmit(const CommandApdu& command)
{
    return transport::traced("pcsc", command, [this](const CommandApdu& c) { return exchange(c); });
}

ResponseApdu Channel::exchange(const CommandApdu& command)
{
    ++count_;
    if (std::chrono::steady_clock::now() > deadline_) {
        throw Error(ErrorKind::Communication, "the card answers too slowly: the read took more than " + std::to_string(transactionLimit.count()) +
                                                  " s (a faulty or forged chip, or a bad reader)");
    }
    std::vector<std::uint8_t> raw = card_.transmitRaw(command.encode(), command.ne() + 2);
    if (raw.size() < 2) {
        // Some readers report a card that left the field as an empty answer rather than SCARD_W_REMOVED_CARD.
        throw cardStoppedAnswering("SCardTransmit", SCARD_S_SUCCESS);
    }
    return ResponseApdu::parse(raw);
}

} // namespace cccd::pcsc
