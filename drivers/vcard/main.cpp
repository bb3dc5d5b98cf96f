// cccd-vcard: a software CCCD chip plugged into pcscd through vsmartcard's vpcd reader (CONTRACTS.md).
#include "card_image.hpp"
#include "cccd/error.hpp"
#include "core/log.hpp"
#include "crypto/crypto.hpp"
#include "faults.hpp"
#include "link_model.hpp"
#include "profile.hpp"
#include "test_pki.hpp"
#include "virtual_chip.hpp"
#include "vpcd_link.hpp"

#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>

namespace {
std::atomic<bool> stopRequested{false};
extern "C" void onSignal(int) { stopRequested = true; }

struct LinkOptions {
    std::string rate = "none";
    std::size_t fsc = 256, fsd = 256;
};

int runCard(const std::string& profilePath, int port, const LinkOptions& linkOptions, const std::vector<std::string>& faultSpecs,
            int connectSeconds, const std::string& tracePath, const std::string& statsPath)
{
    using namespace cccd::vcard;
    Profile profile = loadProfile(profilePath);
    Faults faults = parseFaults(faultSpecs);
    LinkModel link = linkModelFor(linkOptions.rate, linkOptions.fsc, linkOptions.fsd);
    VirtualChip chip(personalize(profile, faults, CCCD_VCARD_DIR "/pki"), faults, link, cccd::crypto::systemRandom());
    std::ofstream trace;
    if (!tracePath.empty()) {
        trace.open(tracePath, std::ios::app);
        chip.onCommand([&trace](const cccd::CommandApdu& c) { // headers only: which file, which step; no data
            char line[32];
            std::snprintf(line, sizeof line, "%02X %02X %02X %02X\n", c.cla(), c.ins(), c.p1(), c.p2());
            trace << line << std::flush;
        });
    }
    std::ofstream stats;
    if (!statsPath.empty()) {
        stats.open(statsPath, std::ios::app);
        chip.onExchange([&stats](std::size_t command, std::size_t response, int pk, const ExchangeCost& cost) { // sizes only, no data
            stats << command << ' ' << response << ' ' << pk << ' ' << cost.commandBlocks << ' ' << cost.responseBlocks << ' ' << cost.ms
                  << '\n' << std::flush;
        });
    }
    VpcdLink vpcd("127.0.0.1", port);
    bool connected = false;
    while (!stopRequested && !chip.removed()) {
        if (vpcd.serve(chip, stopRequested, std::chrono::seconds(connectSeconds))) {
            connected = true;
        } else if (!connected) {
            std::cerr << "cccd-vcard: no vpcd reader on 127.0.0.1:" << port << " (is pcscd running with vsmartcard-vpcd?)\n";
            return 3;
        } else {
            break; // vpcd went away for longer than the connect timeout
        }
    }
    return 0;
}
} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"cccd-vcard: a virtual Vietnamese chip ID card behind pcscd (vsmartcard vpcd)", "cccd-vcard"};
    std::string profile = CCCD_VCARD_DIR "/profiles/nguyen-van-an.json";
    int port = 35963;
    LinkOptions link;
    std::vector<std::string> faults;
    int connectSeconds = 30;
    std::string tracePath;
    app.add_option("--profile", profile, "Profile JSON (document fields, face image, chip options)");
    app.add_option("--port", port, "vpcd port on 127.0.0.1")->check(CLI::Range(1, 65535));
    app.add_option("--link", link.rate, "none | 106k | 212k | 424k | 848k: realistic contactless timing");
    app.add_option("--fsc", link.fsc, "Largest ISO/IEC 14443-4 frame the card accepts (default 256)");
    app.add_option("--fsd", link.fsd, "Largest ISO/IEC 14443-4 frame the reader accepts (default 256)");
    app.add_option("--fault", faults, "remove-after:N, tamper:DGn, corrupt:DGn, withhold:DGn[:SW], unsigned:DGn, com-omit:DGn, "
                                      "com-empty, sod-id-data, no-signing-time, bad-signature, clone, unknown-csca, "
                                      "expired-signer, no-extended, max-le:N, sw-on-large-le:6282|6700, latency:MS, mute-after:N, "
                                      "claim-length:DGn:BYTES, nest:DGn:DEPTH, nest-definite:DGn:DEPTH, overlong-response, chain:61|6C, bad-mac, replay, "
                                      "previous-session, huge-certificate:KIB, forged-certificate:KIB, jp2-bomb, jp2-largest (see docs/vcard.md)");
    app.add_option("--connect-timeout", connectSeconds, "Seconds to wait for vpcd");
    app.add_option("--trace", tracePath, "Append each command's CLA INS P1 P2 (after secure messaging) to this file");
    std::string statsPath;
    app.add_option("--stats", statsPath, "Append each exchange's command and response bytes, public-key operations, I-blocks each way "
                                         "and modelled ms to this file");
    std::string pkiOut;
    auto* makePki = app.add_subcommand("make-pki", "Make a test CSCA, Document Signer, CA and AA keys");
    makePki->add_option("--out", pkiOut, "Folder to write the PEM files to")->required();
    std::string country = "VN";
    makePki->add_option("--country", country, "C= of the CSCA and Document Signer (e.g. DE for a foreign signer)");

    CLI11_PARSE(app, argc, argv);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    try {
        if (*makePki) {
            cccd::vcard::makePki(pkiOut, country);
            std::cout << "test PKI written to " << pkiOut << " (test keys: never trust them for real documents)\n";
            return 0;
        }
        return runCard(profile, port, link, faults, connectSeconds, tracePath, statsPath);
    } catch (const cccd::Error& e) {
        std::cerr << "cccd-vcard: " << e.what() << '\n';
        return e.kind() == cccd::ErrorKind::InvalidArgument ? 2 : 1;
    }
}
