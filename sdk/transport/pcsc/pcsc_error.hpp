// Maps every PC/SC return code to a typed cccd::PcscError in one place.
#pragma once

#include "cccd/error.hpp"

#include <cstdint>

namespace cccd::pcsc {

/** The error kind for a SCARD_* code (SCARD_E_NO_SERVICE -> ServiceUnavailable, SCARD_W_REMOVED_CARD -> CardRemoved...). */
ErrorKind errorKindFor(std::uint32_t code) noexcept;

/** A message for people: what happened and, where there is one, what to do. */
std::string errorMessageFor(const char* function, std::uint32_t code);

/** Throws PcscError for a failed call. */
[[noreturn]] void throwPcscError(const char* function, std::uint32_t code);

/** The card left (or fell silent) in the middle of an exchange: CardRemoved, said the way a clerk acts on it. */
PcscError cardStoppedAnswering(const char* function, std::uint32_t code);

/** pcscd went away while a card was connected (code: one ServiceUnavailable maps): Communication, as the read broke. */
PcscError pcscdLostMidRead(const char* function, std::uint32_t code);

/** Throws unless code is SCARD_S_SUCCESS. */
inline void check(const char* function, long code)
{
    if (code != 0) throwPcscError(function, static_cast<std::uint32_t>(code));
}

} // namespace cccd::pcsc
