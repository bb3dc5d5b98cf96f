#include "face/models.hpp"

#include "cccd/error.hpp"
#include "core/file_io.hpp"
#include "crypto/openssl_handles.hpp"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

namespace cccd::face {

namespace {
// The largest model is 22 MB: read whole once per process, from a regular file only (/dev/zero would never end).
constexpr std::size_t maxModelBytes = 256u << 20;

std::string sha256OfFile(const std::string& path)
{
    Bytes model = readFileBytes(path, maxModelBytes);
    crypto::MdCtx ctx(EVP_MD_CTX_new());
    EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr);
    EVP_DigestUpdate(ctx.get(), model.data(), model.size());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &n);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < n; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

// Hashing a 22 MB model takes ~50 ms: remember files already checked in this process.
bool verifiedOnce(const std::string& path, const char* expected)
{
    static std::mutex mutex;
    static std::map<std::string, bool> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(path);
    if (it == cache.end()) it = cache.emplace(path, sha256OfFile(path) == expected).first;
    return it->second;
}
} // namespace

ModelStore::ModelStore(const std::string& folder)
{
    if (!folder.empty()) { // a configured folder is the only place looked at
        folders_.push_back(folder);
        return;
    }
    if (const char* env = std::getenv("CCCD_MODEL_DIR"); env && *env) folders_.push_back(env);
    folders_.push_back(CCCD_DEFAULT_MODEL_DIR);
    if (const char* home = std::getenv("HOME")) folders_.push_back(std::string(home) + "/.local/share/cccd/models");
    if (std::string(CCCD_INSTALLED_MODEL_DIR) != "/usr/share/cccd/models") folders_.push_back(CCCD_INSTALLED_MODEL_DIR); // cmake --install
    folders_.push_back("/usr/share/cccd/models");
}

std::optional<std::string> ModelStore::find(const ModelFile& model) const
{
    for (const std::string& folder : folders_) {
        std::string path = folder + "/" + model.name;
        std::error_code ec; // a folder the process may not look into holds no model for it
        if (!std::filesystem::exists(path, ec)) continue;
        if (!verifiedOnce(path, model.sha256)) {
            throw Error(ErrorKind::MalformedData, std::string("model ") + model.name + " at " + path +
                                                      " is not the expected file (SHA-256 differs): reinstall it with scripts/install-models");
        }
        return path;
    }
    return std::nullopt;
}

std::string ModelStore::require(const ModelFile& model) const
{
    if (std::optional<std::string> path = find(model)) return *path;
    std::string searched;
    for (const std::string& f : folders_) searched += (searched.empty() ? "" : ", ") + f;
    throw Error(ErrorKind::NotFound, std::string("model ") + model.name + " not found; looked in " + searched +
                                         " (install it with scripts/install-models)");
}

} // namespace cccd::face
