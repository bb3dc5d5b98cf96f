// The virtual CCCD chip: an APDU dispatcher over the card image with the card's access rules, secure
// messaging, BAC, PACE, Chip and Active Authentication, its quirks (SELECT MF answers 6D00) and the
// fault modes. Driven by VpcdLink, or directly by tests.
#pragma once

#include "answer_faults.hpp"
#include "card_image.hpp"
#include "chip_auth.hpp"
#include "faults.hpp"
#include "icao/bac.hpp"
#include "icao/pace_chip.hpp"
#include "link_model.hpp"
#include "vpcd_link.hpp"

#include <functional>
#include <memory>
#include <optional>

namespace cccd::vcard {

class VirtualChip : public CardBehaviour {
public:
    VirtualChip(CardImage image, Faults faults, LinkModel link, crypto::Random& random);

    Bytes atr() const override;
    void powerOn() override;
    void powerOff() override;
    /** One APDU in, one answer out (data + SW). Delays by the link model before returning. */
    Bytes process(ByteView apdu) override;
    bool removed() const override { return removed_; }
    bool muted() const override { return muted_; }

    int exchanges() const noexcept { return exchanges_; }
    /** Called with every command as the chip sees it (unwrapped from secure messaging): for a trace of what was asked. */
    void onCommand(std::function<void(const CommandApdu&)> observer) { observer_ = std::move(observer); }
    /** Called after every exchange with its sizes (as on the wire), public-key operations and modelled cost. */
    void onExchange(std::function<void(std::size_t commandBytes, std::size_t responseBytes, int pkOperations, const ExchangeCost&)> observer)
    {
        exchangeObserver_ = std::move(observer);
    }

private:
    enum class Access { None, Bac, Pace };

    ResponseApdu dispatch(const CommandApdu& c);
    ResponseApdu select(const CommandApdu& c);
    ResponseApdu readBinary(const CommandApdu& c);
    ResponseApdu readFrom(std::uint16_t fid, std::size_t offset, std::size_t ne, bool oddIns);
    ResponseApdu mse(const CommandApdu& c);
    ResponseApdu generalAuthenticate(const CommandApdu& c);
    bool accessible(std::uint16_t fid) const;
    /** The file with this FID in the current DF (the MF until the application is selected), or null. */
    const Bytes* fileAt(std::uint16_t fid) const;
    /** Why a file cannot be selected or read now (6A82, 6982), or nothing. */
    std::optional<StatusWord> refusal(std::uint16_t fid) const;
    /** Takes the secure messaging a BAC or PACE responder established. */
    void adopt(std::optional<icao::SecureMessaging>& established, Access access);
    void endSession();
    /** Fault chain:61|6C: the answer to a READ BINARY or GET RESPONSE that never completes. */
    std::optional<Bytes> endlessChainingAnswer(const CommandApdu& c) const;

    CardImage image_;
    Faults faults_;
    LinkModel link_;
    crypto::Random& random_;
    std::unique_ptr<icao::BacResponder> bac_;
    std::unique_ptr<icao::PaceResponder> pace_;
    ChipAuthenticationResponder chipAuthentication_;
    std::optional<icao::SecureMessaging> sm_;
    Access access_ = Access::None;
    bool applicationSelected_ = false;
    std::optional<std::uint16_t> currentFile_;
    int exchanges_ = 0;
    int publicKeyOperations_ = 0;
    bool removed_ = false;
    bool muted_ = false;
    ProtectedAnswerFaults answerFaults_;
    std::function<void(const CommandApdu&)> observer_;
    std::function<void(std::size_t, std::size_t, int, const ExchangeCost&)> exchangeObserver_;
};

} // namespace cccd::vcard
