#include "read_summary.hpp"

#include "verification_text.hpp"

namespace cccd::cli {

namespace {
std::string show(const std::optional<std::string>& v) { return v ? *v : "-"; }
} // namespace

void printSummary(std::ostream& out, const ReadResult& r, std::size_t trustedCscas)
{
    const Document& d = r.document;
    printVerification(out, r.verification, trustedCscas);
    out << '\n'
        << "Reader:        " << r.reader << "\n"
        << "Access:        " << r.access.protocol << " with " << r.access.key << ", secure messaging " << r.access.secureMessaging << "\n"
        << "ID number:     " << show(d.idNumber) << "\n"
        << "Old ID:        " << show(d.oldIdNumber) << "\n"
        << "Full name:     " << show(d.fullName) << "\n"
        << "Date of birth: " << show(d.dateOfBirth) << "   Sex: " << show(d.sex) << "\n"
        << "Nationality:   " << show(d.nationality) << "   Ethnicity: " << show(d.ethnicity) << "   Religion: " << show(d.religion) << "\n"
        << "Origin:        " << show(d.placeOfOrigin) << "\n"
        << "Residence:     " << show(d.placeOfResidence) << "\n"
        << "Issued:        " << show(d.dateOfIssue) << "   Expires: " << (d.dateOfExpiry ? *d.dateOfExpiry : "no expiry") << "\n"
        << "Father:        " << show(d.fatherName) << "\n"
        << "Mother:        " << show(d.motherName) << "\n"
        << "Spouse:        " << show(d.spouseName) << "\n";
    if (r.face) out << "Face:          " << r.face->format << " " << r.face->width << "x" << r.face->height << ", " << r.face->data.size() << " bytes\n";
    out << "Read in " << static_cast<int>(r.timing.total) << " ms with " << r.apduCount << " APDUs\n";
}

} // namespace cccd::cli
