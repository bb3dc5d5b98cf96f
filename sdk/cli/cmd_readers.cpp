// `cccd readers [--json]`: placeholder until the PC/SC layer lands (issue 3).
#include "commands.hpp"
#include "exit_codes.hpp"

namespace cccd::cli {

void addReadersCommand(CLI::App& app, Action& action)
{
    auto* cmd = app.add_subcommand("readers", "List card readers and whether a card is present");
    cmd->callback([&action] { action = [] { return exitInternal; }; });
}

} // namespace cccd::cli
