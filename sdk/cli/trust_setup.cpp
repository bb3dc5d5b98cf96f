#include "trust_setup.hpp"

#include <iostream>

namespace cccd::cli {

std::shared_ptr<const TrustStore> loadCommandTrust(const std::vector<std::string>& paths, bool announce)
{
    auto trust = std::make_shared<TrustStore>();
    trust->addDefaultLocation();
    for (const std::string& path : paths) trust->add(path);
    for (const std::string& warning : trust->warnings()) std::cerr << "cccd: warning: " << warning << '\n';
    if (announce && trust->certificateCount() == 0) {
        std::cerr << "cccd: NO TRUSTED CSCA IS INSTALLED: cards can be read but never verified as genuine.\n"
                     "      Run `cccd trust import MASTER-LIST-OR-CSCA` once (e.g. the CSCA of Viet Nam), or pass --trust.\n";
    }
    return trust;
}

} // namespace cccd::cli
