// Files and images as a hostile user gives them to `cccd`: a 1.2 MB PNG of 20000x20000 pixels, /dev/zero, a FIFO, a
// folder named DG1.bin, a trust file of 100 MB, a JPEG 2000 declaring a huge image or thousands of components, a trust
// folder it may not list; and /dev/zero, a FIFO or a folder as cccd-agent's config or token file, cccd-vcard's profile
// and the exam-hall sample's roster. Each is refused at once with exit 2 and a message naming the problem, in bounded
// time and memory. The figures go to docs/security-figures/files.md (from the Release build; sanitizers distort time
// and memory).
#include "agent_instance.hpp"
#include "measured_run.hpp"
#include "pcscd_instance.hpp"
#include "temp_folder.hpp"
#include "test_data.hpp"

#include <catch2/catch.hpp>
#include <zlib.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iterator>
#include <sstream>

#if defined(__SANITIZE_ADDRESS__)
#define CCCD_TEST_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CCCD_TEST_SANITIZED 1
#endif
#endif

using cccd::test::MeasuredRun;
namespace fs = std::filesystem;

namespace {
#ifdef CCCD_TEST_SANITIZED
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
// Before the limits: 66 s and 4 GB for scan-qr on the PNG, bad_alloc on /dev/zero, a FIFO waited on forever.
constexpr double maxSeconds = sanitized ? 30 : 5;
constexpr double maxRssMb = sanitized ? 1500 : 400;

void put32(std::string& s, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
}

void pngChunk(std::ofstream& out, const char* type, const std::string& data)
{
    std::string chunk(type, 4);
    chunk += data;
    std::string length;
    put32(length, static_cast<std::uint32_t>(data.size()));
    std::string crc;
    put32(crc, static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), static_cast<uInt>(chunk.size()))));
    out << length << chunk << crc;
}

// A black RGB PNG of side x side pixels: 1.2 GB of pixels deflate to about 1.2 MB.
void writePngBomb(const std::string& path, std::uint32_t side)
{
    std::string header;
    put32(header, side);
    put32(header, side);
    header += std::string("\x08\x02\x00\x00\x00", 5); // 8-bit RGB, no interlace
    z_stream z{};
    REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, 15, 9, Z_RLE) == Z_OK); // run-length only: seconds faster on zeros, as small
    const std::string row(1 + 3 * std::size_t{side}, '\0'); // filter byte, then the pixels
    std::string compressed;
    std::string buffer(1 << 16, '\0');
    for (std::uint32_t y = 0; y < side; ++y) {
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(row.data()));
        z.avail_in = static_cast<uInt>(row.size());
        int flush = y + 1 == side ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef*>(buffer.data());
            z.avail_out = static_cast<uInt>(buffer.size());
            deflate(&z, flush);
            compressed.append(buffer.data(), buffer.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    std::ofstream out(path, std::ios::binary);
    out << "\x89PNG\r\n\x1A\n";
    pngChunk(out, "IHDR", header);
    pngChunk(out, "IDAT", compressed);
    pngChunk(out, "IEND", "");
}

// A JPEG 2000 codestream whose SIZ declares width x height with this many components, then tiny tiles.
void writeJpeg2000(const std::string& path, std::uint32_t width, std::uint32_t height, std::uint16_t components)
{
    std::string siz;
    siz += std::string("\xFF\x4F\xFF\x51", 4);
    siz += static_cast<char>(((38 + 3 * components) >> 8) & 0xFF);
    siz += static_cast<char>((38 + 3 * components) & 0xFF);
    siz += std::string(2, '\0'); // Rsiz
    for (std::uint32_t v : {width, height, 0u, 0u, 64u, 64u, 0u, 0u}) put32(siz, v);
    siz += static_cast<char>(components >> 8);
    siz += static_cast<char>(components & 0xFF);
    for (std::uint16_t c = 0; c < components; ++c) siz += std::string("\x07\x01\x01", 3); // 8-bit, no subsampling
    std::ofstream(path, std::ios::binary) << siz << std::string("\xFF\xD9", 2);
}

void writeSparse(const std::string& path, off_t size, const std::string& start)
{
    std::ofstream(path, std::ios::binary) << start;
    REQUIRE(::truncate(path.c_str(), size) == 0); // no disk used: the size is what the limit sees
}

struct Case {
    std::string name;
    std::vector<std::string> args; // the program's name in build/bin, then its arguments
    std::string message;           // part of stderr that names the problem
};

struct Outcome {
    Case c;
    MeasuredRun run;
};

std::string oneLine(const std::string& text)
{
    std::string line = text.substr(0, text.find('\n'));
    for (const char* prefix : {"cccd: ", "cccd-agent: ", "cccd-vcard: "}) {
        if (line.rfind(prefix, 0) == 0) line = line.substr(std::string(prefix).size());
    }
    return line;
}

void writeFigures(const std::vector<Outcome>& outcomes, const std::string& work)
{
    std::ostringstream md;
    md << "# Hostile files and images: time and memory\n\n"
          "Regenerated by `tests/integration/hostile_files_test.cpp` on each Release test run (`scripts/test`): each case is one\n"
          "process (`cccd`, `cccd-agent`, `cccd-vcard`, a sample's command) as a user runs it; seconds are wall time, memory the\n"
          "process's peak resident set (`wait4`). Every case exits 2 (a usage error, said before any card, camera or client is\n"
          "touched) with the message shown. Limits: `docs/security.md`.\n\n"
          "| case | command | exit | message | seconds | peak RSS (MB) |\n|---|---|---|---|---|---|\n";
    for (const Outcome& o : outcomes) {
        std::string command;
        for (const std::string& a : o.c.args) { // no machine's paths in the figures
            command += (command.empty() ? "" : " ") + (a.rfind("/dev/", 0) == 0 ? a : fs::path(a).filename().string());
        }
        std::string message = oneLine(o.run.err);
        std::size_t at;
        while ((at = message.find(work + "/")) != std::string::npos) message.erase(at, work.size() + 1);
        while ((at = message.find('|')) != std::string::npos) message.replace(at, 1, "\\|");
        md << "| " << o.c.name << " | `" << command << "` | " << o.run.exitCode << " | " << message << " | " << std::fixed << std::setprecision(2)
           << o.run.seconds << " | " << std::setprecision(0) << o.run.peakRssMb << " |\n";
    }
    fs::create_directories(std::string(CCCD_SOURCE_DIR) + "/docs/security-figures");
    std::ofstream(std::string(CCCD_SOURCE_DIR) + "/docs/security-figures/files.md") << md.str();
}
} // namespace

TEST_CASE("hostile files and images are refused at once with exit 2, in bounded time and memory")
{
    const cccd::test::TempFolder folder("cccd-hostile");
    const std::string& work = folder.path();
    const std::string face = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/profiles/faces/sample-face.jpg";
    const std::string models = cccd::test::requireData("models");

    writePngBomb(work + "/bomb.png", 20000);
    CHECK(fs::file_size(work + "/bomb.png") < 2'000'000);
    writeJpeg2000(work + "/bomb.j2k", 100000, 100000, 1);
    writeJpeg2000(work + "/components.j2k", 64, 64, 16384);
    writeSparse(work + "/huge.pem", 100 << 20, "-----BEGIN CERTIFICATE-----\n");
    writeSparse(work + "/huge.jpg", 100 << 20, "\xFF\xD8\xFF\xE0");
    REQUIRE(::mkfifo((work + "/fifo").c_str(), 0600) == 0);
    fs::create_directories(work + "/dump-folder/DG1.bin");
    fs::create_directories(work + "/dump-fifo");
    REQUIRE(::mkfifo((work + "/dump-fifo/DG1.bin").c_str(), 0600) == 0);
    fs::create_directories(work + "/dump-zero");
    fs::create_symlink("/dev/zero", work + "/dump-zero/DG13.bin");
    fs::create_directories(work + "/dump-bomb");
    fs::copy_file(work + "/bomb.j2k", work + "/dump-bomb/face.jp2");

    const std::string fifo = work + "/fifo", key = "123456";
    const std::string agentPort = "1"; // never reached: each case ends before the agent listens or the card connects
    std::vector<Case> cases = {
        {"PNG of 20000x20000 (1.2 MB) to scan-qr", {"cccd", "scan-qr", "--live", work + "/bomb.png"}, "PNG image of 20000x20000 pixels refused"},
        {"the same PNG as the chip photo", {"cccd", "face-match", "--chip", work + "/bomb.png", "--live", face}, "PNG image of 20000x20000 pixels refused"},
        {"the same PNG as the live picture", {"cccd", "face-match", "--chip", face, "--live", work + "/bomb.png"}, "PNG image of 20000x20000 pixels refused"},
        {"JPEG 2000 declaring 100000x100000", {"cccd", "face-match", "--chip", work + "/bomb.j2k", "--live", face}, "JPEG 2000 image of 100000x100000 pixels refused"},
        {"JPEG 2000 of 16384 components", {"cccd", "face-match", "--chip", work + "/components.j2k", "--live", face}, "16384 colour components"},
        {"JPEG 2000 bomb as a dump's face", {"cccd", "face-match", "--dir", work + "/dump-bomb", "--live", face}, "JPEG 2000 image of 100000x100000 pixels refused"},
        {"image file of 100 MB", {"cccd", "face-match", "--chip", work + "/huge.jpg", "--live", face}, "larger than the 32 MiB allowed"},
        {"/dev/zero as the chip photo", {"cccd", "face-match", "--chip", "/dev/zero", "--live", face}, "/dev/zero is a device, not a regular file"},
        {"a FIFO as the chip photo", {"cccd", "face-match", "--chip", fifo, "--live", face}, "is a FIFO, not a regular file"},
        {"a folder as the chip photo", {"cccd", "face-match", "--chip", work + "/dump-folder", "--live", face}, "is a folder, not a regular file"},
        {"/dev/zero to scan-qr", {"cccd", "scan-qr", "--live", "/dev/zero"}, "/dev/zero is a device, not an image"},
        {"a FIFO to scan-qr", {"cccd", "scan-qr", "--live", fifo}, "is a FIFO, not an image"},
        {"/dev/zero as --trust", {"cccd", "read", "--can", key, "--trust", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
        {"a FIFO as --trust", {"cccd", "read", "--can", key, "--trust", fifo}, "is a FIFO, not a regular file"},
        {"a trust file of 100 MB", {"cccd", "read", "--can", key, "--trust", work + "/huge.pem"}, "larger than the 32 MiB allowed"},
        {"a folder named DG1.bin", {"cccd", "verify", "--dir", work + "/dump-folder"}, "DG1.bin is a folder, not a regular file"},
        {"a FIFO named DG1.bin", {"cccd", "verify", "--dir", work + "/dump-fifo"}, "DG1.bin is a FIFO, not a regular file"},
        {"DG13.bin linked to /dev/zero", {"cccd", "verify", "--dir", work + "/dump-zero"}, "DG13.bin is a device, not a regular file"},
        {"/dev/zero as the agent's config", {"cccd-agent", "--port", agentPort, "--config", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
        {"a FIFO as the agent's config", {"cccd-agent", "--port", agentPort, "--config", fifo}, "is a FIFO, not a regular file"},
        {"a folder as the agent's config", {"cccd-agent", "--port", agentPort, "--config", work + "/dump-folder"}, "is a folder, not a regular file"},
        {"/dev/zero as the agent's token file", {"cccd-agent", "--port", agentPort, "--token-file", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
        {"a FIFO as the agent's token file", {"cccd-agent", "--port", agentPort, "--token-file", fifo}, "is a FIFO, not a regular file"},
        {"a folder as the agent's token file", {"cccd-agent", "--port", agentPort, "--token-file", work + "/dump-folder"}, "is a folder, not a regular file"},
        {"/dev/zero as the virtual card's profile", {"cccd-vcard", "--port", agentPort, "--profile", "/dev/zero"}, "/dev/zero is a device, not a regular file"},
        {"a FIFO as the virtual card's profile", {"cccd-vcard", "--port", agentPort, "--profile", fifo}, "is a FIFO, not a regular file"},
    };
#ifdef CCCD_TEST_EXAM_HALL // the samples are built
    const std::vector<std::string> importRoster{"cccd-sample-exam-hall", "import-roster", "--db", work + "/exam.sqlite", "--session", "S"};
    auto withRoster = [&](const std::string& roster) {
        std::vector<std::string> args = importRoster;
        args.push_back(roster);
        return args;
    };
    cases.push_back({"/dev/zero as the exam-hall roster", withRoster("/dev/zero"), "/dev/zero is a device, not a regular file"});
    cases.push_back({"a FIFO as the exam-hall roster", withRoster(fifo), "is a FIFO, not a regular file"});
#endif
    if (::geteuid() == 0) {
        WARN("running as root: a trust folder without read permission is still listed, so that case is not run");
    } else {
        fs::create_directories(work + "/unlistable");
        fs::permissions(work + "/unlistable", fs::perms::owner_exec | fs::perms::owner_write); // may enter, may not list
        cases.push_back({"a trust folder it may not list", {"cccd", "read", "--can", key, "--trust", work + "/unlistable"}, "cannot list the folder"});
    }

    std::vector<Outcome> outcomes;
    for (const Case& c : cases) {
        std::vector<std::string> args{cccd::test::programPath(c.args.front())};
        args.insert(args.end(), c.args.begin() + 1, c.args.end());
        // A private trust folder and agent config, so the machine's own do not count; the shared models for face-match.
        MeasuredRun run = cccd::test::runMeasured(args, {"XDG_DATA_HOME=" + work + "/data", "XDG_CONFIG_HOME=" + work + "/config", "CCCD_MODEL_DIR=" + models},
                                                  std::chrono::seconds(60));
        INFO(c.name << "\nstderr: " << run.err);
        CHECK_FALSE(run.timedOut);
        CHECK(run.exitCode == 2);
        CHECK(run.err.find(c.message) != std::string::npos);
        CHECK(run.seconds < maxSeconds);
        CHECK(run.peakRssMb < maxRssMb);
        outcomes.push_back({c, run});
    }
    bool allPassed = true;
    for (const Outcome& o : outcomes) allPassed = allPassed && o.run.exitCode == 2 && o.run.err.find(o.c.message) != std::string::npos;
    if (allPassed && !sanitized) writeFigures(outcomes, work);
    std::error_code notMade; // as root; otherwise given back its permissions so that the folder can be removed
    fs::permissions(work + "/unlistable", fs::perms::owner_all, notMade);
}

std::string base64Of(const std::string& path)
{
    static const char* alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t v = 0;
        for (std::size_t k = 0; k < 3; ++k) v = (v << 8) | (k < n ? static_cast<unsigned char>(bytes[i + k]) : 0u);
        for (std::size_t k = 0; k < 4; ++k) out += k <= n ? alphabet[(v >> (18 - 6 * k)) & 63] : '=';
    }
    return out;
}

TEST_CASE("the agent refuses a picture bomb posted by a page or given as its camera: 400 at once, and it stays up")
{
    cccd::test::PcscdInstance pcscd;
    const std::string bomb = pcscd.workDir() + "/bomb.png";
    writePngBomb(bomb, 20000);
    cccd::test::AgentInstance agent(pcscd, {"--camera", bomb});
    const std::string posted = base64Of(bomb);
    const std::vector<std::pair<std::string, nlohmann::json>> requests{
        {"/v1/face-match", {{"live", {{"image", posted}}}, {"chip", posted}}},
        {"/v1/scan-qr", {{"image", posted}}},
        {"/v1/face-match", {{"live", {{"source", "camera:0"}}}, {"chip", posted}}},
        {"/v1/scan-qr", {{"source", "camera:0"}}},
    };
    for (const auto& [path, body] : requests) {
        cccd::test::AgentAnswer answer = agent.postFromPage(path, body);
        INFO(path << " " << body.dump().substr(0, 60) << ": " << answer.status << " " << answer.body.dump());
        CHECK(answer.status == 400);
        CHECK(answer.body["error"]["code"] == "invalid_argument");
        CHECK_THAT(answer.body["error"]["message"].get<std::string>(), Catch::Contains("20000x20000 pixels refused"));
        CHECK(answer.seconds < maxSeconds);
    }
    CHECK(agent.running());
    WARN("the agent's peak resident memory: " << agent.peakRssMb() << " MB");
    CHECK(agent.peakRssMb() < maxRssMb + 400); // the face models are loaded besides
}

TEST_CASE("cccd trust import copies only the files the trust store accepted, from the bytes it checked")
{
    const cccd::test::TempFolder folder("cccd-import");
    const std::string& work = folder.path();
    const std::string source = work + "/source", trustFolder = work + "/data/cccd/trust";
    const std::string pki = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki";
    fs::create_directories(source);
    fs::copy_file(pki + "/csca.pem", source + "/csca.pem");
    fs::copy_file(pki + "/ds.pem", source + "/ds.pem"); // a Document Signer: not a CA, skipped
    std::ofstream(source + "/notes.txt") << "not trust material";
    writeSparse(source + "/huge.pem", 100 << 20, "-----BEGIN CERTIFICATE-----\n"); // over the 32 MiB limit

    MeasuredRun run = cccd::test::runMeasured({cccd::test::programPath("cccd"), "trust", "import", source}, {"XDG_DATA_HOME=" + work + "/data"});
    INFO("stdout: " << run.out << "\nstderr: " << run.err);
    CHECK(run.exitCode == 0);
    std::vector<std::string> copied;
    for (const auto& entry : fs::directory_iterator(trustFolder)) copied.push_back(entry.path().filename().string());
    CHECK(copied == std::vector<std::string>{"csca.pem"});
    auto contents = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    CHECK(contents(trustFolder + "/csca.pem") == contents(pki + "/csca.pem"));
    CHECK(run.err.find("ds.pem") != std::string::npos); // each skipped file is named
    CHECK(run.err.find("huge.pem is larger than the 32 MiB allowed") != std::string::npos);
}
