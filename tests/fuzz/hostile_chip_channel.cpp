#include "hostile_chip_channel.hpp"

#include "cccd/error.hpp"

namespace cccd::fuzz {

ResponseApdu FuzzChannel::transmit(const CommandApdu&)
{
    if (input_.empty()) throw Error(ErrorKind::CardRemoved, "fuzz: the chip has no more answers");
    return ResponseApdu::parse(input_.piece());
}

} // namespace cccd::fuzz
