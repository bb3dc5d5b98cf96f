// Errors thrown by the CCCD SDK. Every error has a kind (what went wrong, for programs)
// and a message with context (for people). Messages never contain personal data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace cccd {

/** What went wrong, in categories a caller can act on. */
enum class ErrorKind {
    Internal,        ///< a bug or an unexpected library failure
    InvalidArgument, ///< the caller passed something unusable (bad CAN format, bad hex, ...)
    ServiceUnavailable, ///< pcscd is not running or not reachable
    NoReader,        ///< no card reader attached, or the named reader does not exist
    NoCard,          ///< no card on the reader (in time)
    CardRemoved,     ///< the card left the field during the operation
    Communication,   ///< the reader or card did not answer as expected
    AccessDenied,    ///< PACE/BAC failed: wrong CAN or MRZ data
    CardError,       ///< the card answered with an error status word
    MalformedData,   ///< a file or message does not parse (truncated, overlong, wrong tags)
    Unsupported,     ///< a valid feature the SDK does not implement
    NotFound,        ///< a file, model or certificate is missing
};

/** Base class of every exception the SDK throws. */
class Error : public std::runtime_error {
public:
    /** message: for people, with context, never personal data. */
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; } ///< what went wrong, for programs

private:
    ErrorKind kind_;
};

/** Malformed bytes: names the structure being parsed and the offset of the fault. */
class ParseError : public Error {
public:
    /** context: the structure ("DG13", "EF.SOD"); offset: where in it; problem: what is wrong there. */
    ParseError(std::string context, std::size_t offset, const std::string& problem);
    const std::string& context() const noexcept { return context_; } ///< the structure being parsed
    std::size_t offset() const noexcept { return offset_; }           ///< the byte offset of the fault

private:
    std::string context_;
    std::size_t offset_;
};

/** The card answered a command with an unexpected status word. Keeps the step, the INS and the SW. */
class CardStatusError : public Error {
public:
    /** step: the protocol step ("PACE: mutual authentication"); ins: the command's INS; sw: the answer's status word. */
    CardStatusError(std::string step, std::uint8_t ins, std::uint16_t sw, ErrorKind kind = ErrorKind::CardError);
    const std::string& step() const noexcept { return step_; } ///< the protocol step that sent the command
    std::uint8_t ins() const noexcept { return ins_; }          ///< the command's instruction byte
    std::uint16_t statusWord() const noexcept { return sw_; }   ///< the card's answer, e.g. 0x6982

private:
    std::string step_;
    std::uint8_t ins_;
    std::uint16_t sw_;
};

/** A PC/SC call failed. Keeps the function name and the SCARD_* code. */
class PcscError : public Error {
public:
    /** function: the PC/SC call ("SCardConnect"); code: what it returned. */
    PcscError(ErrorKind kind, std::string function, std::uint32_t code, const std::string& message);
    const std::string& function() const noexcept { return function_; } ///< the PC/SC function that failed
    std::uint32_t code() const noexcept { return code_; }               ///< its SCARD_* return code

private:
    std::string function_;
    std::uint32_t code_;
};

} // namespace cccd
