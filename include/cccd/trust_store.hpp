// The trust anchors of passive authentication: CSCA certificates (DER or PEM), CMS master lists (whose
// own signature is verified) and CRLs. Nothing is trusted unless it was added; the virtual card's test
// CSCA is no exception.
#pragma once

#include <cstddef>
#include <memory>
#include <string>

namespace cccd {

class TrustStore {
public:
    TrustStore();
    ~TrustStore();
    TrustStore(TrustStore&&) noexcept;
    TrustStore& operator=(TrustStore&&) noexcept;

    /** Adds a certificate, a master list or a CRL, or every such file in a folder. Returns the number of
     *  CSCA certificates added. Throws Error (NotFound, MalformedData) naming the file. */
    std::size_t add(const std::string& path);

    /** $XDG_DATA_HOME/cccd/trust, else ~/.local/share/cccd/trust (what `cccd trust import` fills). */
    static std::string defaultLocation();
    /** Adds the default location when it exists. */
    void addDefaultLocation();

    std::size_t certificateCount() const noexcept;
    std::size_t crlCount() const noexcept;
    /** Number of distinct countries (C= of the subjects). */
    std::size_t countryCount() const;

    struct Impl;
    const Impl& impl() const noexcept { return *impl_; }

private:
    std::unique_ptr<Impl> impl_;
};

} // namespace cccd
