// The bank counter's HTTP API: record a check (the server decides and logs it), list and find checks, one check
// for the printed record, and the state of the audit log's chain.
#pragma once

#include "bank-counter/kyc/audit_log.hpp"
#include "bank-counter/kyc/id_lookup_key.hpp"
#include "common/sample_server.hpp"

#include <string>

namespace cccd::samples::bank {

struct CounterSettings {
    std::string counterId = "QUAY-01";
    std::string bankName = "Ngân hàng TMCP Mẫu";
};

void addKycRoutes(SampleServer& server, AuditLog& log, const IdLookupKey& key, const CounterSettings& counter);

} // namespace cccd::samples::bank
