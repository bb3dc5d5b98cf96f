// What `cccd trust import` copies comes from TrustStore::add's report of the files it accepted, with the bytes it
// checked: a folder's leaf certificate, junk or FIFO is not among them. A folder that cannot be listed is named.
#include "cccd/error.hpp"
#include "pki_fixtures.hpp"
#include "temp_folder.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <iterator>

using namespace cccd;
using namespace cccd::test;
namespace fs = std::filesystem;

namespace {
Bytes fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}
} // namespace

TEST_CASE("add reports only the files it accepted, with the bytes it checked")
{
    TempFolder folder("cccd-trust");
    fs::copy_file(vcardDir() + "/pki/csca.pem", folder.path() + "/csca.pem");
    fs::copy_file(vcardDir() + "/pki/ds.pem", folder.path() + "/ds.pem"); // a leaf: skipped
    std::ofstream(folder.path() + "/notes.txt") << "not trust material";
    REQUIRE(::mkfifo((folder.path() + "/fifo.pem").c_str(), 0600) == 0);

    std::map<std::string, Bytes> accepted;
    TrustStore trust;
    CHECK(trust.add(folder.path(), [&](const std::string& path, const std::vector<std::uint8_t>& bytes) { accepted[path] = bytes; }) == 1);
    REQUIRE(accepted.size() == 1);
    CHECK(accepted.begin()->first == folder.path() + "/csca.pem");
    CHECK(accepted.begin()->second == fileBytes(vcardDir() + "/pki/csca.pem"));
    CHECK(trust.warnings().size() == 2); // ds.pem and notes.txt, each named
}

TEST_CASE("a trust folder that cannot be listed is an InvalidArgument naming it")
{
    if (::geteuid() == 0) {
        WARN("running as root: permissions do not stop root from listing a folder");
        return;
    }
    TempFolder folder("cccd-trust");
    fs::copy_file(vcardDir() + "/pki/csca.pem", folder.path() + "/csca.pem");
    REQUIRE(::chmod(folder.path().c_str(), 0300) == 0); // may enter, may not list
    TrustStore trust;
    try {
        trust.add(folder.path());
        FAIL("an unlistable folder was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidArgument);
        CHECK_THAT(e.what(), Catch::Contains("cannot list the folder " + folder.path()));
    }
}
