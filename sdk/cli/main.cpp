// cccd: read, verify and compare Vietnamese chip ID cards from the command line (CONTRACTS.md).
#include "cccd/error.hpp"
#include "cccd/version.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    using namespace cccd::cli;
    CLI::App app{"cccd: read and verify Vietnamese chip citizen ID cards (CCCD)", "cccd"};
    app.set_version_flag("--version", std::string("cccd ") + cccd::version());
    app.require_subcommand(1);

    Action action;
    addReadersCommand(app, action);
    addReadCommand(app, action);
    addVerifyCommand(app, action);
    addTrustCommand(app, action);
    addFaceMatchCommand(app, action);
    addFaceEvalCommand(app, action);
    addScanQrCommand(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exitOk : exitUsage; // --help and --version exit 0; usage errors exit 2
    }
    try {
        return action ? action() : exitUsage;
    } catch (const cccd::Error& e) {
        std::cerr << "cccd: " << e.what() << '\n';
        return exitCodeFor(e);
    } catch (const std::exception& e) {
        std::cerr << "cccd: internal error: " << e.what() << '\n';
        return exitInternal;
    }
}
