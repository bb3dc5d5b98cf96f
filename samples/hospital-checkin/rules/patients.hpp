// The patient table: found by CCCD number, created on the first visit. Only the fields the medical record needs.
#pragma once

#include "common/database.hpp"

#include <optional>
#include <string>

namespace cccd::samples::hospital {

/** Where a patient's identity came from: the chip (signed data) or only the printed QR on the card face. */
enum class IdentitySource { Chip, QrOnly };

const char* toString(IdentitySource source); ///< "chip" / "qr_only"

/** What the desk keeps about a person: from the chip's DG1+DG13, or from the card-face QR. */
struct PersonData {
    std::string idNumber;                          ///< the 12-digit CCCD number, the health-insurance key
    std::string fullName;
    std::optional<std::string> dateOfBirth;        ///< ISO date
    std::optional<std::string> sex;                ///< M / F
    std::optional<std::string> placeOfResidence;   ///< the medical record's address (and the insurance claim's)
};

struct Patient {
    long long id = 0;
    PersonData person;
    std::string identitySource;
};

std::optional<Patient> findPatient(Database& db, const std::string& idNumber);

/**
 * Finds the patient or creates them. Data read from the chip replaces what is stored (it is signed by the issuer);
 * QR-only data never overwrites a patient already on file, it only creates a new one. Returns the patient and
 * whether they were created.
 */
std::pair<Patient, bool> findOrCreatePatient(Database& db, const PersonData& person, IdentitySource source, const std::string& now);

} // namespace cccd::samples::hospital
