#include "cccd/access_key.hpp"
#include "cccd/error.hpp"
#include "core/asn1.hpp"
#include "lds/dg13_vn.hpp"
#include "vn/document_builder.hpp"
#include "vn/document_json.hpp"
#include "vn/expiry_rule.hpp"
#include "vn/qr_payload.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::vn;

namespace {
const std::string nguyen = "Nguy\xE1\xBB\x85n V\xC4\x83n An"; // Nguyễn Văn An
const std::string nu = "N\xE1\xBB\xAF";                        // Nữ

Bytes utf8(const std::string& s) { return encodeTlv(asn1::UTF8_STRING, Bytes(s.begin(), s.end())); }
Bytes printable(const std::string& s) { return encodeTlv(asn1::PRINTABLE_STRING, Bytes(s.begin(), s.end())); }
Bytes fieldOf(int n, std::initializer_list<Bytes> values)
{
    Bytes body = asn1::encodeUnsigned(static_cast<std::uint64_t>(n));
    for (const Bytes& v : values) append(body, v);
    return encodeTlv(asn1::SEQUENCE, body);
}
Date date(int y, int m, int d) { return Date{y, m, d}; }
} // namespace

TEST_CASE("QR payload of the card face")
{
    QrPayload q = parseQrPayload("001090123456|123456789|" + nguyen + "|01011990|Nam|S\xE1\xBB\x91 1, H\xC3\xA0 N\xE1\xBB\x99i|15042021");
    CHECK(q.idNumber == "001090123456");
    CHECK(q.oldIdNumber == std::optional<std::string>("123456789"));
    CHECK(q.fullName == nguyen);
    CHECK(q.dateOfBirth == date(1990, 1, 1));
    CHECK(q.sex == "M");
    CHECK(q.dateOfIssue == date(2021, 4, 15));
    QrPayload noOld = parseQrPayload("079301000123||Tr\xE1\xBA\xA7n Th\xE1\xBB\x8B B|29022000|" + nu + "|x|01072024");
    CHECK_FALSE(noOld.oldIdNumber.has_value());
    CHECK(noOld.sex == "F");
    CHECK_THROWS_WITH(parseQrPayload("00109012345|x|n|01011990|Nam|a|15042021"), Catch::Contains("12 digits"));
    CHECK_THROWS_WITH(parseQrPayload("001090123456||n|31021990|Nam|a|15042021"), Catch::Contains("date of birth"));
    CHECK_THROWS_WITH(parseQrPayload("001090123456||n|01011990|Nam"), Catch::Contains("7 fields"));
    CHECK_THROWS_AS(parseQrPayload("001090123456||\xC0\xAF|01011990|Nam|a|15042021"), Error);
    CHECK_THROWS_WITH(parseQrPayload("001090123456||n|01011990|Nam|a|15041980"), Catch::Contains("before the date of birth"));
}

TEST_CASE("expiry rule: thresholds, the 2-year grace, no expiry from 58, the 2024 law")
{
    Date born{1990, 1, 1};
    CHECK(expiryCandidates(born, date(2010, 6, 1)) == std::vector<Date>{date(2015, 1, 1)});  // age 20 -> 25
    CHECK(expiryCandidates(born, date(2021, 4, 15)) == std::vector<Date>{date(2030, 1, 1)}); // age 31 -> 40
    CHECK(expiryCandidates(born, date(2013, 6, 1)) == std::vector<Date>{date(2030, 1, 1)});  // 23.4: within 2 y of 25 -> 40
    auto near = expiryCandidates(born, date(2013, 1, 15));                                     // just past the boundary
    CHECK(near == std::vector<Date>{date(2030, 1, 1), date(2015, 1, 1)});
    CHECK(expiryCandidates(Date{1960, 5, 5}, date(2019, 1, 1)).empty());                      // age 58: no expiry
    CHECK(expiryCandidates(Date{1965, 5, 5}, date(2021, 1, 1)) == std::vector<Date>{date(2025, 5, 5)}); // 55 -> 60
    CHECK(expiryCandidates(Date{2012, 3, 3}, date(2024, 8, 1)) == std::vector<Date>{date(2037, 3, 3)}); // 12, within 2 y of 14 -> 25
    CHECK(expiryCandidates(Date{2015, 3, 3}, date(2024, 8, 1)) == std::vector<Date>{date(2029, 3, 3)}); // 9 -> 14 (2024 law)
    CHECK(expiryCandidates(Date{2000, 2, 29}, date(2021, 1, 1)) == std::vector<Date>{date(2025, 2, 28)});
}

TEST_CASE("access keys from the QR and from a Vietnamese MRZ")
{
    AccessKey qr = AccessKey::fromQr("001090123456||" + nguyen + "|01011990|Nam|a|15042021");
    CHECK(qr.can() == "123456");
    REQUIRE(qr.mrzCandidates().size() == 1);
    CHECK(qr.mrzCandidates()[0].documentNumber == "090123456");
    CHECK(qr.mrzCandidates()[0].dateOfBirth == "900101");
    CHECK(qr.mrzCandidates()[0].dateOfExpiry == "300101");
    // IDVNM + 090123456 + check digit, optional data = the 12-digit ID
    AccessKey mrz = AccessKey::fromMrz("IDVNM0901234562001090123456<<3\n9001011M3001019VNM<<<<<<<<<<<4\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<");
    CHECK(mrz.can() == "123456");
    CHECK(mrz.mrzCandidates()[0].documentNumber == "090123456");
    CHECK_THROWS_WITH(AccessKey::fromMrz("IDVNM0901234560001090123456<<3\n9001011M3001019VNM<<<<<<<<<<<4\nNGUYEN<<VAN<AN<<<<<<<<<<<<<<<<"),
                      Catch::Contains("check digits"));
}

TEST_CASE("DG13: fields by number, nested parents, empty spouse, unknown numbers, long lengths")
{
    std::string longAddress;
    for (int i = 0; i < 8; ++i) longAddress += "Th\xC3\xB4n \xC4\x90\xC3\xB4ng, X\xC3\xA3 Y\xC3\xAAn, ";
    Bytes fields = concat({fieldOf(1, {printable("001090123456")}), fieldOf(2, {utf8(nguyen)}), fieldOf(3, {printable("01/01/1990")}),
                           fieldOf(4, {utf8("Nam")}), fieldOf(5, {utf8("Vi\xE1\xBB\x87t Nam")}), fieldOf(6, {utf8("Kinh")}),
                           fieldOf(7, {utf8("Kh\xC3\xB4ng")}), fieldOf(9, {utf8(longAddress)}), fieldOf(11, {printable("15/04/2021")}),
                           fieldOf(12, {utf8("Kh\xC3\xB4ng th\xE1\xBB\x9Di h\xE1\xBA\xA1n")}),
                           fieldOf(13, {encodeTlv(asn1::SEQUENCE, concat({utf8("Nguy\xE1\xBB\x85n V\xC4\x83n B"), utf8("L\xC3\xAA Th\xE1\xBB\x8B C")}))}),
                           fieldOf(14, {}), fieldOf(17, {utf8("future")})});
    Bytes body = concat({asn1::encodeUnsigned(1), asn1::encodeOid("2.16.704.1.1.1"), encodeTlv(asn1::SET, fields)});
    Bytes file = encodeTlv(0x6D, encodeTlv(asn1::SEQUENCE, body));
    CHECK(file[1] == 0x82); // long-form length
    lds::Dg13 dg13 = lds::parseDg13(file);
    CHECK(dg13.value(2) == nguyen);
    CHECK(dg13.fields.at(9).values[0].size() > 127);
    CHECK(dg13.fields.count(17) == 1);
    CHECK(dg13.fields.at(14).values.empty());

    Document d = buildDocument(std::nullopt, dg13);
    CHECK(d.idNumber == std::optional<std::string>("001090123456"));
    CHECK(d.dateOfBirth == std::optional<std::string>("1990-01-01"));
    CHECK(d.sex == "M");
    CHECK(d.dateOfIssue == std::optional<std::string>("2021-04-15"));
    CHECK_FALSE(d.dateOfExpiry.has_value()); // "Không thời hạn"
    CHECK(d.fatherName == std::optional<std::string>("Nguy\xE1\xBB\x85n V\xC4\x83n B"));
    CHECK(d.motherName == std::optional<std::string>("L\xC3\xAA Th\xE1\xBB\x8B C"));
    CHECK_FALSE(d.spouseName.has_value());
    CHECK_FALSE(d.oldIdNumber.has_value());

    nlohmann::json j = documentToJson(d);
    CHECK(j["full_name"] == nguyen);
    CHECK(j["spouse_name"].is_null());
    CHECK(j["old_id_number"].is_null());
    CHECK(j["date_of_expiry"].is_null());
    CHECK(j["mrz"].is_null());
    for (const char* key : {"id_number", "old_id_number", "full_name", "date_of_birth", "sex", "nationality", "ethnicity", "religion",
                            "place_of_origin", "place_of_residence", "personal_identification", "date_of_issue", "date_of_expiry",
                            "father_name", "mother_name", "spouse_name", "mrz"}) {
        CHECK(j.contains(key));
    }
}

TEST_CASE("DG13 malformed: repeated numbers, no fields, bad UTF-8")
{
    auto wrap = [](const Bytes& fields) {
        return encodeTlv(0x6D, encodeTlv(asn1::SEQUENCE, concat({asn1::encodeUnsigned(1), asn1::encodeOid("2.16.704.1.1.1"), fields})));
    };
    CHECK_THROWS_AS(lds::parseDg13(wrap(concat({fieldOf(2, {utf8("a")}), fieldOf(2, {utf8("b")})}))), ParseError);
    CHECK_THROWS_AS(lds::parseDg13(wrap({})), ParseError);
    CHECK_THROWS_AS(lds::parseDg13(wrap(fieldOf(2, {encodeTlv(asn1::UTF8_STRING, fromHex("C0AF"))}))), ParseError);
    CHECK_THROWS_AS(lds::parseDg13(fromHex("6D0330")), ParseError);
}
