// The trust anchors of passive authentication: CSCA certificates (DER or PEM), CMS master lists (whose
// own signature is verified) and CRLs. Nothing is trusted unless it was added; the virtual card's test
// CSCA is no exception. Only CA certificates become anchors; a CRL counts only when its CSCA signed it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cccd {

/** What one file added to a TrustStore. */
struct TrustSource {
    std::string path;             ///< the file
    std::string kind;             ///< "certificate", "master list", "CRL" or "PEM bundle"
    std::string signer;           ///< master list: the subject of the certificate that signed it
    std::string signerSha256;     ///< master list: SHA-256 of that certificate (lower-case hex)
    std::size_t certificates = 0; ///< CA certificates added (duplicates of ones already held are not counted)
    std::size_t crls = 0;         ///< CRLs added
    std::size_t skipped = 0;      ///< certificates refused because they are not CA certificates
};

/** The CSCAs (and CRLs) passive authentication trusts. Load it once and share it between reads (ReadOptions::trust). */
class TrustStore {
public:
    TrustStore();
    ~TrustStore();
    /// Moves the anchors; the moved-from object may only be destroyed or assigned to.
    ///@{
    TrustStore(TrustStore&&) noexcept;
    TrustStore& operator=(TrustStore&&) noexcept;
    ///@}

    /** Adds a CA certificate, a PEM bundle (certificates and CRLs), a master list or a CRL, or every such
     *  file in a folder. Returns the number of CSCA certificates added. A file given by name that is missing or
     *  is not trust material (e.g. a certificate that is not a CA certificate, a master list whose signature
     *  fails) throws Error(InvalidArgument) naming it; in a folder, such files are skipped (see warnings()). */
    std::size_t add(const std::string& path);
    /** Called for each file add() accepted, with the very bytes it checked (files of a folder it skipped are not). */
    using AcceptedFile = std::function<void(const std::string& path, const std::vector<std::uint8_t>& bytes)>;
    /** add(path), telling onAccepted about each file accepted: what `cccd trust import` copies, so that nothing is read twice. */
    std::size_t add(const std::string& path, const AcceptedFile& onAccepted);

    /** $XDG_DATA_HOME/cccd/trust, else ~/.local/share/cccd/trust (what `cccd trust import` fills). */
    static std::string defaultLocation();
    /** Adds the default location when it exists. */
    void addDefaultLocation();

    std::size_t certificateCount() const noexcept; ///< CSCA certificates held
    std::size_t crlCount() const noexcept;         ///< CRLs held
    /** Number of distinct countries (C= of the subjects). */
    std::size_t countryCount() const;
    /** Every file added, in order. */
    const std::vector<TrustSource>& sources() const noexcept;
    /** Files of folders that were skipped, each with the reason ("trust: … is not a CA certificate … (skipped)"). */
    const std::vector<std::string>& warnings() const noexcept;

    struct Impl;
    const Impl& impl() const noexcept { return *impl_; } ///< for the SDK's own layers, not part of the API

private:
    std::size_t addFolder(const std::string& path, const AcceptedFile& onAccepted);
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd
