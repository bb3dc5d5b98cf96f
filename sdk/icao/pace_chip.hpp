// PACE, chip side (for the virtual card): answers MSE:Set AT and the four GENERAL AUTHENTICATE steps
// with the same computations as the terminal (pace_steps.hpp, key_agreement_group.hpp).
#pragma once

#include "crypto/crypto.hpp"
#include "icao/key_agreement_group.hpp"
#include "icao/pace_protocol.hpp"
#include "icao/secure_messaging.hpp"
#include "lds/security_infos.hpp"
#include "transport/apdu.hpp"

#include <memory>
#include <optional>

namespace cccd::icao {

class PaceResponder {
public:
    /** offered: the PACEInfos of EF.CardAccess. can: the CAN digits; mrzInformation: for the MRZ password. */
    PaceResponder(std::vector<lds::PaceInfo> offered, ByteView can, ByteView mrzInformation, crypto::Random& random);

    ResponseApdu mseSetAt(const CommandApdu& command);
    ResponseApdu generalAuthenticate(const CommandApdu& command);
    /** The secure messaging after a successful mutual authentication (then cleared by the next MSE). */
    std::optional<SecureMessaging>& established() noexcept { return established_; }
    /** Failed mutual authentications since the last success (real chips count and may suspend the CAN). */
    int failures() const noexcept { return failures_; }

private:
    ResponseApdu fail(StatusWord sw);

    std::vector<lds::PaceInfo> offered_;
    SecureBytes can_, mrz_;
    crypto::Random& random_;

    // The run in progress.
    std::optional<lds::PaceInfo> info_;
    PaceAlgorithm algorithm_;
    PacePassword password_ = PacePassword::Can;
    int step_ = 0;
    std::unique_ptr<KeyAgreementGroup> group_, mapped_;
    SecureBytes nonce_, mapKey_, ephemeralKey_, shared_;
    Bytes ephemeralPublic_, terminalPublic_;
    std::optional<SecureMessaging> established_;
    int failures_ = 0;
};

} // namespace cccd::icao
