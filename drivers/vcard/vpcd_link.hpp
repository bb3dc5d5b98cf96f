// The card end of vsmartcard's vpcd protocol: a TCP client to pcscd's vpcd driver. Each message is a
// 2-byte big-endian length and a payload; a 1-byte payload is a control message (0 power off, 1 power on,
// 2 reset, 4 get ATR), anything longer is an APDU whose answer is sent back the same way.
#pragma once

#include "core/bytes.hpp"

#include <atomic>
#include <chrono>
#include <functional>
#include <string>

namespace cccd::vcard {

class CardBehaviour {
public:
    virtual ~CardBehaviour() = default;
    virtual Bytes atr() const = 0;
    virtual void powerOn() = 0;
    virtual void powerOff() = 0;
    virtual Bytes process(ByteView apdu) = 0;
    /** True once the card should leave the field (fault remove-after:N). */
    virtual bool removed() const { return false; }
    /** True once the card stays in the field but answers nothing more (fault mute-after:N). */
    virtual bool muted() const { return false; }
};

class VpcdLink {
public:
    VpcdLink(std::string host, int port) : host_(std::move(host)), port_(port) {}

    /** Connects (retrying until the deadline, as pcscd may still be starting) and serves the card until
     *  stop is set, the card is removed, or vpcd closes the connection. Returns false if never connected. */
    bool serve(CardBehaviour& card, const std::atomic<bool>& stop, std::chrono::milliseconds connectTimeout);

private:
    int connectOnce() const;
    std::string host_;
    int port_;
};

} // namespace cccd::vcard
