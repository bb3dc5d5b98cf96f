#include "bank-counter/kyc/audit_log.hpp"

#include "bank-counter/kyc/digest.hpp"
#include "bank-counter/kyc/kyc_schema.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace cccd::samples::bank {
namespace {

std::string columnList()
{
    std::string list;
    for (const std::string& column : chainedColumns()) list += column + ", ";
    return list + "row_hash";
}

std::string placeholders(std::size_t count)
{
    std::string list;
    for (std::size_t i = 0; i < count; ++i) list += i ? ", ?" : "?";
    return list;
}

std::vector<DbValue> chainedValues(const DbRow& row)
{
    std::vector<DbValue> values;
    for (const std::string& column : chainedColumns()) values.push_back(row.at(column));
    return values;
}

std::string selectChecks()
{
    return "SELECT " + columnList() + " FROM kyc_checks ";
}

std::string number(long long n)
{
    return "#" + std::to_string(n);
}

// A row whose sequence number was swapped with another's still hashes right under its first number: find it.
std::optional<long long> writtenAs(const DbRow& row, const std::vector<long long>& sequences)
{
    std::vector<DbValue> values = chainedValues(row);
    for (long long candidate : sequences) {
        values[0] = std::to_string(candidate);
        if (candidate != row.integer("sequence") && rowHash(values) == row.text("row_hash")) return candidate;
    }
    return std::nullopt;
}

} // namespace

const std::vector<std::string>& chainedColumns()
{
    static const std::vector<std::string> columns = {
        "sequence", "checked_at", "counter_id", "id_hash", "id_masked", "full_name", "card_verdict", "card_expired", "face_source",
        "face_score", "face_threshold", "liveness", "liveness_score", "decision", "reasons", "prev_hash"};
    return columns;
}

std::string rowHash(const std::vector<DbValue>& values)
{
    nlohmann::json canonical = nlohmann::json::object(); // std::map inside: keys sorted
    for (std::size_t i = 0; i < chainedColumns().size(); ++i) {
        canonical[chainedColumns()[i]] = i < values.size() && values[i] ? nlohmann::json(*values[i]) : nlohmann::json();
    }
    return sha256Hex(canonical.dump(-1, ' ', true));
}

std::string rowHash(const DbRow& row)
{
    return rowHash(chainedValues(row));
}

DbRow AuditLog::append(const NewCheck& c, const std::string& checkedAt)
{
    std::optional<DbRow> stored;
    db_.transaction([&] {
        // The head row is the chain's lock: a second counter waits here until this append commits, then reads the
        // head this one wrote. SQLite has no FOR UPDATE; its BEGIN IMMEDIATE already holds the database's write lock.
        std::string lock = db_.dialect() == DbDialect::Postgres ? " FOR UPDATE" : "";
        auto head = db_.query("SELECT last_sequence, last_hash FROM kyc_chain_head WHERE id = 1" + lock);
        if (head.empty()) throw DatabaseError("the audit log's head row (kyc_chain_head) is missing: run verify-log");
        std::string sequence = std::to_string(head[0].integer("last_sequence") + 1);
        std::vector<DbValue> values = {sequence,      checkedAt,        c.counterId,      c.idHash,        c.idMasked,
                                       c.fullName,    c.cardVerdict,    std::string(c.cardExpired ? "1" : "0"),
                                       c.faceSource,  c.faceScore,      c.faceThreshold,  c.liveness,      c.livenessScore,
                                       c.decision,    c.reasons,        head[0].text("last_hash")};
        std::string hash = rowHash(values);
        DbParams params = values;
        params.push_back(hash);
        auto rows = db_.query("INSERT INTO kyc_checks (" + columnList() + ") VALUES (" + placeholders(params.size()) + ") RETURNING " +
                                  columnList(),
                              params);
        db_.query("UPDATE kyc_chain_head SET last_sequence = ?, last_hash = ? WHERE id = 1", {sequence, hash});
        stored = rows.at(0);
    });
    return *stored;
}

std::optional<DbRow> AuditLog::find(long long sequence)
{
    auto rows = db_.query(selectChecks() + "WHERE sequence = ?", {std::to_string(sequence)});
    if (rows.empty()) return std::nullopt;
    return rows[0];
}

std::vector<DbRow> AuditLog::recent(int limit)
{
    return db_.query(selectChecks() + "ORDER BY sequence DESC LIMIT ?", {std::to_string(limit)});
}

std::vector<DbRow> AuditLog::ofIdHash(const std::string& idHash, int limit)
{
    return db_.query(selectChecks() + "WHERE id_hash = ? ORDER BY sequence DESC LIMIT ?", {idHash, std::to_string(limit)});
}

ChainReport verifyChain(Database& db)
{
    auto rows = db.query(selectChecks() + "ORDER BY sequence");
    auto head = db.query("SELECT last_sequence, last_hash FROM kyc_chain_head WHERE id = 1");
    ChainReport report;
    report.checks = static_cast<long long>(rows.size());
    auto broken = [&report](long long at, const std::string& problem) {
        report.intact = false;
        report.brokenAt = at;
        report.problem = problem;
        return report;
    };

    std::unordered_map<std::string, long long> sequenceOfHash;
    std::vector<long long> sequences;
    for (const DbRow& row : rows) {
        sequenceOfHash[row.text("row_hash")] = row.integer("sequence");
        sequences.push_back(row.integer("sequence"));
    }

    long long expected = 1;
    std::string previous = genesisHash;
    for (const DbRow& row : rows) {
        long long sequence = row.integer("sequence");
        if (sequence < expected) return broken(sequence, "check " + number(sequence) + " has a number the server never gives");
        if (sequence > expected) {
            return broken(expected, sequence == expected + 1 ? "check " + number(expected) + " is missing: it was deleted"
                                                             : "checks " + number(expected) + " to " + number(sequence - 1) +
                                                                   " are missing: they were deleted");
        }
        if (rowHash(row) != row.text("row_hash")) {
            if (auto original = writtenAs(row, sequences)) {
                return broken(sequence, "check " + number(sequence) + " holds the entry written as check " + number(*original) +
                                            ": the rows were reordered");
            }
            return broken(sequence, "check " + number(sequence) + " was edited: its content no longer matches its hash");
        }
        const std::string& link = row.text("prev_hash");
        if (link != previous) {
            auto before = sequenceOfHash.find(link);
            if (before != sequenceOfHash.end()) {
                return broken(sequence, "check " + number(sequence) + " was written after check " + number(before->second) + ", not after " +
                                            number(sequence - 1) + ": the rows were reordered");
            }
            return broken(sequence, sequence == 1 ? "check #1 does not start the chain: earlier checks were deleted"
                                                  : "check " + number(sequence) + " does not follow check " + number(sequence - 1) + ": check " +
                                                        number(sequence - 1) + " was replaced (edited and its hash recomputed)");
        }
        previous = row.text("row_hash");
        expected = sequence + 1;
    }
    report.headHash = previous;

    long long last = expected - 1;
    if (head.empty()) return broken(last + 1, "the chain's head (kyc_chain_head) was deleted");
    long long headSequence = head[0].integer("last_sequence");
    if (headSequence > last) {
        return broken(last + 1, headSequence == last + 1
                                    ? "check " + number(last + 1) + ", the last one, is missing: it was deleted"
                                    : "checks " + number(last + 1) + " to " + number(headSequence) + ", the last ones, are missing: they were deleted");
    }
    if (headSequence < last) {
        return broken(headSequence + 1, "check " + number(headSequence + 1) + " lies beyond the chain's head (" + number(headSequence) +
                                            "): it was not written by the server");
    }
    if (head[0].text("last_hash") != previous) {
        return broken(last, "check " + number(last) + " is not the one the chain's head recorded: it was replaced");
    }
    return report;
}

} // namespace cccd::samples::bank
