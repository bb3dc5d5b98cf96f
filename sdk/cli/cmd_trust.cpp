// `cccd trust import PATH...`: check CSCA certificates, master lists and CRLs, then copy them into the
// default trust location that `cccd read` and `cccd verify` load.
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

#include <filesystem>
#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
int importCommand(const std::vector<std::string>& paths)
{
    TrustStore checked;
    std::size_t certificates = 0;
    for (const std::string& path : paths) certificates += checked.add(path); // throws on anything malformed
    std::filesystem::path target = TrustStore::defaultLocation();
    std::filesystem::create_directories(target);
    for (const std::string& path : paths) {
        if (std::filesystem::is_directory(path)) {
            for (const auto& entry : std::filesystem::directory_iterator(path)) {
                if (entry.is_regular_file()) std::filesystem::copy_file(entry.path(), target / entry.path().filename(), std::filesystem::copy_options::overwrite_existing);
            }
        } else {
            std::filesystem::copy_file(path, target / std::filesystem::path(path).filename(), std::filesystem::copy_options::overwrite_existing);
        }
    }
    for (const TrustSource& source : checked.sources()) {
        std::cout << source.kind << ' ' << source.path << ": " << source.certificates << " CSCA certificates, " << source.crls << " CRLs";
        if (source.skipped) std::cout << ", " << source.skipped << " certificates skipped (not CA certificates)";
        std::cout << '\n';
        if (!source.signer.empty()) std::cout << "  signed by " << source.signer << "\n  signer SHA-256 " << source.signerSha256 << '\n';
    }
    std::cout << "imported " << certificates << " CSCA certificates from " << checked.countryCount() << " countries and "
              << checked.crlCount() << " CRLs into " << target.string() << '\n';
    return exitOk;
}
} // namespace

void addTrustCommand(CLI::App& app, Action& action)
{
    auto paths = std::make_shared<std::vector<std::string>>();
    auto* trust = app.add_subcommand("trust", "Manage trusted CSCAs");
    trust->require_subcommand(1);
    auto* import = trust->add_subcommand("import", "Import CSCA certificates (DER/PEM), CMS master lists and CRLs");
    import->add_option("paths", *paths, "Files or folders")->required();
    import->callback([&action, paths] { action = [paths] { return importCommand(*paths); }; });
}

} // namespace cccd::cli
