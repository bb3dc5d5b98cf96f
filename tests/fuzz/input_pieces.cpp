#include "input_pieces.hpp"

#include <algorithm>

namespace cccd::fuzz {

Bytes FuzzInput::piece()
{
    std::size_t length = 0;
    for (int i = 0; i < 2 && pos_ < size_; ++i) length = (length << 8) | data_[pos_++];
    std::size_t n = std::min(length, size_ - pos_);
    Bytes out(data_ + pos_, data_ + pos_ + n);
    pos_ += n;
    return out;
}

Bytes joinPieces(const std::vector<Bytes>& pieces)
{
    Bytes out;
    for (const Bytes& p : pieces) {
        out.push_back(static_cast<std::uint8_t>(p.size() >> 8));
        out.push_back(static_cast<std::uint8_t>(p.size()));
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}

Bytes withSelector(std::uint8_t selector, const std::vector<Bytes>& pieces)
{
    Bytes out{selector};
    return concat(out, joinPieces(pieces));
}

Bytes concat(const Bytes& a, const Bytes& b)
{
    Bytes out = a;
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

} // namespace cccd::fuzz
