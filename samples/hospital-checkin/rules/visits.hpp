// Visits: one per patient, department and day, with the queue number and that day's insurance answer.
#pragma once

#include "common/database.hpp"
#include "rules/departments.hpp"
#include "rules/patients.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::hospital {

/** The insurance as the desk recorded it for this visit. */
struct InsuranceRecord {
    std::string status;               ///< valid / expired / not_found / unchecked (the gateway did not answer)
    std::string cardNumber;
    std::optional<int> benefitPercent;
    std::string validTo;
    std::string registeredHospital;
    std::string problem;              ///< for unchecked: timeout / unreachable / error
};

struct Visit {
    long long id = 0;
    long long patientId = 0;
    long long departmentId = 0;
    std::string visitDate;            ///< the local day, YYYY-MM-DD
    long long queueNumber = 0;
    std::string identitySource;       ///< chip / qr_only
    std::optional<std::string> cardVerdict; ///< VALID / UNVERIFIED for chip reads, none for QR only
    bool verified = false;            ///< the chip read was VALID
    InsuranceRecord insurance;
    std::string createdAt;            ///< UTC ISO 8601
};

/** A visit with its patient and department, for the slip and today's queue. */
struct VisitDetails {
    Visit visit;
    PersonData patient;
    Department department;
};

std::optional<Visit> findVisitOfDay(Database& db, long long patientId, long long departmentId, const std::string& visitDate);

/** Stores a visit (visit.id and createdAt are set on the returned copy). */
Visit insertVisit(Database& db, Visit visit, const std::string& now);

/** A QR-only visit confirmed later by a VALID chip read of the same patient the same day. */
void markVisitVerified(Database& db, long long visitId, const std::string& cardVerdict);

std::optional<VisitDetails> visitDetails(Database& db, long long visitId);

/** The department's visits of the day, in queue order. */
std::vector<VisitDetails> visitsOfDay(Database& db, long long departmentId, const std::string& visitDate);

} // namespace cccd::samples::hospital
