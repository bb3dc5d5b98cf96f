#include "rules/insurance.hpp"

namespace cccd::samples::hospital {

const char* toString(InsuranceStatus status)
{
    switch (status) {
    case InsuranceStatus::Valid: return "valid";
    case InsuranceStatus::Expired: return "expired";
    case InsuranceStatus::NotFound: break;
    }
    return "not_found";
}

} // namespace cccd::samples::hospital
