#include "core/check_digit.hpp"

#include "cccd/error.hpp"

namespace cccd {

char mrzCheckDigit(std::string_view field)
{
    static constexpr int weights[] = {7, 3, 1};
    int sum = 0;
    for (std::size_t i = 0; i < field.size(); ++i) {
        char c = field[i];
        int value;
        if (c >= '0' && c <= '9') value = c - '0';
        else if (c >= 'A' && c <= 'Z') value = c - 'A' + 10;
        else if (c == '<') value = 0;
        else throw Error(ErrorKind::InvalidArgument, "MRZ field has a character outside 0-9, A-Z and '<'");
        sum += value * weights[i % 3];
    }
    return static_cast<char>('0' + sum % 10);
}

} // namespace cccd
