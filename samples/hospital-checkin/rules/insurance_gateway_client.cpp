#include "rules/insurance_gateway_client.hpp"

#include <httplib.h>
#include <nlohmann/json.hpp>

namespace cccd::samples::hospital {
namespace {

InsuranceStatus statusFrom(const std::string& text)
{
    if (text == "valid") return InsuranceStatus::Valid;
    if (text == "expired") return InsuranceStatus::Expired;
    if (text == "not_found") return InsuranceStatus::NotFound;
    throw InsuranceUnavailable("error", "the gateway answered an unknown status");
}

std::string textField(const nlohmann::json& body, const char* name)
{
    auto it = body.find(name);
    return it != body.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

InsuranceGatewayClient::InsuranceGatewayClient(std::string baseUrl, std::chrono::milliseconds timeout)
    : baseUrl_(std::move(baseUrl)), timeout_(timeout)
{
}

InsuranceAnswer InsuranceGatewayClient::lookup(const std::string& idNumber)
{
    httplib::Client client(baseUrl_);
    auto seconds = [](std::chrono::milliseconds ms) { return std::make_pair(ms.count() / 1000, (ms.count() % 1000) * 1000); };
    auto [s, us] = seconds(timeout_);
    client.set_connection_timeout(s, us);
    client.set_read_timeout(s, us);
    client.set_write_timeout(s, us);
    // The number goes in the body, not the URL, so that it never lands in an access log.
    auto started = std::chrono::steady_clock::now();
    auto result = client.Post("/v1/insurance-cards/lookup", nlohmann::json{{"id_number", idNumber}}.dump(), "application/json");
    if (!result) {
        bool late = std::chrono::steady_clock::now() - started >= timeout_ || result.error() == httplib::Error::ConnectionTimeout;
        if (late) throw InsuranceUnavailable("timeout", "the insurance gateway did not answer within " + std::to_string(timeout_.count()) + " ms");
        throw InsuranceUnavailable("unreachable", "the insurance gateway cannot be reached: " + httplib::to_string(result.error()));
    }
    if (result->status == 404) return InsuranceAnswer{InsuranceStatus::NotFound, "", std::nullopt, "", ""};
    if (result->status != 200) throw InsuranceUnavailable("error", "the insurance gateway answered HTTP " + std::to_string(result->status));
    auto body = nlohmann::json::parse(result->body, nullptr, false);
    if (!body.is_object() || !body.contains("status") || !body["status"].is_string()) {
        throw InsuranceUnavailable("error", "the insurance gateway's answer is not the expected JSON");
    }
    InsuranceAnswer answer;
    answer.status = statusFrom(body["status"].get<std::string>());
    answer.cardNumber = textField(body, "card_number");
    if (body.contains("benefit_percent") && body["benefit_percent"].is_number_integer()) answer.benefitPercent = body["benefit_percent"].get<int>();
    answer.validTo = textField(body, "valid_to");
    answer.registeredHospital = textField(body, "registered_hospital");
    return answer;
}

} // namespace cccd::samples::hospital
