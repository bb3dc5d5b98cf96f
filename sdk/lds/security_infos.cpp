#include "lds/security_infos.hpp"

#include "cccd/error.hpp"
#include "core/asn1.hpp"

#include <algorithm>

namespace cccd::lds {

namespace {
bool startsWith(const std::string& oid, const std::string& prefix) { return oid.compare(0, prefix.size(), prefix) == 0; }

const std::string idPace = "0.4.0.127.0.7.2.2.4.";
const std::string idCa = "0.4.0.127.0.7.2.2.3.";
const std::string idPk = "0.4.0.127.0.7.2.2.1.";
const std::string idTa = "0.4.0.127.0.7.2.2.2";
const std::string idAa = "2.23.136.1.1.5";

// PACE protocol OIDs have 11 arcs (…4.<mapping>.<cipher>); domain parameter OIDs have 10 (…4.<mapping>).
std::size_t arcCount(const std::string& oid) { return static_cast<std::size_t>(std::count(oid.begin(), oid.end(), '.')) + 1; }

std::optional<std::uint64_t> optionalInteger(TlvReader& items, const std::string& context)
{
    if (auto t = items.nextIf(asn1::INTEGER)) return asn1::decodeUnsigned(*t, context);
    return std::nullopt;
}
} // namespace

SecurityInfos parseSecurityInfos(ByteView data, const std::string& context)
{
    TlvReader top(data, context);
    Tlv set = top.expect(asn1::SET);
    SecurityInfos out;
    TlvReader infos = top.children(set);
    while (!infos.atEnd()) {
        Tlv info = infos.expect(asn1::SEQUENCE);
        TlvReader items = infos.children(info);
        std::string oid = asn1::decodeOid(items.expect(asn1::OBJECT_IDENTIFIER), context);
        if (startsWith(oid, idPace) && arcCount(oid) == 11) {
            PaceInfo p{oid, asn1::decodeUnsigned(items.expect(asn1::INTEGER), context), optionalInteger(items, context)};
            out.pace.push_back(std::move(p));
        } else if (startsWith(oid, idPace) && arcCount(oid) == 10) {
            PaceDomainParameterInfo p{oid, items.expect(asn1::SEQUENCE).encoded.toBytes(), optionalInteger(items, context)};
            out.paceDomainParameters.push_back(std::move(p));
        } else if (startsWith(oid, idCa) && arcCount(oid) == 11) {
            ChipAuthenticationInfo c{oid, asn1::decodeUnsigned(items.expect(asn1::INTEGER), context), optionalInteger(items, context)};
            out.chipAuthentication.push_back(std::move(c));
        } else if (startsWith(oid, idPk)) {
            ChipAuthenticationPublicKeyInfo k{oid, items.expect(asn1::SEQUENCE).encoded.toBytes(), optionalInteger(items, context)};
            out.chipAuthenticationPublicKeys.push_back(std::move(k));
        } else if (oid == idTa) {
            out.terminalAuthentication.push_back({asn1::decodeUnsigned(items.expect(asn1::INTEGER), context)});
        } else if (oid == idAa) {
            ActiveAuthenticationInfo a;
            a.version = asn1::decodeUnsigned(items.expect(asn1::INTEGER), context);
            a.signatureAlgorithm = asn1::decodeOid(items.expect(asn1::OBJECT_IDENTIFIER), context);
            out.activeAuthentication.push_back(std::move(a));
        } else {
            out.unknown.push_back({oid, info.encoded.toBytes()});
        }
    }
    return out;
}

bool announcesCardSecurity(const SecurityInfos& cardAccess)
{
    return std::any_of(cardAccess.pace.begin(), cardAccess.pace.end(), [](const PaceInfo& p) { return startsWith(p.protocol, idPace + "6."); });
}

SecurityInfos parseCardAccess(ByteView file) { return parseSecurityInfos(file, "EF.CardAccess"); }

} // namespace cccd::lds
