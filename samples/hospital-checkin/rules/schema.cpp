#include "rules/schema.hpp"

namespace cccd::samples::hospital {

const std::vector<Migration>& migrations()
{
    static const std::vector<Migration> all = {
        // The departments a receptionist sends patients to; a hospital edits this table (or adds a migration).
        {1, R"sql(
CREATE TABLE departments (
  id {{id}},
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  room TEXT NOT NULL,
  sort_order INTEGER NOT NULL
);
INSERT INTO departments (code, name_vi, name_en, room, sort_order) VALUES
  ('NOI', 'Khoa Nội', 'Internal medicine', 'Phòng khám 101', 1),
  ('NHI', 'Khoa Nhi', 'Paediatrics', 'Phòng khám 105', 2),
  ('NGOAI', 'Khoa Ngoại', 'Surgery', 'Phòng khám 201', 3),
  ('RHM', 'Răng Hàm Mặt', 'Dental', 'Phòng khám 204', 4);
)sql"},
        // Patients by their CCCD number (the health-insurance key): only what the medical record needs. Never
        // religion, ethnicity, parents, photo. `identity_source` says where the data came from: the chip or,
        // unverified, the card-face QR.
        {2, R"sql(
CREATE TABLE patients (
  id {{id}},
  id_number TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  date_of_birth TEXT,
  sex TEXT,
  place_of_residence TEXT,
  identity_source TEXT NOT NULL,
  created_at {{timestamp}} NOT NULL,
  updated_at {{timestamp}} NOT NULL
);
)sql"},
        // One row per department and day holding the last number given: the upsert on it is the atomic counter.
        {3, R"sql(
CREATE TABLE queue_counters (
  department_id BIGINT NOT NULL REFERENCES departments (id),
  visit_date TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (department_id, visit_date)
);
)sql"},
        // A visit: one per patient, department and day, with its queue number and the insurance answer of that day
        // (the claim is made on it). `verified` is 1 only when the chip read was VALID.
        {4, R"sql(
CREATE TABLE visits (
  id {{id}},
  patient_id BIGINT NOT NULL REFERENCES patients (id),
  department_id BIGINT NOT NULL REFERENCES departments (id),
  visit_date TEXT NOT NULL,
  queue_number INTEGER NOT NULL,
  identity_source TEXT NOT NULL,
  card_verdict TEXT,
  verified INTEGER NOT NULL,
  insurance_status TEXT NOT NULL,
  insurance_card_number TEXT,
  insurance_benefit_percent INTEGER,
  insurance_valid_to TEXT,
  insurance_registered_hospital TEXT,
  insurance_problem TEXT,
  created_at {{timestamp}} NOT NULL,
  UNIQUE (department_id, visit_date, queue_number),
  UNIQUE (patient_id, department_id, visit_date)
);
CREATE INDEX visits_by_day ON visits (visit_date, department_id);
)sql"},
    };
    return all;
}

} // namespace cccd::samples::hospital
