// The bank counter's tables. kyc_checks is the audit log: one row per check, never changed, chained by hashes.
// kyc_chain_head holds the last link: an append locks it, so two counters writing at once cannot fork the chain,
// and it remembers how long the log was (a deleted last row is noticed).
#pragma once

#include "common/migrations.hpp"

#include <string>
#include <vector>

namespace cccd::samples::bank {

/** The hash before the first check: 64 zeros. */
extern const std::string genesisHash;

/** The migrations: the tables (portable SQL), then the triggers that refuse UPDATE and DELETE (per dialect). */
std::vector<Migration> kycMigrations(DbDialect dialect);

} // namespace cccd::samples::bank
