#include "bank-counter/kyc/kyc_schema.hpp"

namespace cccd::samples::bank {

const std::string genesisHash(64, '0');

namespace {

// Values are text (a face score as "0.8123", never a float that might print differently when read back): the
// hash of a row is computed over exactly what is stored.
const std::string tables = R"(
CREATE TABLE kyc_checks (
  sequence BIGINT PRIMARY KEY,
  checked_at {{timestamp}} NOT NULL,
  counter_id TEXT NOT NULL,
  id_hash TEXT NOT NULL,
  id_masked TEXT NOT NULL,
  full_name TEXT NOT NULL,
  card_verdict TEXT NOT NULL,
  card_expired INTEGER NOT NULL,
  face_source TEXT,
  face_score TEXT,
  face_threshold TEXT,
  liveness TEXT,
  liveness_score TEXT,
  decision TEXT NOT NULL,
  reasons TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  row_hash TEXT NOT NULL UNIQUE
);
CREATE INDEX kyc_checks_by_id_hash ON kyc_checks (id_hash);
CREATE TABLE kyc_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_sequence BIGINT NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO kyc_chain_head (id, last_sequence, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
)";

// Append-only in the database itself, not just in the server: no UPDATE or DELETE of a logged check, and the head
// only moves forward one check at a time. (A database administrator can still drop these triggers: that is what
// the hash chain is for.)
const std::string sqliteGuards = R"(
CREATE TRIGGER kyc_checks_no_update BEFORE UPDATE ON kyc_checks
BEGIN SELECT RAISE(ABORT, 'kyc_checks is append-only: a logged check is never changed'); END;
CREATE TRIGGER kyc_checks_no_delete BEFORE DELETE ON kyc_checks
BEGIN SELECT RAISE(ABORT, 'kyc_checks is append-only: a logged check is never deleted'); END;
CREATE TRIGGER kyc_chain_head_forward BEFORE UPDATE ON kyc_chain_head
WHEN NEW.last_sequence <> OLD.last_sequence + 1 OR NEW.id <> OLD.id
BEGIN SELECT RAISE(ABORT, 'kyc_chain_head only moves forward by one check'); END;
CREATE TRIGGER kyc_chain_head_no_delete BEFORE DELETE ON kyc_chain_head
BEGIN SELECT RAISE(ABORT, 'kyc_chain_head is never deleted'); END;
)";

const std::string postgresGuards = R"(
CREATE FUNCTION kyc_checks_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'kyc_checks is append-only: % of a logged check refused', TG_OP;
END $$;
CREATE TRIGGER kyc_checks_no_update_delete BEFORE UPDATE OR DELETE ON kyc_checks
  FOR EACH ROW EXECUTE FUNCTION kyc_checks_refuse_change();
CREATE TRIGGER kyc_checks_no_truncate BEFORE TRUNCATE ON kyc_checks
  FOR EACH STATEMENT EXECUTE FUNCTION kyc_checks_refuse_change();
CREATE FUNCTION kyc_chain_head_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.last_sequence <> OLD.last_sequence + 1 OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'kyc_chain_head only moves forward by one check (% refused)', TG_OP;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER kyc_chain_head_forward BEFORE UPDATE OR DELETE ON kyc_chain_head
  FOR EACH ROW EXECUTE FUNCTION kyc_chain_head_forward();
CREATE TRIGGER kyc_chain_head_no_truncate BEFORE TRUNCATE ON kyc_chain_head
  FOR EACH STATEMENT EXECUTE FUNCTION kyc_checks_refuse_change();
)";

} // namespace

std::vector<Migration> kycMigrations(DbDialect dialect)
{
    return {{1, tables}, {2, dialect == DbDialect::Postgres ? postgresGuards : sqliteGuards}};
}

} // namespace cccd::samples::bank
