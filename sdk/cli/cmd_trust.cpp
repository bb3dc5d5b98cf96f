// `cccd trust import PATH...`: check CSCA certificates, master lists and CRLs, then copy them into the
// default trust location that `cccd read` and `cccd verify` load.
#include "cccd/error.hpp"
#include "cccd/trust_store.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
struct CheckedFile {
    std::string name;
    std::vector<std::uint8_t> bytes;
};

// Written from the bytes that were checked: the path is not opened again, so nothing swapped in meanwhile is copied.
// O_NOFOLLOW: a link planted in the trust folder cannot send the write elsewhere.
void writeTrustFile(const std::filesystem::path& target, const CheckedFile& file)
{
    std::string path = (target / file.name).string();
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    bool ok = fd >= 0 && ::write(fd, file.bytes.data(), file.bytes.size()) == static_cast<ssize_t>(file.bytes.size());
    std::string reason = std::strerror(errno);
    if (fd >= 0 && ::close(fd) != 0) ok = false;
    if (!ok) throw Error(ErrorKind::InvalidArgument, "trust: cannot write " + path + ": " + reason);
}

int importCommand(const std::vector<std::string>& paths)
{
    TrustStore checked;
    std::size_t certificates = 0;
    std::vector<CheckedFile> accepted; // only what the store took: a folder's invalid or oversized files stay behind
    auto keep = [&accepted](const std::string& path, const std::vector<std::uint8_t>& bytes) {
        accepted.push_back({std::filesystem::path(path).filename().string(), bytes});
    };
    for (const std::string& path : paths) certificates += checked.add(path, keep); // throws on anything malformed
    std::filesystem::path target = TrustStore::defaultLocation();
    std::error_code ec;
    std::filesystem::create_directories(target, ec);
    if (ec) throw Error(ErrorKind::InvalidArgument, "trust: cannot make the folder " + target.string() + ": " + ec.message());
    for (const CheckedFile& file : accepted) writeTrustFile(target, file);
    for (const std::string& warning : checked.warnings()) std::cerr << "cccd: warning: " << warning << '\n';
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
