// The other files of the virtual chip, built from the profile: EF.COM, DG2 (ISO/IEC 19794-5 around the
// JPEG), DG13 (Vietnamese structure), DG14, DG15 and EF.CardAccess.
#pragma once

#include "cccd/document.hpp"
#include "core/bytes.hpp"

#include <optional>
#include <string>
#include <vector>

namespace cccd::vcard {

/** EF.COM listing these data groups. */
Bytes encodeEfCom(const std::vector<int>& dataGroups);
Bytes encodeDg2(const Bytes& jpeg);
/** DG2 around any image: the record's image type (JPEG or JPEG 2000) and size are as given, true or not. */
Bytes encodeDg2Image(const Bytes& image, bool jpeg2000, int width, int height);
Bytes encodeDg13(const Document& document);
/** EF.CardAccess: PACEInfo (ECDH-GM-AES-128, brainpoolP256r1), ChipAuthenticationInfo (ECDH), TerminalAuthenticationInfo. */
/** EF.CardAccess: PACEInfo when pace (and one for PACE-CAM when offerCam), the ChipAuthenticationInfo of caProtocol
 *  when given, a TA info. */
Bytes encodeCardAccess(bool pace, const std::optional<std::string>& caProtocol, bool offerCam = false);
/** DG14: the CA public key (SubjectPublicKeyInfo DER) with the CA protocol it runs (id-CA-DH-* or id-CA-ECDH-*)
 *  and, for ECDSA Active Authentication, its algorithm. */
Bytes encodeDg14(const Bytes& chipAuthenticationKey, const std::string& caProtocol, bool activeAuthenticationEcdsa);
/** DG15: the AA public key (SubjectPublicKeyInfo DER). */
Bytes encodeDg15(const Bytes& activeAuthenticationKey);

/** Width and height from a JPEG's SOF marker; zero if not found. */
std::pair<int, int> jpegSize(const Bytes& jpeg);

inline const std::string paceProtocol = "0.4.0.127.0.7.2.2.4.2.2";      // id-PACE-ECDH-GM-AES-CBC-CMAC-128
inline const std::string caEcdhProtocol = "0.4.0.127.0.7.2.2.3.2.2";    // id-CA-ECDH-AES-CBC-CMAC-128
inline const std::string caDhProtocol = "0.4.0.127.0.7.2.2.3.1.2";      // id-CA-DH-AES-CBC-CMAC-128
inline constexpr int paceParameterId = 13;                               // brainpoolP256r1
inline const std::string paceCamProtocol = "0.4.0.127.0.7.2.2.4.6.2";   // id-PACE-ECDH-CAM-AES-CBC-CMAC-128 (offered, not run)

} // namespace cccd::vcard
