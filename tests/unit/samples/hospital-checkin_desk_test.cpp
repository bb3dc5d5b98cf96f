// The hospital desk's rules: patient found or created, one visit per patient/department/day with its number, the
// repeat patient, the QR-only path marked unverified, a forged card refused, and insurance that never blocks.
#include "hospital-checkin_test_support.hpp"
#include "common/sample_server.hpp"
#include "rules/checkin_desk.hpp"

#include <catch2/catch.hpp>

using namespace cccd::samples;
using namespace cccd::samples::hospital;
using hospital_test::FakeInsurance;
using hospital_test::HospitalDb;

namespace {

std::string day = "2026-03-02";
DeskClock fixedClock() { return {[] { return day; }, [] { return day + "T02:00:00Z"; }}; }

PersonData an() { return {"001090123456", "Nguyễn Văn An", std::string("1990-01-01"), std::string("M"), std::string("Hàng Bạc, Hà Nội")}; }
PersonData ngoc() { return {"079301000123", "Trần Thị Bích Ngọc", std::string("2001-07-23"), std::string("F"), std::nullopt}; }

CheckinRequest chip(long long department, PersonData person, std::string verdict = "VALID")
{
    return {department, IdentitySource::Chip, std::move(verdict), std::move(person)};
}

CheckinRequest qrOnly(long long department, PersonData person)
{
    return {department, IdentitySource::QrOnly, "", std::move(person)};
}

int refusedStatus(CheckinDesk& desk, const CheckinRequest& request, std::string& code)
{
    try {
        desk.checkIn(request);
    } catch (const ApiError& e) {
        code = e.code;
        return e.status;
    }
    return 0;
}

} // namespace

TEST_CASE("hospital desk: the first patient of a department gets 1 and is created, the second gets 2")
{
    HospitalDb h("desk-happy");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    long long internal = h.department("NOI");

    CheckinOutcome first = desk.checkIn(chip(internal, an()));
    CHECK(first.visit.queueNumber == 1);
    CHECK(first.newPatient);
    CHECK_FALSE(first.repeat);
    CHECK(first.visit.verified);
    CHECK(first.visit.identitySource == "chip");
    CHECK(first.department.code == "NOI");
    CheckinOutcome second = desk.checkIn(chip(internal, ngoc()));
    CHECK(second.visit.queueNumber == 2);

    auto rows = h.db->query("SELECT p.full_name AS name, p.sex AS sex, p.place_of_residence AS residence, v.queue_number AS number, "
                            "v.visit_date AS day, v.verified AS verified, v.card_verdict AS verdict "
                            "FROM visits v JOIN patients p ON p.id = v.patient_id ORDER BY v.queue_number");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].text("name") == "Nguyễn Văn An");
    CHECK(rows[0].text("sex") == "M");
    CHECK(rows[0].text("residence") == "Hàng Bạc, Hà Nội");
    CHECK(rows[0].text("day") == day);
    CHECK(rows[0].integer("verified") == 1);
    CHECK(rows[0].text("verdict") == "VALID");
    CHECK(rows[1].integer("number") == 2);
    CHECK_FALSE(rows[1].at("residence").has_value());
}

TEST_CASE("hospital desk: the same patient twice on a day in one department keeps the number, another department is a new visit")
{
    HospitalDb h("desk-repeat");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    long long internal = h.department("NOI"), dental = h.department("RHM");

    desk.checkIn(chip(internal, ngoc()));
    CheckinOutcome first = desk.checkIn(chip(internal, an()));
    CheckinOutcome again = desk.checkIn(chip(internal, an()));
    CHECK(again.repeat);
    CHECK_FALSE(again.newPatient);
    CHECK(again.visit.id == first.visit.id);
    CHECK(again.visit.queueNumber == 2);
    CHECK(insurance.calls == 2); // not asked again for the repeat
    CHECK(h.count("visits") == 2);
    CHECK(h.count("patients") == 2);

    CheckinOutcome dentalVisit = desk.checkIn(chip(dental, an()));
    CHECK_FALSE(dentalVisit.repeat);
    CHECK(dentalVisit.visit.queueNumber == 1);
    CHECK(h.count("visits") == 3);
    CHECK(h.count("patients") == 2);

    day = "2026-03-03";
    CheckinOutcome tomorrow = desk.checkIn(chip(internal, an()));
    day = "2026-03-02";
    CHECK_FALSE(tomorrow.repeat);
    CHECK(tomorrow.visit.queueNumber == 1);
    CHECK(h.count("visits") == 4);
}

TEST_CASE("hospital desk: a forged or cloned card registers nothing")
{
    HospitalDb h("desk-forged");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    std::string code;
    CHECK(refusedStatus(desk, chip(h.department("NOI"), an(), "INVALID"), code) == 422);
    CHECK(code == "card_invalid");
    CHECK(h.count("patients") == 0);
    CHECK(h.count("visits") == 0);
    CHECK(insurance.calls == 0);
    CHECK(refusedStatus(desk, chip(h.department("NOI"), an(), "MAYBE"), code) == 400);
    CHECK(refusedStatus(desk, chip(9999, an()), code) == 404);
    CHECK(code == "unknown_department");
    CHECK(h.count("visits") == 0);
}

TEST_CASE("hospital desk: QR only is registered unverified, never overwrites a patient's chip data, and a later VALID read verifies it")
{
    HospitalDb h("desk-qr");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    long long internal = h.department("NOI"), surgery = h.department("NGOAI");

    CheckinOutcome qr = desk.checkIn(qrOnly(internal, ngoc()));
    CHECK_FALSE(qr.visit.verified);
    CHECK(qr.visit.identitySource == "qr_only");
    CHECK_FALSE(qr.visit.cardVerdict.has_value());
    auto row = h.db->query("SELECT verified, identity_source, card_verdict FROM visits WHERE id = ?", {std::to_string(qr.visit.id)}).at(0);
    CHECK(row.integer("verified") == 0);
    CHECK(row.text("identity_source") == "qr_only");
    CHECK(h.db->query("SELECT identity_source FROM patients").at(0).text("identity_source") == "qr_only");

    CheckinOutcome confirmed = desk.checkIn(chip(internal, ngoc()));
    CHECK(confirmed.repeat);
    CHECK(confirmed.visit.id == qr.visit.id);
    CHECK(confirmed.visit.verified);
    row = h.db->query("SELECT verified, identity_source, card_verdict FROM visits WHERE id = ?", {std::to_string(qr.visit.id)}).at(0);
    CHECK(row.integer("verified") == 1);
    CHECK(row.text("card_verdict") == "VALID");

    // The chip's data stays: a QR typed later with another spelling does not change the record.
    PersonData misspelt = ngoc();
    misspelt.fullName = "Tran Thi Bich Ngoc";
    CheckinOutcome surgeryVisit = desk.checkIn(qrOnly(surgery, misspelt));
    CHECK_FALSE(surgeryVisit.visit.verified);
    CHECK(h.db->query("SELECT full_name FROM patients").at(0).text("full_name") == "Trần Thị Bích Ngọc");
}

TEST_CASE("hospital desk: an UNVERIFIED chip read is registered but not marked verified")
{
    HospitalDb h("desk-unverified");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    CheckinOutcome outcome = desk.checkIn(chip(h.department("NHI"), an(), "UNVERIFIED"));
    CHECK_FALSE(outcome.visit.verified);
    CHECK(outcome.visit.cardVerdict == std::optional<std::string>("UNVERIFIED"));
    CHECK(h.count("visits") == 1);
}

TEST_CASE("hospital desk: insurance answers are stored with the visit, a gateway failure never stops the check-in")
{
    HospitalDb h("desk-insurance");
    FakeInsurance insurance;
    CheckinDesk desk(*h.db, insurance, fixedClock());
    long long internal = h.department("NOI");

    insurance.answer = {InsuranceStatus::Valid, "DN4010190123456", 80, "2099-12-31", "Bệnh viện Đa khoa Mẫu"};
    CheckinOutcome valid = desk.checkIn(chip(internal, an()));
    CHECK(valid.visit.insurance.status == "valid");
    auto row = h.db->query("SELECT * FROM visits WHERE id = ?", {std::to_string(valid.visit.id)}).at(0);
    CHECK(row.text("insurance_status") == "valid");
    CHECK(row.text("insurance_card_number") == "DN4010190123456");
    CHECK(row.integer("insurance_benefit_percent") == 80);
    CHECK(row.text("insurance_valid_to") == "2099-12-31");
    CHECK(row.text("insurance_registered_hospital") == "Bệnh viện Đa khoa Mẫu");
    CHECK_FALSE(row.at("insurance_problem").has_value());

    SECTION("the gateway times out: registered, insurance unchecked (timeout)")
    {
        insurance.failWith = "timeout";
        CheckinOutcome outcome = desk.checkIn(chip(internal, ngoc()));
        CHECK(outcome.visit.queueNumber == 2);
        CHECK(outcome.visit.insurance.status == "unchecked");
        CHECK(outcome.visit.insurance.problem == "timeout");
        row = h.db->query("SELECT * FROM visits WHERE id = ?", {std::to_string(outcome.visit.id)}).at(0);
        CHECK(row.text("insurance_status") == "unchecked");
        CHECK(row.text("insurance_problem") == "timeout");
        CHECK_FALSE(row.at("insurance_card_number").has_value());
    }
    SECTION("the gateway is down or fails: registered, insurance unchecked with the reason")
    {
        for (const char* reason : {"unreachable", "error"}) {
            insurance.failWith = reason;
            long long department = std::string(reason) == "error" ? h.department("NGOAI") : h.department("NHI");
            CheckinOutcome outcome = desk.checkIn(chip(department, ngoc()));
            CHECK(outcome.visit.insurance.status == "unchecked");
            CHECK(outcome.visit.insurance.problem == reason);
        }
        CHECK(h.count("visits") == 3);
    }
    SECTION("no record: registered as not_found (self-pay); an expired card is kept as expired")
    {
        insurance.answer = {InsuranceStatus::NotFound, "", std::nullopt, "", ""};
        CheckinOutcome none = desk.checkIn(chip(internal, ngoc()));
        CHECK(none.visit.insurance.status == "not_found");
        CHECK(none.visit.insurance.problem.empty());
        insurance.answer = {InsuranceStatus::Expired, "SV4797930100012", 80, "2024-12-31", "Trạm Y tế"};
        CheckinOutcome expired = desk.checkIn(chip(h.department("RHM"), ngoc()));
        CHECK(expired.visit.insurance.status == "expired");
        CHECK(expired.visit.insurance.validTo == "2024-12-31");
        CHECK(h.count("visits") == 3);
    }
}
