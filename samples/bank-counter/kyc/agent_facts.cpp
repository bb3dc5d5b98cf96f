#include "bank-counter/kyc/agent_facts.hpp"

#include <stdexcept>

namespace cccd::samples::bank {
namespace {

bool failed(const nlohmann::json& verification, const char* check)
{
    auto it = verification.find(check);
    return it != verification.end() && it->is_object() && it->value("status", "") == "FAILED";
}

double number(const nlohmann::json& answer, const char* field)
{
    auto it = answer.find(field);
    if (it == answer.end() || !it->is_number()) throw std::invalid_argument(std::string("face.") + field + " must be a number");
    return it->get<double>();
}

} // namespace

CardFacts cardFactsFrom(const nlohmann::json& verification)
{
    if (!verification.is_object() || !verification.contains("overall") || !verification["overall"].is_string()) {
        throw std::invalid_argument("verification must be the agent's verification object (with overall)");
    }
    auto verdict = cardVerdictFrom(verification["overall"].get<std::string>());
    if (!verdict) throw std::invalid_argument("verification.overall must be VALID, UNVERIFIED or INVALID");
    CardFacts facts;
    facts.verdict = *verdict;
    if (*verdict == CardVerdict::Invalid) { // the order the clerk's page explains them in
        if (failed(verification, "passive_authentication")) {
            facts.failed = FailedCheck::PassiveAuthentication;
        } else if (failed(verification, "consistency")) {
            facts.failed = FailedCheck::Consistency;
        } else if (failed(verification, "chip_authentication") || failed(verification, "active_authentication")) {
            facts.failed = FailedCheck::CloneCheck;
        }
    }
    auto expiry = verification.find("expiry");
    facts.expired = expiry != verification.end() && expiry->is_object() && expiry->value("status", "") == "EXPIRED";
    return facts;
}

FaceFacts faceFactsFrom(const nlohmann::json& answer)
{
    if (!answer.is_object() || !answer.contains("match") || !answer["match"].is_boolean()) {
        throw std::invalid_argument("face must be the agent's face-match answer (with match)");
    }
    FaceFacts facts;
    facts.match = answer["match"].get<bool>();
    auto problem = answer.find("problem");
    if (problem != answer.end() && problem->is_string() && !problem->get<std::string>().empty()) facts.problem = problem->get<std::string>();
    if (!facts.problem) { // an unusable face has no meaningful score
        facts.score = number(answer, "score");
        facts.threshold = number(answer, "threshold");
    }
    auto liveness = answer.find("liveness");
    if (liveness != answer.end() && liveness->is_object()) {
        if (!liveness->contains("live") || !(*liveness)["live"].is_boolean()) throw std::invalid_argument("face.liveness.live must be true or false");
        facts.live = (*liveness)["live"].get<bool>();
        if ((*liveness).contains("score") && (*liveness)["score"].is_number()) facts.liveScore = (*liveness)["score"].get<double>();
    }
    return facts;
}

} // namespace cccd::samples::bank
