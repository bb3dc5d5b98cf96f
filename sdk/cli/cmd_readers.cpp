// `cccd readers [--json]`: every reader, and whether a card is on it.
#include "cccd/error.hpp"
#include "cccd/readers.hpp"
#include "commands.hpp"
#include "reading/report_json.hpp"
#include "exit_codes.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
int listReadersCommand(bool json)
{
    std::vector<ReaderInfo> readers = listReaders();
    if (json) {
        std::cout << reading::readersJson(readers).dump(2) << '\n';
    } else {
        for (std::size_t i = 0; i < readers.size(); ++i) {
            std::cout << i << ": " << readers[i].name << "  "
                      << (readers[i].cardPresent ? "card present (ATR " + readers[i].atrHex + ")" : "no card") << '\n';
        }
    }
    if (readers.empty()) {
        std::cerr << "cccd: no card reader found: attach one, or start the virtual card (scripts/demo)\n";
        return exitNoReaderOrCard;
    }
    return exitOk;
}
} // namespace

void addReadersCommand(CLI::App& app, Action& action)
{
    auto* cmd = app.add_subcommand("readers", "List card readers and whether a card is present");
    auto json = std::make_shared<bool>(false);
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&action, json] { action = [json] { return listReadersCommand(*json); }; });
}

} // namespace cccd::cli
