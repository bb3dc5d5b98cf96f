#include "exam-hall/rules/schema.hpp"

#include "common/migrations.hpp"

namespace cccd::samples::exam {
namespace {

const std::vector<Migration> migrations = {
    {1, R"sql(
CREATE TABLE exam_sessions (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  created_at {{timestamp}} NOT NULL
);
CREATE TABLE candidates (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES exam_sessions (id) ON DELETE CASCADE,
  id_number TEXT NOT NULL,
  full_name TEXT NOT NULL,
  room TEXT NOT NULL,
  seat TEXT NOT NULL,
  updated_at {{timestamp}} NOT NULL,
  UNIQUE (session_id, id_number)
);
CREATE INDEX candidates_by_room ON candidates (session_id, room);
CREATE TABLE door_checks (
  id {{id}},
  session_id BIGINT NOT NULL REFERENCES exam_sessions (id) ON DELETE CASCADE,
  room TEXT NOT NULL,
  id_number TEXT NOT NULL,
  seat TEXT,
  decision TEXT NOT NULL,
  reasons TEXT NOT NULL,
  card_verdict TEXT NOT NULL,
  face_score DOUBLE PRECISION,
  seconds DOUBLE PRECISION,
  key_via TEXT,
  checked_at {{timestamp}} NOT NULL
);
CREATE INDEX door_checks_by_room ON door_checks (session_id, room, checked_at);
-- One ADMIT per candidate and session, even with two doors checking the same card at the same moment.
CREATE UNIQUE INDEX door_checks_one_admission ON door_checks (session_id, id_number) WHERE decision = 'ADMIT';
)sql"},
};

} // namespace

void migrateExamHall(Database& db)
{
    migrate(db, "exam-hall", migrations);
}

} // namespace cccd::samples::exam
