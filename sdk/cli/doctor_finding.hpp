// `cccd doctor`: what the SDK uses on this machine (models, pcscd, readers, BLAS, trust), what is missing, the fix.
// Each area has its own file (doctor_*.cpp); cmd_doctor.cpp prints what they find.
#pragma once

#include <string>
#include <vector>

namespace cccd::cli {

enum class DoctorLevel {
    Ok,      ///< in use and working
    Warning, ///< works, but slower or with less (no liveness, HOG detection, a slow BLAS)
    Problem, ///< a read, a verification or a face match cannot be done as it should
};

struct DoctorFinding {
    std::string area; ///< "models", "pcscd", "readers", "blas", "trust"
    DoctorLevel level = DoctorLevel::Ok;
    std::string text; ///< what is used, or what is missing and what that means
    std::string fix;  ///< the command or step that fixes it (empty when Ok)
};

using DoctorFindings = std::vector<DoctorFinding>;

/** Every face model: where it was found (SHA-256 checked), or what its absence costs. folder: --models, or "". */
DoctorFindings checkModels(const std::string& folder);
/** pcscd (installed, running, its socket), the readers it sees with their known quirks, the CCID driver. */
DoctorFindings checkCardStack();
/** The BLAS library dlib computes face descriptors with (the libblas.so.3 alternative loaded in this process). */
DoctorFindings checkBlas();
/** The CSCAs trusted by default (`cccd trust import`) and in the paths given (--trust). */
DoctorFindings checkTrust(const std::vector<std::string>& trustPaths);

} // namespace cccd::cli
