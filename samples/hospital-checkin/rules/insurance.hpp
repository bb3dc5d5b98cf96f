// Health-insurance (BHYT) status by CCCD number. The desk depends on this interface only: the sample's
// implementation calls the local simulator of the social-insurance (BHXH) gateway; a hospital plugs in its own
// adapter to the real gateway behind the same two calls.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace cccd::samples::hospital {

enum class InsuranceStatus { Valid, Expired, NotFound };

const char* toString(InsuranceStatus status); ///< "valid" / "expired" / "not_found"

/** The gateway's answer. The card's fields are empty for NotFound. */
struct InsuranceAnswer {
    InsuranceStatus status = InsuranceStatus::NotFound;
    std::string cardNumber;           ///< the BHYT card number, e.g. "GD4010123456789"
    std::optional<int> benefitPercent; ///< the share the fund pays: 80, 95, 100
    std::string validTo;              ///< ISO date
    std::string registeredHospital;   ///< the hospital of first registration (KCB ban đầu)
};

/** The gateway did not answer in time or answered with an error; `reason()` is "timeout", "unreachable" or "error". */
class InsuranceUnavailable : public std::runtime_error {
public:
    InsuranceUnavailable(std::string reason, const std::string& detail) : std::runtime_error(detail), reason_(std::move(reason)) {}
    const std::string& reason() const { return reason_; }

private:
    std::string reason_;
};

class InsuranceLookup {
public:
    virtual ~InsuranceLookup() = default;
    /** The status of the person's insurance; throws InsuranceUnavailable (within the configured timeout). */
    virtual InsuranceAnswer lookup(const std::string& idNumber) = 0;
};

} // namespace cccd::samples::hospital
