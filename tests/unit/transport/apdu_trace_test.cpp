#include "cccd/error.hpp"
#include "core/log.hpp"
#include "icao/secure_channel.hpp"
#include "transport/apdu_trace.hpp"
#include "transport/scripted_channel.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

using namespace cccd;

namespace {
// Personal data planted in command and response data fields: no trace line may show it in any form.
const std::string idNumber = "001090123456";
const std::string name = "NGUYEN VAN AN";

Bytes ascii(const std::string& s) { return Bytes(s.begin(), s.end()); }
Bytes personal() { return concat({ascii(idNumber), ascii(name)}); }

// Captures the log at a level for the life of the object, then restores the defaults.
struct CapturedLog {
    std::vector<std::string> lines;
    explicit CapturedLog(LogLevel level)
    {
        setLogLevel(level);
        setLogSink([this](LogLevel, std::string_view m) { lines.emplace_back(m); });
    }
    ~CapturedLog()
    {
        setLogSink(nullptr);
        setLogLevel(LogLevel::Warn);
    }
    CapturedLog(const CapturedLog&) = delete;
    CapturedLog& operator=(const CapturedLog&) = delete;
};

std::string spacedHex(const Bytes& b)
{
    std::string hex = toHex(b), out;
    for (std::size_t i = 0; i < hex.size(); i += 2) out += (i ? " " : "") + hex.substr(i, 2);
    return out;
}

void checkNoPersonalData(const std::vector<std::string>& lines)
{
    for (const std::string& line : lines) {
        INFO(line);
        for (const std::string& secret : {idNumber, maskId(idNumber), std::string("0123456"), name, std::string("NGUYEN"),
                                          toHex(ascii(idNumber)), spacedHex(ascii(idNumber)).substr(0, 11),
                                          toHex(ascii(name)), spacedHex(ascii(name)).substr(0, 11)}) {
            CHECK_THAT(line, !Catch::Contains(secret));
        }
    }
}

// The PC/SC channel's trace over a script instead of a reader: the same call pcsc::Channel makes.
class TracedScript : public ApduChannel {
public:
    explicit TracedScript(ScriptedChannel& card) : card_(card) {}
    ResponseApdu transmit(const CommandApdu& command) override
    {
        return transport::traced("pcsc", command, [this](const CommandApdu& c) { return card_.transmit(c); });
    }
    ChannelLimits limits() const override { return card_.limits(); }

private:
    ScriptedChannel& card_;
};

// Each line starts as expected (its time varies).
void checkStarts(const std::vector<std::string>& lines, const std::map<std::size_t, std::string>& expected)
{
    for (const auto& [index, start] : expected) CHECK_THAT(lines.at(index), Catch::StartsWith(start));
}

ScriptedChannel::Step step(const CommandApdu& command, const ResponseApdu& response)
{
    return {command.encode(), response.encode(), ""};
}

icao::SmKeys testKeys()
{
    return icao::SmKeys(crypto::Cipher::Aes128, SecureBytes(16, 0x21), SecureBytes(16, 0x22), Bytes(16, 0));
}
} // namespace

TEST_CASE("the PC/SC trace shows headers, lengths, SW and time, never data bytes")
{
    const CommandApdu selectFile(0x00, 0xA4, 0x02, 0x0C, fromHex("011E"));
    const CommandApdu authenticate(0x10, 0x86, 0x00, 0x00, concat({fromHex("7C0E850C"), ascii(idNumber)}), 256);
    const CommandApdu readBinary(0x00, 0xB0, 0x00, 0xE0, std::size_t{223});
    const CommandApdu readLarge(0x00, 0xB0, 0x7F, 0x00, std::size_t{65536});
    const CommandApdu protectedSelect(0x0C, 0xA4, 0x02, 0x0C, concat({fromHex("870901"), personal()}));
    ScriptedChannel card({step(selectFile, ResponseApdu(sw::OK)),
                          step(authenticate, ResponseApdu(concat({fromHex("7C0F860D"), ascii(name)}), sw::OK)),
                          step(readBinary, ResponseApdu(concat({personal(), Bytes(198, 0x41)}), sw::OK)),
                          step(readLarge, ResponseApdu(Bytes(65535, 0x31), sw::END_OF_FILE_WARNING)),
                          step(protectedSelect, ResponseApdu(sw::FILE_NOT_FOUND))});
    TracedScript channel(card);
    CapturedLog log(LogLevel::Debug);
    for (const CommandApdu& c : {selectFile, authenticate, readBinary, readLarge, protectedSelect}) channel.transmit(c);
    card.requireFinished();

    REQUIRE(log.lines.size() == 5);
    for (const std::string& line : log.lines) CHECK_THAT(line, Catch::Matches("pcsc: .*, [0-9]+\\.[0-9] ms"));
    checkStarts(log.lines,
                {{0, "pcsc: 00 A4 02 0C SELECT 01 1E, Lc 2, no Le, short -> 0 bytes, SW 9000, "},
                 {1, "pcsc: 10 86 00 00 GENERAL AUTHENTICATE, Lc 16, Le 256, short -> 17 bytes, SW 9000, "},
                 {2, "pcsc: 00 B0 00 E0 READ BINARY offset 0x00E0, Lc 0, Le 223, short -> 223 bytes, SW 9000, "},
                 // Lengths of 5 digits stay readable: the scrub masks only runs of 6 or more.
                 {3, "pcsc: 00 B0 7F 00 READ BINARY offset 0x7F00, Lc 0, Le 65536, extended -> 65535 bytes, SW 6282 (end of file"},
                 // A protected SELECT carries a cryptogram: its length only.
                 {4, "pcsc: 0C A4 02 0C SELECT, Lc 28, no Le, short -> 0 bytes, SW 6A82 (file not found), "}});
    checkNoPersonalData(log.lines);
}

TEST_CASE("above secure messaging the trace shows the plain command and answer, never their data")
{
    // A chip twin answers each command; a terminal twin predicts the exact wire bytes for the script.
    icao::SecureMessaging chip(testKeys()), twin(testKeys());
    std::vector<ScriptedChannel::Step> script;
    auto expect = [&](const CommandApdu& plain, const ResponseApdu& answer) {
        CommandApdu wire = twin.protectCommand(plain);
        chip.unprotectCommand(CommandApdu::parse(wire.encode()));
        ResponseApdu reply = chip.protectResponse(answer, plain.ins());
        twin.unprotectResponse(ResponseApdu::parse(reply.encode()));
        script.push_back(step(wire, reply));
    };
    const CommandApdu selectDg13(0x00, 0xA4, 0x02, 0x0C, fromHex("010D"));
    const CommandApdu readBinary(0x00, 0xB0, 0x00, 0xE0, std::size_t{223});
    const CommandApdu authenticate(0x00, 0x86, 0x00, 0x00, concat({fromHex("7C0E800C"), ascii(idNumber)}), 256);
    const CommandApdu internalAuthenticate(0x00, 0x88, 0x00, 0x00, personal(), 256);
    expect(selectDg13, ResponseApdu(sw::OK));
    expect(readBinary, ResponseApdu(concat({personal(), Bytes(198, 0x41)}), sw::OK));
    expect(authenticate, ResponseApdu(concat({fromHex("7C0F810D"), ascii(name)}), sw::OK));
    expect(internalAuthenticate, ResponseApdu(sw::SECURITY_STATUS_NOT_SATISFIED));
    ScriptedChannel card(std::move(script));
    TracedScript wire(card);
    icao::SecureChannel channel(wire, icao::SecureMessaging(testKeys()));
    CapturedLog log(LogLevel::Debug);
    for (const CommandApdu& c : {selectDg13, readBinary, authenticate, internalAuthenticate}) channel.transmit(c);
    card.requireFinished();

    REQUIRE(log.lines.size() == 8); // each command at the reader, then in plain
    checkStarts(log.lines,
                {{0, "pcsc: 0C A4 02 0C SELECT, Lc "},
                 {1, "sm: 00 A4 02 0C SELECT 01 0D, Lc 2, no Le, short -> 0 bytes, SW 9000, "},
                 {2, "pcsc: 0C B0 00 E0 READ BINARY offset 0x00E0, Lc "},
                 {3, "sm: 00 B0 00 E0 READ BINARY offset 0x00E0, Lc 0, Le 223, short -> 223 bytes, SW 9000, "},
                 {5, "sm: 00 86 00 00 GENERAL AUTHENTICATE, Lc 16, Le 256, short -> 17 bytes, SW 9000, "},
                 {7, "sm: 00 88 00 00 INTERNAL AUTHENTICATE, Lc 25, Le 256, short -> 0 bytes, SW 6982 (security status not satisfied), "}});
    checkNoPersonalData(log.lines);
}

TEST_CASE("a failed exchange is traced with its error, scrubbed, and still thrown")
{
    CapturedLog log(LogLevel::Debug);
    auto removed = [](const CommandApdu&) -> ResponseApdu { throw Error(ErrorKind::CardRemoved, "card " + idNumber + " was removed"); };
    CHECK_THROWS_AS(transport::traced("pcsc", CommandApdu(0x00, 0x84, 0x00, 0x00, std::size_t{8}), removed), Error);
    REQUIRE(log.lines.size() == 1);
    // Whatever ID-like number an error carries is still masked by the last scrub.
    CHECK_THAT(log.lines[0], Catch::Matches("pcsc: 00 84 00 00 GET CHALLENGE, Lc 0, Le 8, short -> failed after [0-9]+\\.[0-9] ms: card 0010\\*{6}56 was removed"));
}

TEST_CASE("below Debug nothing is traced")
{
    ScriptedChannel card({step(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4}), ResponseApdu(fromHex("01020304"), sw::OK))});
    TracedScript channel(card);
    CapturedLog log(LogLevel::Info);
    CHECK(channel.transmit(CommandApdu(0x00, 0xB0, 0x00, 0x00, std::size_t{4})).data() == fromHex("01020304"));
    card.requireFinished();
    CHECK(log.lines.empty());
}

TEST_CASE("trace descriptions: MSE variants, short file identifiers, unknown instructions")
{
    CHECK(transport::describeCommand(CommandApdu(0x00, 0x22, 0xC1, 0xA4, fromHex("800A04007F00070202040202830102"))) ==
          "00 22 C1 A4 MSE:Set AT, Lc 15, no Le, short");
    CHECK(transport::describeCommand(CommandApdu(0x00, 0x22, 0x41, 0xA6, Bytes(67, 0x04))) == "00 22 41 A6 MSE:Set KAT, Lc 67, no Le, short");
    CHECK(transport::describeCommand(CommandApdu(0x00, 0xB0, 0x9D, 0x00, std::size_t{4})) == "00 B0 9D 00 READ BINARY SFI 0x1D offset 0x00, Lc 0, Le 4, short");
    CHECK(transport::describeCommand(CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("54020100"), 300)) == "00 B1 00 00 READ BINARY, Lc 4, Le 300, extended");
    CHECK(transport::describeCommand(CommandApdu(0x80, 0x50, 0x00, 0x00)) == "80 50 00 00, Lc 0, no Le, short");
    CHECK(transport::describeResponse(ResponseApdu(fromHex("AABB"), StatusWord(0x6104))) == "2 bytes, SW 6104 (more data available)");
}
