#include "reading/document_files.hpp"

#include "lds/dg1.hpp"
#include "vn/document_builder.hpp"

namespace cccd::reading {

bool mayHoldVietnameseDg13(const std::optional<lds::Mrz>& mrz) { return !mrz || mrz->issuingState == "VNM"; }

DocumentFiles parseDocumentFiles(const std::map<std::string, Bytes>& files)
{
    DocumentFiles out;
    out.mrz = parseIfPresent(files, "DG1", out.problems, [](ByteView b) { return lds::parseDg1(b); });
    if (mayHoldVietnameseDg13(out.mrz)) out.dg13 = parseIfPresent(files, "DG13", out.problems, [](ByteView b) { return lds::parseDg13(b); });
    out.document = vn::buildDocument(out.mrz, out.dg13);
    return out;
}

} // namespace cccd::reading
