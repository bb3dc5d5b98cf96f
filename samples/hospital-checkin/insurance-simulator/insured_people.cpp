#include "insured_people.hpp"

#include "common/small_file.hpp"

#include <stdexcept>

namespace cccd::samples::simulator {

namespace {
// The simulator's people are a demo's handful; a data file past this is not one.
constexpr std::size_t maxDataBytes = 16u << 20;
}

InsuredPeople InsuredPeople::fromFile(const std::string& path)
{
    nlohmann::json data = nlohmann::json::parse(readSmallFile(path, maxDataBytes), nullptr, false);
    if (data.is_discarded() || !data.contains("cards") || !data["cards"].is_array()) {
        throw std::runtime_error(path + " is not {\"cards\": [...]} JSON");
    }
    InsuredPeople people;
    for (const nlohmann::json& card : data["cards"]) {
        if (!card.contains("id_number") || !card["id_number"].is_string() || !card.contains("valid_to") || !card["valid_to"].is_string()) {
            throw std::runtime_error(path + ": every card needs id_number and valid_to");
        }
        people.cards_[card["id_number"].get<std::string>()] = card;
    }
    return people;
}

std::optional<nlohmann::json> InsuredPeople::lookup(const std::string& idNumber, const std::string& today) const
{
    auto it = cards_.find(idNumber);
    if (it == cards_.end()) return std::nullopt;
    nlohmann::json answer = it->second;
    answer.erase("id_number"); // the caller knows it; the answer carries no more than needed
    answer["status"] = answer["valid_to"].get<std::string>() < today ? "expired" : "valid"; // ISO dates compare as text
    return answer;
}

} // namespace cccd::samples::simulator
