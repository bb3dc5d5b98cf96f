#include "transport/pcsc/pcsc_error.hpp"

#include <winscard.h>

#include <cstdio>

namespace cccd::pcsc {

ErrorKind errorKindFor(std::uint32_t code) noexcept
{
    switch (static_cast<LONG>(code)) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_F_COMM_ERROR: return ErrorKind::ServiceUnavailable; // the socket to pcscd broke: it stopped or restarted
    case SCARD_E_NO_READERS_AVAILABLE:
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE: return ErrorKind::NoReader;
    case SCARD_E_NO_SMARTCARD:
    case SCARD_E_TIMEOUT:
    case SCARD_W_UNPOWERED_CARD:
    case SCARD_W_UNRESPONSIVE_CARD: return ErrorKind::NoCard;
    case SCARD_W_REMOVED_CARD:
    case SCARD_W_RESET_CARD: return ErrorKind::CardRemoved;
    case SCARD_E_INVALID_PARAMETER:
    case SCARD_E_INVALID_VALUE:
    case SCARD_E_INSUFFICIENT_BUFFER: return ErrorKind::Internal;
    case SCARD_E_CANCELLED: return ErrorKind::Communication;
    default: return ErrorKind::Communication;
    }
}

namespace {
// "SCardTransmit returned 0x80100017 (Reader is unavailable.)": what a support engineer needs, after the words for people.
std::string detailOf(const char* function, std::uint32_t code)
{
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%08X", code);
    return std::string(function) + " returned " + hex + " (" + pcsc_stringify_error(static_cast<LONG>(code)) + ")";
}
} // namespace

std::string errorMessageFor(const char* function, std::uint32_t code)
{
    const std::string detail = detailOf(function, code);
    switch (static_cast<LONG>(code)) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
        return "pcscd is not running: start it with `sudo systemctl start pcscd` (or run `pcscd`) [" + detail + "]";
    case SCARD_F_COMM_ERROR:
        return "the connection to pcscd broke: it stopped or restarted during the call; try again once it runs [" + detail + "]";
    case SCARD_E_NO_READERS_AVAILABLE:
        return "no card reader found: attach one, or start the virtual card (scripts/demo) [" + detail + "]";
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE: return "the card reader is not available: is it still plugged in? [" + detail + "]";
    case SCARD_E_NO_SMARTCARD: return "no card on the reader: place the card on it (or use --wait) [" + detail + "]";
    case SCARD_E_TIMEOUT: return "no card arrived in time [" + detail + "]";
    case SCARD_W_REMOVED_CARD: return "the card was removed: hold it on the reader until the read ends [" + detail + "]";
    case SCARD_W_RESET_CARD: return "the card was reset by another program; try again [" + detail + "]";
    case SCARD_W_UNRESPONSIVE_CARD:
    case SCARD_W_UNPOWERED_CARD: return "the card does not answer: place it flat on the reader [" + detail + "]";
    default: return detail;
    }
}

PcscError cardStoppedAnswering(const char* function, std::uint32_t code)
{
    std::string message = "the card stopped answering: it was removed or moved; hold it on the reader until the read ends";
    if (code != 0) message += " [" + errorMessageFor(function, code) + "]";
    return PcscError(ErrorKind::CardRemoved, function, code, message);
}

PcscError pcscdLostMidRead(const char* function, std::uint32_t code)
{
    return PcscError(ErrorKind::Communication, function, code,
                     "pcscd stopped in the middle of the read: try again once it runs again (`systemctl status pcscd`) [" + detailOf(function, code) + "]");
}

void throwPcscError(const char* function, std::uint32_t code)
{
    throw PcscError(errorKindFor(code), function, code, errorMessageFor(function, code));
}

} // namespace cccd::pcsc
