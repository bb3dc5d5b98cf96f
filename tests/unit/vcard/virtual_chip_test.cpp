// The virtual chip driven directly (no sockets): access rules, file reading, quirks, personalization.
#include "card_image.hpp"
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "crypto/crypto.hpp"
#include "hostile_files.hpp"
#include "icao/pace.hpp"
#include "icao/secure_channel.hpp"
#include "lds/dg1.hpp"
#include "lds/dg13_vn.hpp"
#include "lds/dg2.hpp"
#include "lds/ef_com.hpp"
#include "lds/security_infos.hpp"
#include "lds/sod.hpp"
#include "mrz_encoder.hpp"
#include "test_pki.hpp"
#include "vcard_harness.hpp"
#include "virtual_chip.hpp"

#include <catch2/catch.hpp>
#include <openssl/cms.h>
#include <openssl/x509.h>

using namespace cccd;
using namespace cccd::vcard;

namespace {
using namespace cccd::vcard::harness;

StatusWord swOf(VirtualChip& chip, const char* hex) { return ResponseApdu::parse(chip.process(fromHex(hex))).sw(); }
} // namespace

TEST_CASE("the CCCD quirks: SELECT MF is 6D00, EF.CardAccess is clear, the rest needs access")
{
    VirtualChip chip(image(), {}, {}, crypto::systemRandom());
    CHECK(swOf(chip, "00A4000C023F00") == sw::INS_NOT_SUPPORTED);
    CHECK(swOf(chip, "00A4000C") == sw::INS_NOT_SUPPORTED);
    ResponseApdu cardAccess = ResponseApdu::parse(chip.process(fromHex("00B09C0000")));
    CHECK(cardAccess.isSuccess());
    CHECK_FALSE(lds::parseCardAccess(cardAccess.data()).pace.empty());
    CHECK(swOf(chip, "00B0810000") == sw::FILE_NOT_FOUND); // before selecting the application
    CHECK(swOf(chip, "00A4040C07A0000002471001") == sw::OK);
    CHECK(swOf(chip, "00B0810000") == sw::SECURITY_STATUS_NOT_SATISFIED);
    CHECK(swOf(chip, "00A4020C020101") == sw::SECURITY_STATUS_NOT_SATISFIED);
    CHECK(swOf(chip, "00A4040C07A0000002471002") == sw::FILE_NOT_FOUND);
    CHECK(swOf(chip, "00840000") != sw::OK); // GET CHALLENGE needs Le 8
    CHECK(swOf(chip, "00FF0000") == sw::INS_NOT_SUPPORTED);
    CHECK(swOf(chip, "0CB0810000") == sw::SECURITY_STATUS_NOT_SATISFIED); // protected without a session
    CHECK(swOf(chip, "00B0") == sw::WRONG_LENGTH);                       // not an APDU
}

TEST_CASE("after PACE: files by SFI, by FID with offsets, B1, DG3 refused, absent files 6A82")
{
    CardImage card = image();
    Bytes dg1 = card.files.at(0x0101), dg2 = card.files.at(0x0102);
    std::string can = card.can;
    VirtualChip chip(std::move(card), {}, {}, crypto::systemRandom());
    Direct direct(chip);
    icao::SecureChannel sc(direct, paceWithCan(direct, can));
    CHECK(sc.transmit(CommandApdu(0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001"))).isSuccess());
    CHECK(sc.transmit(CommandApdu(0x00, 0xB0, 0x81, 0x00, std::size_t{65536})).data() == dg1);
    CHECK(sc.transmit(CommandApdu(0x00, 0xB0, 0x83, 0x00, std::size_t{256})).sw() == sw::SECURITY_STATUS_NOT_SATISFIED);
    CHECK(sc.transmit(CommandApdu(0x00, 0xB0, 0x8B, 0x00, std::size_t{256})).sw() == sw::FILE_NOT_FOUND);
    CHECK(sc.transmit(CommandApdu(0x00, 0xA4, 0x02, 0x0C, fromHex("0102"))).isSuccess());
    CHECK(sc.transmit(CommandApdu(0x00, 0xB0, 0x01, 0x00, std::size_t{16})).data() == ByteView(dg2).sub(256, 16).toBytes());
    Bytes odd = sc.transmit(CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("54020100"), std::size_t{20})).data();
    CHECK(toHex(odd).substr(0, 4) == "5312"); // the DO'53' header counts in Ne: 18 bytes and 2 of header
    // An Ne with no room for the header and one byte is refused, not answered past Ne.
    CHECK(sc.transmit(CommandApdu(0x00, 0xB1, 0x00, 0x00, fromHex("54020100"), std::size_t{2})).sw() == sw::WRONG_LENGTH);
    CHECK(sc.transmit(CommandApdu(0x00, 0xB0, 0x7F, 0xFF, std::size_t{1})).sw() == sw::WRONG_P1P2); // beyond the end

    // A plain command ends the session.
    CHECK(ResponseApdu::parse(chip.process(fromHex("00B0810000"))).sw() == sw::SECURITY_STATUS_NOT_SATISFIED);
}

TEST_CASE("personalization round-trips through the SDK's own parsers")
{
    CardImage card = image();
    lds::Mrz mrz = lds::parseDg1(card.files.at(0x0101));
    CHECK(mrz.allCheckDigitsValid());
    CHECK(mrz.documentNumber == "090123456");
    CHECK(mrz.optionalData.substr(0, 12) == "001090123456");
    CHECK(mrz.primaryIdentifier == "NGUYEN");
    CHECK(mrz.secondaryIdentifier == "VAN AN");
    lds::Dg13 dg13 = lds::parseDg13(card.files.at(0x010D));
    CHECK(dg13.value(2) == "Nguyễn Văn An");
    CHECK(dg13.value(3) == "01/01/1990");
    CHECK(dg13.fields.at(13).values.size() == 2);
    lds::FaceImage face = lds::parseDg2(card.files.at(0x0102));
    CHECK(face.format == lds::ImageFormat::Jpeg);
    CHECK(face.width == 360);
    CHECK(lds::parseEfCom(card.files.at(0x011E)).dataGroups == std::vector<int>{1, 2, 3, 13, 14, 15});
    lds::SecurityObject so = lds::parseSod(card.files.at(0x011D));
    for (int dg : {1, 2, 3, 13, 14, 15}) {
        INFO("DG" << dg);
        CHECK(crypto::hash(crypto::HashAlgorithm::Sha256, card.files.at(static_cast<std::uint16_t>(0x0100 + dg))) == so.dataGroupHashes.at(dg));
    }
    CHECK_FALSE(lds::parseSecurityInfos(parseTlv(card.files.at(0x010E), "DG14").value, "DG14").chipAuthenticationPublicKeys.empty());
}

TEST_CASE("the SOD is a CMS signature OpenSSL verifies against the test CSCA, and faults break it as asked")
{
    auto verifies = [](const Bytes& sod) {
        TestPki pki = loadPki(samples() + "/pki");
        Bytes der = parseTlv(sod, "SOD").value.toBytes();
        const unsigned char* p = der.data();
        CMS_ContentInfo* cms = d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size()));
        REQUIRE(cms);
        X509_STORE* store = X509_STORE_new();
        X509_STORE_add_cert(store, pki.cscaCert.get());
        BIO* out = BIO_new(BIO_s_mem());
        bool ok = CMS_verify(cms, nullptr, store, nullptr, out, CMS_BINARY) == 1;
        BIO_free(out);
        X509_STORE_free(store);
        CMS_ContentInfo_free(cms);
        return ok;
    };
    CHECK(verifies(image().files.at(0x011D)));
    Faults bad;
    bad.badSignature = true;
    CHECK_FALSE(verifies(image(bad).files.at(0x011D)));
    Faults unknown;
    unknown.unknownCsca = true;
    CHECK_FALSE(verifies(image(unknown).files.at(0x011D)));
    Faults tamper;
    tamper.tamperedDataGroups = {1};
    CardImage tampered = image(tamper);
    lds::SecurityObject so = lds::parseSod(tampered.files.at(0x011D));
    CHECK(crypto::hash(crypto::HashAlgorithm::Sha256, tampered.files.at(0x0101)) != so.dataGroupHashes.at(1));
}

TEST_CASE("fault specs")
{
    Faults f = parseFaults({"remove-after:7", "tamper:DG13", "max-le:224", "sw-on-large-le:6282", "latency:5", "no-extended", "clone"});
    CHECK(f.removeAfter == 7);
    CHECK(f.tamperedDataGroups == std::vector<int>{13});
    CHECK(f.maxLe == std::size_t{224});
    CHECK(f.swOnLargeLe == std::uint16_t{0x6282});
    CHECK(f.latencyMs == 5);
    CHECK(f.noExtended);
    CHECK(f.clone);
    CHECK_THROWS_AS(parseFaults({"sw-on-large-le:9000"}), Error);
    CHECK_THROWS_AS(parseFaults({"remove-after:x"}), Error);
    CHECK_THROWS_AS(parseFaults({"explode"}), Error);

}

TEST_CASE("fault specs of hostile content: definite-length nesting, a forged certificate, the largest JPEG 2000")
{
    Faults f = parseFaults({"nest-definite:DG13:15000", "forged-certificate:48", "nest:DG2:9", "jp2-largest"});
    CHECK(f.nestedFields == std::map<int, int>{{13, 15000}});
    CHECK(f.nestedDataGroups == std::map<int, int>{{2, 9}});
    CHECK(f.forgedCertificateKib == std::size_t{48});
    CHECK(f.largestJpeg2000);
    CHECK_THROWS_AS(parseFaults({"nest-definite:DG17:40"}), Error);
    CHECK_THROWS_AS(parseFaults({"forged-certificate:big"}), Error);
    // The nest sits in a numbered field, whose strings DG13's parser collects level by level: the depth limit stops it.
    CHECK_THROWS_WITH(lds::parseDg13(nestedField(0x6D, 100)), Catch::Contains("nesting deeper than 32"));
}

TEST_CASE("removal after N exchanges")
{
    Faults f;
    f.removeAfter = 2;
    VirtualChip chip(image(f), f, {}, crypto::systemRandom());
    CHECK_FALSE(chip.process(fromHex("00B09C0000")).empty());
    CHECK_FALSE(chip.process(fromHex("00B09C0000")).empty());
    CHECK(chip.process(fromHex("00B09C0000")).empty());
    CHECK(chip.removed());
}

TEST_CASE("transliteration and the Vietnamese TD1")
{
    CHECK(transliterate("Nguyễn Văn Đức") == "NGUYEN VAN DUC");
    CHECK(transliterate("Trần Thị Bích Ngọc") == "TRAN THI BICH NGOC");
    CHECK(transliterate("H'Hen Niê") == "H<HEN NIE");
    std::string mrz = vietnameseTd1(sampleProfile().document);
    CHECK(mrz.size() == 90);
    CHECK(mrz.substr(0, 30) == "IDVNM0901234562001090123456<<3");
    CHECK(lds::parseMrz(mrz).allCheckDigitsValid());
}
