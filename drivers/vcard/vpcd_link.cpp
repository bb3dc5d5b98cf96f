#include "vpcd_link.hpp"

#include "core/log.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <thread>

namespace cccd::vcard {

namespace {
enum Control : std::uint8_t { powerOff = 0, powerOn = 1, reset = 2, getAtr = 4 };

// vpcd writes length and payload separately; quick ACKs keep delayed ACK from adding ~40 ms per APDU.
void quickAck(int fd)
{
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
}

// Reads exactly n bytes, waking every 100 ms to check stop. False on close, error or stop.
bool readExactly(int fd, std::uint8_t* out, std::size_t n, const std::atomic<bool>& stop)
{
    std::size_t done = 0;
    while (done < n) {
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, 100);
        if (stop) return false;
        if (ready <= 0) continue;
        ssize_t got = ::recv(fd, out + done, n - done, 0);
        if (got <= 0) return false;
        done += static_cast<std::size_t>(got);
        quickAck(fd);
    }
    return true;
}

bool sendMessage(int fd, ByteView payload)
{
    Bytes frame{static_cast<std::uint8_t>(payload.size() >> 8), static_cast<std::uint8_t>(payload.size())};
    append(frame, payload);
    std::size_t sent = 0;
    while (sent < frame.size()) {
        ssize_t n = ::send(fd, frame.data() + sent, frame.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}
} // namespace

int VpcdLink::connectOnce() const
{
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port_));
    if (::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr) != 1 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool VpcdLink::serve(CardBehaviour& card, const std::atomic<bool>& stop, std::chrono::milliseconds connectTimeout)
{
    const auto deadline = std::chrono::steady_clock::now() + connectTimeout;
    int fd = -1;
    while (!stop && (fd = connectOnce()) < 0) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    if (fd < 0) return false;
    log::info("virtual card inserted on port " + std::to_string(port_));
    bool open = true;
    while (open && !stop && !card.removed()) {
        std::uint8_t header[2];
        if (!readExactly(fd, header, 2, stop)) break;
        std::size_t length = (std::size_t(header[0]) << 8) | header[1];
        Bytes message(length);
        if (length != 0 && !readExactly(fd, message.data(), length, stop)) break;
        if (length == 1) {
            switch (message[0]) {
            case powerOff: card.powerOff(); break;
            case powerOn: card.powerOn(); break;
            case reset: card.powerOff(); card.powerOn(); break;
            case getAtr: open = sendMessage(fd, card.atr()); break;
            default: break;
            }
            continue;
        }
        Bytes answer = card.process(message);
        if (card.removed()) break; // leave without answering: the reader sees the card vanish mid-command
        if (card.muted()) continue; // stay connected, never answer: the reader waits until it gives up or we stop
        open = sendMessage(fd, answer);
    }
    ::close(fd);
    return true;
}

} // namespace cccd::vcard
