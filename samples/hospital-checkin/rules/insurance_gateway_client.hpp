// InsuranceLookup over HTTP, against the local simulator of the social-insurance gateway
// (cccd-sample-insurance-simulator). The real gateway has its own protocol and credentials: write an adapter like
// this one for it.
#pragma once

#include "rules/insurance.hpp"

#include <chrono>
#include <string>

namespace cccd::samples::hospital {

class InsuranceGatewayClient : public InsuranceLookup {
public:
    /** baseUrl like "http://127.0.0.1:8811"; connecting and answering are each bounded by timeout. */
    InsuranceGatewayClient(std::string baseUrl, std::chrono::milliseconds timeout);
    InsuranceAnswer lookup(const std::string& idNumber) override;

private:
    std::string baseUrl_;
    std::chrono::milliseconds timeout_;
};

} // namespace cccd::samples::hospital
