// Which file descriptor is a PC/SC context's connection to pcscd. pcsc-lite waits for pcscd's answer without a
// time limit (poll with no timeout), so a reader driver that never returns (a mute card behind vpcd, a hung USB
// reader) would hang the caller for good; shutting this socket down is the one way to make the blocked call
// return (SCARD_F_COMM_ERROR). pcsc-lite opens one UNIX stream socket per context in SCardEstablishContext.
#pragma once

#include <functional>

namespace cccd::pcsc {

/** Runs establish (which must open exactly one connection) and returns the UNIX stream socket it opened, or -1
 *  when that cannot be told (another one opened at the same moment by code outside the SDK). */
int socketOpenedBy(const std::function<void()>& establish);

} // namespace cccd::pcsc
