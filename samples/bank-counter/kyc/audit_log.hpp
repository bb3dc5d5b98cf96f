// The append-only, hash-chained log of KYC checks (table kyc_checks). Each row holds the hash of the row before it
// and its own hash: SHA-256 over the row's canonical form, which includes that previous hash. Editing, deleting or
// reordering a row breaks the chain from that row on, and verifyChain says where and how.
//
// Canonical form: a JSON object of the chained columns below as strings (NULL as null), keys sorted, no spaces,
// non-ASCII as \uXXXX escapes. Anyone can recompute it from the table, without any secret of the server.
#pragma once

#include "common/database.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::samples::bank {

/** What a check adds to the log; the log gives it its sequence number, its time and its hashes. */
struct NewCheck {
    std::string counterId;
    std::string idHash;   ///< IdLookupKey::hashOf(id number)
    std::string idMasked; ///< 0010******56
    std::string fullName;
    std::string cardVerdict; ///< VALID | UNVERIFIED | INVALID
    bool cardExpired = false;
    DbValue faceSource;      ///< agent_camera | page_camera | NULL (no face check)
    DbValue faceScore;       ///< "0.8123"
    DbValue faceThreshold;
    DbValue liveness;        ///< live | not_live | not_checked | NULL
    DbValue livenessScore;
    std::string decision;    ///< APPROVED | REFER | REJECTED
    std::string reasons;     ///< reason codes, comma-separated, the gravest first
};

/** The columns a row's hash covers, in the table's order (row_hash itself is not one of them). */
const std::vector<std::string>& chainedColumns();

/** SHA-256 of the canonical form of a row given as the values of chainedColumns(), in that order. */
std::string rowHash(const std::vector<DbValue>& chainedValues);

/** The hash a stored row should have, recomputed from its columns. */
std::string rowHash(const DbRow& row);

class AuditLog {
public:
    explicit AuditLog(Database& db) : db_(db) {}

    /** Appends a check at time checkedAt. One transaction holds the chain's head (FOR UPDATE on PostgreSQL, the
     *  write lock of BEGIN IMMEDIATE on SQLite), so appends from many counters form one chain. Returns the row. */
    DbRow append(const NewCheck& check, const std::string& checkedAt);

    std::optional<DbRow> find(long long sequence);
    /** The latest checks, newest first. */
    std::vector<DbRow> recent(int limit);
    /** The checks of one ID number (by its lookup hash), newest first. */
    std::vector<DbRow> ofIdHash(const std::string& idHash, int limit);

private:
    Database& db_;
};

/** The verdict on the whole log. */
struct ChainReport {
    bool intact = true;
    long long checks = 0;              ///< rows in the log
    std::string headHash;              ///< the last row's hash (genesisHash when empty)
    std::optional<long long> brokenAt; ///< the first sequence number where the chain breaks
    std::string problem;               ///< what is wrong there, in words
};

/** Walks the chain from the first check to the head. */
ChainReport verifyChain(Database& db);

} // namespace cccd::samples::bank
