#include "virtual_chip.hpp"

#include "cccd/error.hpp"
#include "core/log.hpp"
#include "core/tlv.hpp"
#include "icao/mrz_key.hpp"

#include <chrono>
#include <thread>

namespace cccd::vcard {

namespace {
const Bytes emrtdAid = fromHex("A0000002471001");
constexpr std::uint16_t cardAccessFid = 0x011C;
constexpr std::uint16_t cardSecurityFid = 0x011D; // in the MF; the same FID is EF.SOD inside the application
constexpr std::uint16_t dg3Fid = 0x0103;
constexpr std::size_t largeLe = 224; // beyond this, chips with a small buffer refuse (fault sw-on-large-le)
constexpr std::size_t overlongExtra = 32; // fault overlong-response: bytes beyond Ne
enum Ins : std::uint8_t {
    insSelect = 0xA4, insReadBinary = 0xB0, insReadBinaryOdd = 0xB1, insGetChallenge = 0x84, insExternalAuthenticate = 0x82,
    insMse = 0x22, insGeneralAuthenticate = 0x86, insInternalAuthenticate = 0x88, insGetResponse = 0xC0,
};

// A contactless ISO/IEC 14443-4 card as PC/SC part 3 presents it: 3B 8n 80 01, historical bytes, TCK.
Bytes contactlessAtr()
{
    Bytes atr = fromHex("3B8880010000000000718100"); // T0, TD1, TD2, then 8 historical bytes (Type B style)
    atr[1] = 0x88;
    std::uint8_t tck = 0;
    for (std::size_t i = 1; i < atr.size(); ++i) tck ^= atr[i];
    atr.push_back(tck);
    return atr;
}

// What a PACE Generic Mapping chip computes in each GENERAL AUTHENTICATE step (ICAO 9303-11 §4.4): 1, the
// encrypted nonce: none; 2 (tag 81), mapping: its key pair and the shared point = 2; 3 (tag 83), key
// agreement: the ephemeral key pair and the shared secret = 2; 4 (tag 85), tokens: MACs only.
int pacePublicKeyOperations(const CommandApdu& c)
{
    try {
        Tlv data = parseTlv(c.data(), "GENERAL AUTHENTICATE");
        if (data.value.empty()) return 0;
        return data.value[0] == 0x81 || data.value[0] == 0x83 ? 2 : 0;
    } catch (const Error&) {
        return 0;
    }
}
} // namespace

VirtualChip::VirtualChip(CardImage image, Faults faults, LinkModel link, crypto::Random& random)
    : image_(std::move(image)), faults_(std::move(faults)), link_(link), random_(random),
      chipAuthentication_(image_.chipAuthenticationKey.key.get(), image_.chipAuthenticationKey.protocol), answerFaults_(faults_)
{
    link_.extraLatencyMs = faults_.latencyMs;
    powerOn();
}

Bytes VirtualChip::atr() const { return contactlessAtr(); }

void VirtualChip::powerOn()
{
    endSession();
    applicationSelected_ = false;
    currentFile_.reset();
    if (image_.chip.bac) bac_ = std::make_unique<icao::BacResponder>(image_.mrzKey, random_);
    if (image_.chip.pace) {
        SecureBytes mrzInfo = icao::mrzInformation(image_.mrzKey);
        pace_ = std::make_unique<icao::PaceResponder>(image_.paceInfos, ByteView(reinterpret_cast<const std::uint8_t*>(image_.can.data()), image_.can.size()),
                                                      ByteView(mrzInfo.data(), mrzInfo.size()), random_);
    }
}

void VirtualChip::powerOff() { endSession(); }

void VirtualChip::adopt(std::optional<icao::SecureMessaging>& established, Access access)
{
    if (!established) return;
    sm_.emplace(std::move(*established));
    established.reset();
    access_ = access;
    answerFaults_.sessionStarted();
}

void VirtualChip::endSession()
{
    sm_.reset();
    access_ = Access::None;
}

const Bytes* VirtualChip::fileAt(std::uint16_t fid) const
{
    if (fid == cardAccessFid) return &image_.files.at(cardAccessFid);
    if (!applicationSelected_) return fid == cardSecurityFid && image_.cardSecurity ? &*image_.cardSecurity : nullptr; // the MF's files
    auto it = image_.files.find(fid);
    return it == image_.files.end() ? nullptr : &it->second;
}

std::optional<StatusWord> VirtualChip::refusal(std::uint16_t fid) const
{
    if (!fileAt(fid)) return sw::FILE_NOT_FOUND;
    if (!accessible(fid)) return sw::SECURITY_STATUS_NOT_SATISFIED;
    auto withheld = faults_.withheldDataGroups.find(fid - 0x0100); // data groups are 0101..0110
    if (fid > 0x0100 && fid <= 0x0110 && withheld != faults_.withheldDataGroups.end()) return StatusWord(withheld->second);
    return std::nullopt;
}

bool VirtualChip::accessible(std::uint16_t fid) const
{
    if (fid == cardAccessFid) return true;
    return access_ != Access::None && fid != dg3Fid; // DG3 needs Terminal Authentication, which we never grant
}

Bytes VirtualChip::process(ByteView raw)
{
    const auto start = std::chrono::steady_clock::now();
    ++exchanges_;
    if (faults_.removeAfter && exchanges_ > *faults_.removeAfter) {
        removed_ = true;
        return {};
    }
    if (faults_.muteAfter && exchanges_ > *faults_.muteAfter) {
        muted_ = true;
        return {};
    }
    publicKeyOperations_ = 0;
    Bytes answer;
    try {
        CommandApdu command = CommandApdu::parse(raw);
        std::optional<Bytes> endless = endlessChainingAnswer(command);
        if (endless) {
            answer = std::move(*endless);
        } else if (command.isExtended() && (!image_.chip.extendedLength || faults_.noExtended)) {
            answer = ResponseApdu(sw::WRONG_LENGTH).encode(); // refused before secure messaging
        } else if (sm_ && (command.cla() & 0x0C) == 0x0C) {
            icao::SecureMessaging before = *sm_;
            CommandApdu plain = sm_->unprotectCommand(command);
            ResponseApdu response = dispatch(plain);
            answer = sm_ ? answerFaults_.apply(sm_->protectResponse(response, plain.ins()).encode()) : response.encode();
            bool fits = answer.size() <= command.ne() + 2 || faults_.overlongResponses;
            if (!fits && sm_) { // a short Le cannot carry the protected answer
                sm_.emplace(std::move(before));
                answer = ResponseApdu(sw::WRONG_LENGTH).encode();
            }
            if (auto& next = chipAuthentication_.pending()) { // Chip Authentication: new keys from the next command on
                sm_.emplace(std::move(*next));
                next.reset();
            }
        } else if ((command.cla() & 0x0C) == 0x0C) {
            answer = ResponseApdu(sw::SECURITY_STATUS_NOT_SATISFIED).encode(); // protected, but no session
        } else {
            if (sm_) endSession(); // a plain command ends secure messaging (ICAO 9303-11 §9.8)
            answer = dispatch(command).encode();
        }
    } catch (const icao::SecureMessagingError&) {
        endSession();
        answer = ResponseApdu(sw::SM_DATA_OBJECTS_INCORRECT).encode();
    } catch (const Error&) {
        answer = ResponseApdu(sw::WRONG_LENGTH).encode();
    }
    ExchangeCost cost = link_.cost(raw.size(), answer.size(), publicKeyOperations_);
    if (exchangeObserver_) exchangeObserver_(raw.size(), answer.size(), publicKeyOperations_, cost);
    // The modelled time replaces this process's own computing time rather than adding to it.
    if (cost.ms > 0) std::this_thread::sleep_until(start + std::chrono::microseconds(static_cast<long>(cost.ms * 1000)));
    return answer;
}

std::optional<Bytes> VirtualChip::endlessChainingAnswer(const CommandApdu& c) const
{
    bool reading = c.ins() == insReadBinary || c.ins() == insReadBinaryOdd || c.ins() == insGetResponse;
    if (!faults_.endlessChaining || !reading) return std::nullopt;
    if (*faults_.endlessChaining == 0x61) return ResponseApdu(Bytes(16, 0x00), StatusWord(0x6110)).encode(); // 16 more, forever
    std::uint8_t otherLe = c.ne() == 0x10 ? 0x20 : 0x10; // whatever Le comes, ask for another
    return ResponseApdu(StatusWord(static_cast<std::uint16_t>(0x6C00 | otherLe))).encode();
}

ResponseApdu VirtualChip::dispatch(const CommandApdu& c)
{
    if (observer_) observer_(c);
    switch (c.ins()) {
    case insSelect: return select(c);
    case insReadBinary:
    case insReadBinaryOdd: return readBinary(c);
    case insGetChallenge: return bac_ ? bac_->getChallenge(c) : ResponseApdu(sw::INS_NOT_SUPPORTED);
    case insExternalAuthenticate: {
        if (!bac_) return ResponseApdu(sw::INS_NOT_SUPPORTED);
        ResponseApdu r = bac_->externalAuthenticate(c);
        adopt(bac_->established(), Access::Bac);
        return r;
    }
    case insMse: return mse(c);
    case insGeneralAuthenticate: return generalAuthenticate(c);
    case insInternalAuthenticate:
        if (access_ == Access::None) return ResponseApdu(sw::SECURITY_STATUS_NOT_SATISFIED);
        publicKeyOperations_ = 1;
        return activeAuthenticate(image_.activeAuthenticationKey.get(), c);
    default: return ResponseApdu(sw::INS_NOT_SUPPORTED);
    }
}

ResponseApdu VirtualChip::select(const CommandApdu& c)
{
    if (c.p1() == 0x04) {
        if (c.data() != emrtdAid) return ResponseApdu(sw::FILE_NOT_FOUND);
        applicationSelected_ = true;
        currentFile_.reset();
        return ResponseApdu(sw::OK);
    }
    bool mf = c.data().empty() || c.data() == fromHex("3F00");
    if (mf) return ResponseApdu(sw::INS_NOT_SUPPORTED); // the CCCD quirk: selecting the MF answers 6D00
    if ((c.p1() != 0x00 && c.p1() != 0x02) || c.data().size() != 2) return ResponseApdu(sw::INCORRECT_P1P2);
    auto fid = static_cast<std::uint16_t>(c.data()[0] << 8 | c.data()[1]);
    if (std::optional<StatusWord> refused = refusal(fid)) return ResponseApdu(*refused);
    currentFile_ = fid;
    return ResponseApdu(sw::OK);
}

ResponseApdu VirtualChip::readBinary(const CommandApdu& c)
{
    if (faults_.maxLe && c.ne() > *faults_.maxLe) return ResponseApdu(sw::WRONG_LENGTH);
    if (faults_.swOnLargeLe && c.ne() > largeLe) return ResponseApdu(StatusWord(*faults_.swOnLargeLe));
    if (image_.chip.maxLe < c.ne()) return ResponseApdu(sw::WRONG_LENGTH);
    if (c.ins() == insReadBinaryOdd) {
        if (!currentFile_) return ResponseApdu(sw::CONDITIONS_NOT_SATISFIED);
        try {
            Tlv offset = parseTlv(c.data(), "READ BINARY offset");
            if (offset.tag != 0x54 || offset.value.empty() || offset.value.size() > 3) return ResponseApdu(sw::WRONG_DATA);
            std::size_t at = 0;
            for (std::uint8_t b : offset.value) at = (at << 8) | b;
            return readFrom(*currentFile_, at, c.ne(), true);
        } catch (const Error&) {
            return ResponseApdu(sw::WRONG_DATA);
        }
    }
    if (c.p1() & 0x80) { // short file identifier: selects the file and reads from offset P2
        std::uint8_t sfi = c.p1() & 0x1F;
        auto fid = static_cast<std::uint16_t>(0x0100 | sfi); // eMRTD files: SFI = low byte of the FID
        if (std::optional<StatusWord> refused = refusal(fid)) return ResponseApdu(*refused);
        currentFile_ = fid;
        return readFrom(fid, c.p2(), c.ne(), false);
    }
    if (!currentFile_) return ResponseApdu(sw::CONDITIONS_NOT_SATISFIED);
    return readFrom(*currentFile_, (std::size_t(c.p1()) << 8) | c.p2(), c.ne(), false);
}

ResponseApdu VirtualChip::readFrom(std::uint16_t fid, std::size_t offset, std::size_t ne, bool oddIns)
{
    if (!accessible(fid)) return ResponseApdu(sw::SECURITY_STATUS_NOT_SATISFIED);
    const Bytes* found = fileAt(fid);
    if (!found) return ResponseApdu(sw::FILE_NOT_FOUND);
    const Bytes& file = *found;
    if (offset >= file.size()) return ResponseApdu(sw::WRONG_P1P2);
    std::size_t asked = (ne == 0 ? maxShortNe : ne) + (faults_.overlongResponses ? overlongExtra : 0);
    std::size_t count = std::min(asked, file.size() - offset);
    if (oddIns) { // the DO'53' header counts in Ne (ISO/IEC 7816-4): as many bytes as fit with it
        const std::size_t limit = ne == 0 ? maxShortNe : ne;
        auto wrappedSize = [](std::size_t n) { return n + 2 + (n > 0x7F) + (n > 0xFF); };
        while (count > 0 && wrappedSize(count) > limit) --count;
        if (count == 0) return ResponseApdu(sw::WRONG_LENGTH);
    }
    Bytes data = ByteView(file).sub(offset, count).toBytes();
    return ResponseApdu(oddIns ? encodeTlv(0x53, data) : data, sw::OK);
}

ResponseApdu VirtualChip::mse(const CommandApdu& c)
{
    if (c.p1() == 0xC1 && c.p2() == 0xA4) {
        if (!pace_) return ResponseApdu(sw::REFERENCED_DATA_NOT_FOUND);
        endSession();
        return pace_->mseSetAt(c);
    }
    if (access_ == Access::None || !image_.chip.chipAuthentication) return ResponseApdu(sw::SECURITY_STATUS_NOT_SATISFIED);
    ResponseApdu r = chipAuthentication_.mse(c);
    if (chipAuthentication_.pending()) publicKeyOperations_ = 1;
    return r;
}

ResponseApdu VirtualChip::generalAuthenticate(const CommandApdu& c)
{
    if (access_ != Access::None) { // after access control, GENERAL AUTHENTICATE is Chip Authentication
        if (!image_.chip.chipAuthentication) return ResponseApdu(sw::INS_NOT_SUPPORTED);
        publicKeyOperations_ = 1;
        return chipAuthentication_.generalAuthenticate(c);
    }
    if (!pace_) return ResponseApdu(sw::INS_NOT_SUPPORTED);
    publicKeyOperations_ = pacePublicKeyOperations(c);
    ResponseApdu r = pace_->generalAuthenticate(c);
    adopt(pace_->established(), Access::Pace);
    return r;
}

} // namespace cccd::vcard
