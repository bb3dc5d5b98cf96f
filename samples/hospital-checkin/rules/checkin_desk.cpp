#include "rules/checkin_desk.hpp"

#include "common/sample_server.hpp"
#include "rules/queue_numbers.hpp"
#include "rules/schema.hpp"

namespace cccd::samples::hospital {
namespace {

void checkEvidence(const CheckinRequest& request)
{
    if (request.person.fullName.empty()) throw ApiError{400, "invalid_argument", "the patient's name is missing"};
    if (request.source == IdentitySource::QrOnly) {
        if (!request.cardVerdict.empty()) throw ApiError{400, "invalid_argument", "a QR-only check-in has no chip verdict"};
        return;
    }
    if (request.cardVerdict == "INVALID") {
        // A forged or cloned card is not an identity: the supervisor decides, the desk registers nothing on it.
        logLine(appName, "check-in refused: card " + maskId(request.person.idNumber) + " is INVALID (forged or cloned)");
        throw ApiError{422, "card_invalid", "the card is forged or cloned: no visit is registered on it. Keep the card and call the supervisor."};
    }
    if (request.cardVerdict != "VALID" && request.cardVerdict != "UNVERIFIED") {
        throw ApiError{400, "invalid_argument", "card_verdict must be VALID, UNVERIFIED or INVALID"};
    }
}

} // namespace

CheckinDesk::CheckinDesk(Database& db, InsuranceLookup& insurance, DeskClock clock) : db_(db), insurance_(insurance), clock_(std::move(clock))
{
}

CheckinOutcome CheckinDesk::checkIn(const CheckinRequest& request)
{
    checkEvidence(request);
    std::optional<Department> department = findDepartment(db_, request.departmentId);
    if (!department) throw ApiError{404, "unknown_department", "no such department"};
    const std::string today = clock_.today();

    // A patient already registered here today gets their number again, without asking the gateway.
    if (std::optional<Patient> known = findPatient(db_, request.person.idNumber)) {
        if (auto again = todaysVisit(*known, *department, request, today)) return *again;
    }
    // Never hold a transaction open while waiting on the network: ask the gateway first.
    InsuranceRecord insurance = askInsurance(request.person.idNumber);
    try {
        return registerVisit(request, *department, insurance, today);
    } catch (const DatabaseError&) {
        // Another counter registered the same new patient or visit at the same moment (a unique key refused ours):
        // then it is today's visit; anything else is a real database failure.
        if (std::optional<Patient> known = findPatient(db_, request.person.idNumber)) {
            if (auto again = todaysVisit(*known, *department, request, today)) return *again;
        }
        throw;
    }
}

InsuranceRecord CheckinDesk::askInsurance(const std::string& idNumber)
{
    InsuranceRecord record;
    try {
        InsuranceAnswer answer = insurance_.lookup(idNumber);
        record.status = toString(answer.status);
        record.cardNumber = answer.cardNumber;
        record.benefitPercent = answer.benefitPercent;
        record.validTo = answer.validTo;
        record.registeredHospital = answer.registeredHospital;
    } catch (const InsuranceUnavailable& e) {
        logLine(appName, "insurance for " + maskId(idNumber) + " not checked (" + e.reason() + "): " + e.what());
        record.status = "unchecked";
        record.problem = e.reason();
    }
    return record;
}

std::optional<CheckinOutcome> CheckinDesk::todaysVisit(const Patient& patient, const Department& department, const CheckinRequest& request,
                                                       const std::string& today)
{
    std::optional<Visit> visit = findVisitOfDay(db_, patient.id, department.id, today);
    if (!visit) return std::nullopt;
    if (!visit->verified && request.source == IdentitySource::Chip && request.cardVerdict == "VALID") {
        // Registered on the QR alone earlier; the chip now proves the card: the visit is verified from here on.
        markVisitVerified(db_, visit->id, request.cardVerdict);
        visit->verified = true;
        visit->identitySource = toString(IdentitySource::Chip);
        visit->cardVerdict = request.cardVerdict;
    }
    return CheckinOutcome{*visit, department, patient, false, true};
}

CheckinOutcome CheckinDesk::registerVisit(const CheckinRequest& request, const Department& department, const InsuranceRecord& insurance,
                                          const std::string& today)
{
    CheckinOutcome outcome;
    db_.transaction([&] {
        const std::string now = clock_.now();
        auto [patient, created] = findOrCreatePatient(db_, request.person, request.source, now);
        if (auto again = todaysVisit(patient, department, request, today)) {
            outcome = *again;
            return;
        }
        Visit visit;
        visit.patientId = patient.id;
        visit.departmentId = department.id;
        visit.visitDate = today;
        visit.queueNumber = takeQueueNumber(db_, department.id, today);
        visit.identitySource = toString(request.source);
        if (!request.cardVerdict.empty()) visit.cardVerdict = request.cardVerdict;
        visit.verified = request.source == IdentitySource::Chip && request.cardVerdict == "VALID";
        visit.insurance = insurance;
        outcome = CheckinOutcome{insertVisit(db_, visit, now), department, patient, created, false};
    });
    logLine(appName, std::string(outcome.repeat ? "already registered today: " : "visit registered: ") + department.code + " number " +
                         std::to_string(outcome.visit.queueNumber) + ", " + maskId(request.person.idNumber) + ", " +
                         (outcome.visit.verified ? "verified" : "unverified") + ", insurance " + outcome.visit.insurance.status);
    return outcome;
}

} // namespace cccd::samples::hospital
