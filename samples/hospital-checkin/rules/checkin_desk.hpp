// The reception desk's rules: who may be registered on what evidence, the patient found or created, one visit per
// patient, department and day with its queue number, and insurance that never blocks a check-in.
#pragma once

#include "common/clock.hpp"
#include "common/database.hpp"
#include "rules/departments.hpp"
#include "rules/insurance.hpp"
#include "rules/patients.hpp"
#include "rules/visits.hpp"

#include <functional>
#include <optional>
#include <string>

namespace cccd::samples::hospital {

struct CheckinRequest {
    long long departmentId = 0;
    IdentitySource source = IdentitySource::Chip;
    std::string cardVerdict; ///< the chip read's overall verdict: VALID / UNVERIFIED / INVALID ("" for QR only)
    PersonData person;
};

struct CheckinOutcome {
    Visit visit;
    Department department;
    Patient patient;
    bool newPatient = false;
    bool repeat = false; ///< already registered today in this department: the same visit and number, nothing new
};

/** The day and the time stamp, replaceable in tests. */
struct DeskClock {
    std::function<std::string()> today = localDate;
    std::function<std::string()> now = utcTimestamp;
};

class CheckinDesk {
public:
    CheckinDesk(Database& db, InsuranceLookup& insurance, DeskClock clock = {});

    /**
     * Registers the visit or finds today's. Throws ApiError: 404 unknown_department, 400 invalid_argument, and
     * 422 card_invalid for a forged or cloned card (nothing is stored: see the README). The insurance gateway's
     * failures never stop a check-in: the visit is stored as "unchecked" with the reason.
     */
    CheckinOutcome checkIn(const CheckinRequest& request);

private:
    InsuranceRecord askInsurance(const std::string& idNumber);
    std::optional<CheckinOutcome> todaysVisit(const Patient& patient, const Department& department, const CheckinRequest& request,
                                              const std::string& today);
    CheckinOutcome registerVisit(const CheckinRequest& request, const Department& department, const InsuranceRecord& insurance,
                                 const std::string& today);

    Database& db_;
    InsuranceLookup& insurance_;
    DeskClock clock_;
};

} // namespace cccd::samples::hospital
