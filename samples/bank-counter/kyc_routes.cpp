#include "bank-counter/kyc_routes.hpp"

#include "bank-counter/kyc/agent_facts.hpp"
#include "bank-counter/kyc/decision.hpp"
#include "common/clock.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace cccd::samples::bank {
namespace {

constexpr int listLimit = 50;

std::string fixed4(double value)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.4f", value);
    return text;
}

std::string joined(const std::vector<Reason>& reasons)
{
    std::string out;
    for (Reason r : reasons) out += (out.empty() ? "" : ",") + toString(r);
    return out;
}

nlohmann::json textOrNull(const DbValue& value)
{
    return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json numberOrNull(const DbValue& value)
{
    return value ? nlohmann::json(std::stod(*value)) : nlohmann::json();
}

// A logged check for the page and the printed record (never the ID's lookup hash).
nlohmann::json checkJson(const DbRow& row)
{
    nlohmann::json reasons = nlohmann::json::array();
    std::stringstream list(row.text("reasons"));
    for (std::string code; std::getline(list, code, ',');) reasons.push_back(code);
    return {{"sequence", row.integer("sequence")},
            {"checked_at", row.text("checked_at")},
            {"counter_id", row.text("counter_id")},
            {"id_masked", row.text("id_masked")},
            {"full_name", row.text("full_name")},
            {"card_verdict", row.text("card_verdict")},
            {"card_expired", row.integer("card_expired") != 0},
            {"face_source", textOrNull(row.at("face_source"))},
            {"face_score", numberOrNull(row.at("face_score"))},
            {"face_threshold", numberOrNull(row.at("face_threshold"))},
            {"liveness", textOrNull(row.at("liveness"))},
            {"liveness_score", numberOrNull(row.at("liveness_score"))},
            {"decision", row.text("decision")},
            {"reasons", reasons},
            {"prev_hash", row.text("prev_hash")},
            {"row_hash", row.text("row_hash")}};
}

nlohmann::json checksJson(const std::vector<DbRow>& rows)
{
    nlohmann::json list = nlohmann::json::array();
    for (const DbRow& row : rows) list.push_back(checkJson(row));
    return {{"checks", list}};
}

std::string faceSourceOf(const nlohmann::json& body)
{
    std::string source = body.value("face_source", "");
    if (source != "agent_camera" && source != "page_camera") throw ApiError{400, "invalid_argument", "face_source must be agent_camera or page_camera"};
    return source;
}

void addFace(NewCheck& check, const FaceFacts& face, const std::string& source)
{
    check.faceSource = source;
    if (!face.problem) {
        check.faceScore = fixed4(face.score);
        check.faceThreshold = fixed4(face.threshold);
    }
    check.liveness = !face.live ? "not_checked" : *face.live ? "live" : "not_live";
    if (face.liveScore) check.livenessScore = fixed4(*face.liveScore);
}

// POST /api/checks: the page forwards what the agent answered; the server applies the rules and logs the check.
nlohmann::json recordCheck(const nlohmann::json& body, AuditLog& log, const IdLookupKey& key, const CounterSettings& counter)
{
    std::string id = requiredIdNumber(body, "id_number");
    NewCheck check;
    check.fullName = requiredText(body, "full_name");
    check.counterId = counter.counterId;
    check.idHash = key.hashOf(id);
    check.idMasked = maskId(id);
    KycDecision decision;
    try {
        CardFacts card = cardFactsFrom(body.value("verification", nlohmann::json()));
        check.cardVerdict = toString(card.verdict);
        check.cardExpired = card.expired;
        std::optional<FaceFacts> face;
        const nlohmann::json& faceAnswer = body.value("face", nlohmann::json());
        if (card.verdict != CardVerdict::Invalid && !faceAnswer.is_null()) { // a forged card gets no face step
            face = faceFactsFrom(faceAnswer);
            addFace(check, *face, faceSourceOf(body));
        }
        decision = decide(card, face);
    } catch (const std::invalid_argument& e) {
        throw ApiError{400, "invalid_argument", e.what()};
    }
    check.decision = toString(decision.decision);
    check.reasons = joined(decision.reasons);
    DbRow row = log.append(check, utcTimestamp());
    logLine("bank-counter", "check #" + row.text("sequence") + " " + check.idMasked + " card " + check.cardVerdict + " -> " + check.decision +
                                " (" + check.reasons + ")");
    return {{"check", checkJson(row)}};
}

long long sequenceOf(const httplib::Request& req)
{
    try {
        return std::stoll(req.matches[1].str());
    } catch (const std::exception&) {
        throw ApiError{404, "not_found", "no such check"};
    }
}

nlohmann::json chainJson(const ChainReport& report)
{
    return {{"intact", report.intact},
            {"checks", report.checks},
            {"head_hash", report.headHash},
            {"broken_at", report.brokenAt ? nlohmann::json(*report.brokenAt) : nlohmann::json()},
            {"problem", report.problem}};
}

} // namespace

void addKycRoutes(SampleServer& server, AuditLog& log, const IdLookupKey& key, const CounterSettings& counter)
{
    server.addConfig({{"counter_id", counter.counterId}, {"bank_name", counter.bankName}});
    server.post("/api/checks", [&log, &key, &counter](const httplib::Request&, const nlohmann::json& body) {
        return recordCheck(body, log, key, counter);
    });
    server.get("/api/checks", [&log](const httplib::Request&, const nlohmann::json&) { return checksJson(log.recent(listLimit)); });
    // The ID number travels in the body, never in a URL that proxies and logs keep.
    server.post("/api/checks/search", [&log, &key](const httplib::Request&, const nlohmann::json& body) {
        return checksJson(log.ofIdHash(key.hashOf(requiredIdNumber(body, "id_number")), listLimit));
    });
    server.get(R"(/api/checks/(\d+))", [&log](const httplib::Request& req, const nlohmann::json&) {
        auto row = log.find(sequenceOf(req));
        if (!row) throw ApiError{404, "not_found", "no check with this number in the audit log"};
        return nlohmann::json{{"check", checkJson(*row)}, {"hash_ok", rowHash(*row) == row->text("row_hash")}};
    });
    server.get("/api/audit", [&server](const httplib::Request&, const nlohmann::json&) { return chainJson(verifyChain(server.db())); });
}

} // namespace cccd::samples::bank
