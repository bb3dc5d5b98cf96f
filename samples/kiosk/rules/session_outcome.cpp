#include "kiosk/rules/session_outcome.hpp"

#include <utility>

namespace cccd::samples::kiosk {
namespace {

const std::vector<std::pair<Outcome, const char*>>& names()
{
    static const std::vector<std::pair<Outcome, const char*>> table = {
        {Outcome::Verified, "verified"},           {Outcome::FaceMismatch, "face_mismatch"},
        {Outcome::NotLive, "not_live"},            {Outcome::NoFace, "no_face"},
        {Outcome::CardInvalid, "card_invalid"},    {Outcome::CardUnverified, "card_unverified"},
        {Outcome::CardExpired, "card_expired"},
    };
    return table;
}

} // namespace

std::string outcomeName(Outcome outcome)
{
    for (const auto& [value, name] : names()) {
        if (value == outcome) return name;
    }
    return "unknown";
}

std::optional<Outcome> parseOutcome(const std::string& name)
{
    for (const auto& [value, word] : names()) {
        if (name == word) return value;
    }
    return std::nullopt;
}

const std::vector<Outcome>& allOutcomes()
{
    static const std::vector<Outcome> all = [] {
        std::vector<Outcome> list;
        for (const auto& entry : names()) list.push_back(entry.first);
        return list;
    }();
    return all;
}

bool issuesTicket(Outcome outcome)
{
    return outcome == Outcome::Verified;
}

} // namespace cccd::samples::kiosk
