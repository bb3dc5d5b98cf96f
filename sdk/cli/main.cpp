// cccd: read, verify and compare Vietnamese chip ID cards from the command line (CONTRACTS.md).
#include "cccd/error.hpp"
#include "cccd/log.hpp"
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
    bool verbose = false;
    app.add_flag("--verbose", verbose, "Log what the SDK does, with a masked APDU trace, on stderr (also CCCD_LOG=debug)");
    app.fallthrough(); // --verbose after the subcommand too

    Action action;
    addReadersCommand(app, action);
    addReadCommand(app, action);
    addVerifyCommand(app, action);
    addTrustCommand(app, action);
    addFaceMatchCommand(app, action);
    addFaceEvalCommand(app, action);
    addScanQrCommand(app, action);
    addDoctorCommand(app, action);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? exitOk : exitUsage; // --help and --version exit 0; usage errors exit 2
    }
    if (verbose) cccd::setLogLevel(cccd::LogLevel::Debug);
    // With --json the error goes to stdout as JSON too, so a program reading stdout always gets an answer.
    bool json = false;
    for (const CLI::App* sub : app.get_subcommands()) {
        for (const CLI::App* s = sub; s; s = s->get_subcommands().empty() ? nullptr : s->get_subcommands().front()) {
            const CLI::Option* flag = s->get_option_no_throw("--json");
            json = json || (flag && flag->count() > 0);
        }
    }
    auto fail = [json](const cccd::Error& error) {
        std::cerr << "cccd: " << error.what() << '\n';
        if (json) std::cout << errorJson(error).dump() << '\n';
        return exitCodeFor(error);
    };
    try {
        return action ? action() : exitUsage;
    } catch (const cccd::Error& e) {
        return fail(e);
    } catch (const std::exception& e) {
        return fail(cccd::Error(cccd::ErrorKind::Internal, std::string("internal error: ") + e.what()));
    }
}
