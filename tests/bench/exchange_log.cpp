#include "exchange_log.hpp"

#include <fstream>

namespace cccd::bench {

void clearExchangeLog(const std::string& path) { std::ofstream(path, std::ios::trunc); } // the card appends (O_APPEND)

ExchangeTotals readExchangeLog(const std::string& path)
{
    ExchangeTotals t;
    std::ifstream in(path);
    std::size_t command = 0, response = 0, commandBlocks = 0, responseBlocks = 0;
    int pk = 0;
    double ms = 0;
    while (in >> command >> response >> pk >> commandBlocks >> responseBlocks >> ms) {
        ++t.apdus;
        t.bytesToCard += command;
        t.bytesFromCard += response;
        t.blocksToCard += commandBlocks;
        t.blocksFromCard += responseBlocks;
        t.publicKeyOperations += pk;
        t.modelledMs += ms;
    }
    return t;
}

} // namespace cccd::bench
