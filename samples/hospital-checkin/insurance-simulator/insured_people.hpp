// The simulator's data: insurance cards by CCCD number, from a JSON file, and their status on a given day.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>

namespace cccd::samples::simulator {

class InsuredPeople {
public:
    /** Reads {"cards": [{"id_number", "card_number", "benefit_percent", "valid_from", "valid_to", "registered_hospital"}]}. */
    static InsuredPeople fromFile(const std::string& path);

    /** The gateway's answer for this person on `today` (ISO date): status valid/expired and the card, or nothing. */
    std::optional<nlohmann::json> lookup(const std::string& idNumber, const std::string& today) const;

    std::size_t size() const { return cards_.size(); }

private:
    std::map<std::string, nlohmann::json> cards_;
};

} // namespace cccd::samples::simulator
