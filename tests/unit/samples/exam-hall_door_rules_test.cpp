// The door's rules: ADMIT only for a genuine card of this room's roster, not yet admitted, with a live matching
// face; every other case refers to the supervisor with its reasons, most serious first.
#include "exam-hall/rules/door_rules.hpp"

#include <catch2/catch.hpp>

using namespace cccd::samples::exam;

namespace {

DoorFacts admissible()
{
    DoorFacts f;
    f.place = {RosterPlace::Where::ThisRoom, "P.101", "07"};
    f.cardVerdict = "VALID";
    f.face.compared = true;
    f.face.match = true;
    f.face.score = 0.82;
    f.face.live = true;
    return f;
}

std::vector<std::string> codes(const DoorDecision& d)
{
    std::vector<std::string> out;
    for (const ReferReason& r : d.reasons) out.push_back(r.code);
    return out;
}

} // namespace

TEST_CASE("exam-hall door: genuine card, this room's roster, live matching face: ADMIT")
{
    DoorDecision d = decide(admissible());
    CHECK(d.admit);
    CHECK(decisionWord(d) == "ADMIT");
    CHECK(d.level == "ok");
    CHECK(d.reasons.empty());
}

TEST_CASE("exam-hall door: each failed condition alone refers, with its reason and colour")
{
    struct Case {
        const char* what;
        void (*change)(DoorFacts&);
        const char* code;
        const char* level;
    };
    const Case cases[] = {
        {"not on the roster", [](DoorFacts& f) { f.place = {}; }, "not_on_roster", "warn"},
        {"another room", [](DoorFacts& f) { f.place = {RosterPlace::Where::OtherRoom, "P.102", "03"}; }, "other_room", "warn"},
        {"forged or cloned", [](DoorFacts& f) { f.cardVerdict = "INVALID"; }, "card_invalid", "bad"},
        {"not verified", [](DoorFacts& f) { f.cardVerdict = "UNVERIFIED"; }, "card_unverified", "warn"},
        {"another face", [](DoorFacts& f) { f.face.match = false; }, "face_mismatch", "bad"},
        {"not live", [](DoorFacts& f) { f.face.live = false; }, "not_live", "warn"},
        {"liveness not measured", [](DoorFacts& f) { f.face.live.reset(); }, "not_live", "warn"},
        {"face skipped", [](DoorFacts& f) { f.face = {}; }, "face_not_checked", "warn"},
        {"admitted before", [](DoorFacts& f) { f.alreadyAdmitted = PriorAdmission{"P.101", "2026-06-27T00:05:00Z"}; }, "already_admitted", "bad"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        DoorFacts facts = admissible();
        c.change(facts);
        DoorDecision d = decide(facts);
        CHECK_FALSE(d.admit);
        CHECK(decisionWord(d) == "REFER");
        CHECK(codes(d) == std::vector<std::string>{c.code});
        CHECK(d.level == std::string(c.level));
    }
}

TEST_CASE("exam-hall door: another room's candidate is told which room and seat")
{
    DoorFacts f = admissible();
    f.place = {RosterPlace::Where::OtherRoom, "P.102", "03"};
    DoorDecision d = decide(f);
    REQUIRE(d.reasons.size() == 1);
    CHECK(d.reasons[0].room == "P.102");
    CHECK(d.reasons[0].seat == "03");
}

TEST_CASE("exam-hall door: the same card again names the first admission, and every reason is kept, most serious first")
{
    DoorFacts f = admissible();
    f.alreadyAdmitted = PriorAdmission{"P.101", "2026-06-27T00:05:00Z"};
    f.cardVerdict = "INVALID";
    f.face.match = false;
    f.face.live = false;
    f.place = {};
    DoorDecision d = decide(f);
    CHECK(codes(d) == std::vector<std::string>{"card_invalid", "already_admitted", "not_on_roster", "face_mismatch", "not_live"});
    CHECK(d.reasons[1].room == "P.101");
    CHECK(d.reasons[1].at == "2026-06-27T00:05:00Z");
    CHECK(d.level == "bad");
}

TEST_CASE("exam-hall door: a verdict the rules do not know is not taken as VALID")
{
    DoorFacts f = admissible();
    f.cardVerdict = "";
    CHECK(codes(decide(f)) == std::vector<std::string>{"card_unverified"});
}
