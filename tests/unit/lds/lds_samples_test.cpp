// LDS parsers on real sample files (vectors/lds-samples) and the ICAO MRZ examples.
#include "cccd/error.hpp"
#include "core/tlv.hpp"
#include "lds/dg1.hpp"
#include "lds/dg2.hpp"
#include "lds/ef_com.hpp"
#include "lds/lds_files.hpp"
#include "lds/security_infos.hpp"
#include "lds/sod.hpp"
#include "test_data.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::lds;

namespace {
Bytes sample(const std::string& path) { return test::readData("vectors/lds-samples/" + path); }
} // namespace

TEST_CASE("EF.COM samples")
{
    EfCom bsi = parseEfCom(sample("jmrtd-bsi2008/EF_COM.bin"));
    CHECK(bsi.ldsVersion == "0107");
    CHECK(bsi.unicodeVersion == "040000");
    CHECK(bsi.dataGroups == std::vector<int>{1, 2, 3, 14});
    CHECK(parseEfCom(sample("jmrtd-loes2006/ef011E.bin")).dataGroups == std::vector<int>{1, 2, 15});
    CHECK(parseEfCom(sample("pymrtd-bsi-tr03105/EF_COM.bin")).dataGroups == std::vector<int>{1, 2, 3, 4, 14});
}

TEST_CASE("DG1 samples: TD3 passports")
{
    Mrz m = parseDg1(sample("jmrtd-bsi2008/Datagroup1.bin"));
    CHECK(m.format == Mrz::Format::TD3);
    CHECK(m.documentCode == "P");
    CHECK(m.issuingState == "D");
    CHECK(m.primaryIdentifier == "MUSTERMANN");
    CHECK(m.documentNumber == "C11T002JM");
    CHECK(m.allCheckDigitsValid());
    Mrz loes = parseDg1(sample("jmrtd-loes2006/ef0101.bin"));
    CHECK(loes.issuingState == "NLD");
    CHECK(loes.primaryIdentifier == "MEULENDIJK");
    CHECK(loes.secondaryIdentifier == "LOES ALBERTINE");
}

TEST_CASE("MRZ examples: TD1 specimen, long document numbers in TD1 and TD2, TD3")
{
    const auto& ex = test::workedExamples().at("mrz_examples");
    for (const char* name : {"td1_specimen", "td1_long_document_number"}) {
        const auto& e = ex.at(name);
        std::string text;
        for (const auto& line : e.at("lines")) text += line.get<std::string>() + "\n";
        Mrz m = parseMrz(text);
        const auto& p = e.at("parsed");
        CHECK(m.format == Mrz::Format::TD1);
        CHECK(m.documentNumber == p.at("document_number").get<std::string>());
        CHECK(m.dateOfBirth == p.at("date_of_birth").get<std::string>());
        CHECK(m.dateOfExpiry == p.at("date_of_expiry").get<std::string>());
        CHECK(m.sex == p.at("sex").get<std::string>());
        CHECK(m.primaryIdentifier == p.at("primary_identifier").get<std::string>());
        CHECK(m.secondaryIdentifier == p.at("secondary_identifier").get<std::string>());
        CHECK(m.allCheckDigitsValid());
    }
    Mrz td2 = parseMrz(ex.at("td2_long_document_number").at("mrz").get<std::string>());
    CHECK(td2.format == Mrz::Format::TD2);
    CHECK(td2.documentNumber == "D23145890734");
    CHECK(td2.allCheckDigitsValid());
    Mrz td3 = parseMrz(ex.at("td3_specimen_gmrtd").at("mrz").get<std::string>());
    CHECK(td3.documentNumber == "L898902C3");
    CHECK(td3.allCheckDigitsValid());

    std::string broken = ex.at("td3_specimen_gmrtd").at("mrz");
    broken[44 + 9] = '0'; // the document number's check digit
    Mrz bad = parseMrz(broken);
    CHECK_FALSE(bad.documentNumberValid);
    CHECK(bad.dateOfBirthValid);
    CHECK_THROWS_AS(parseMrz("P<UTO"), Error);
    CHECK_THROWS_AS(parseMrz(std::string(90, 'a')), Error);
}

TEST_CASE("DG2 samples: the face image and its format")
{
    for (const char* path : {"jmrtd-bsi2008/Datagroup2.bin", "jmrtd-loes2006/ef0102.bin"}) {
        INFO(path);
        FaceImage face = parseDg2(sample(path));
        CHECK(face.format != ImageFormat::Unknown);
        CHECK(face.image.size() > 1000);
        CHECK(detectImageFormat(face.image) == face.format);
        CHECK(face.width > 0);
        CHECK(face.height > 0);
    }
}

TEST_CASE("EF.SOD samples: hashes match the data groups the README lists")
{
    struct Case {
        const char* sod;
        std::vector<std::pair<int, const char*>> matching;
    };
    std::vector<Case> cases{
        {"jmrtd-bsi2008/EF_SOD.bin", {{1, "jmrtd-bsi2008/Datagroup1.bin"}, {2, "jmrtd-bsi2008/Datagroup2.bin"}, {3, "jmrtd-bsi2008/Datagroup3.bin"}, {14, "jmrtd-bsi2008/Datagroup14.bin"}}},
        {"jmrtd-loes2006/ef011D.bin", {{1, "jmrtd-loes2006/ef0101.bin"}, {2, "jmrtd-loes2006/ef0102.bin"}, {15, "jmrtd-loes2006/ef010F.bin"}}},
        {"pymrtd-bsi-tr03105/EF_SOD.bin", {{1, "pymrtd-bsi-tr03105/DG1.bin"}, {14, "pymrtd-bsi-tr03105/DG14.bin"}, {4, "jmrtd-bsi2008/Datagroup4.bin"}}},
        {"pymrtd-etsi-tr103200/EF_SOD.bin", {{1, "pymrtd-etsi-tr103200/DG1.bin"}, {15, "pymrtd-etsi-tr103200/DG15.bin"}}},
    };
    for (const Case& c : cases) {
        INFO(c.sod);
        SecurityObject so = parseSod(sample(c.sod));
        REQUIRE(so.hashAlgorithm.has_value());
        for (const auto& [dg, file] : c.matching) {
            INFO("DG" << dg);
            REQUIRE(so.dataGroupHashes.count(dg));
            CHECK(crypto::hash(*so.hashAlgorithm, sample(file)) == so.dataGroupHashes.at(dg));
        }
    }
    SecurityObject bsi = parseSod(sample("jmrtd-bsi2008/EF_SOD.bin"));
    CHECK(bsi.hashAlgorithm == crypto::HashAlgorithm::Sha1);
    CHECK_FALSE(bsi.dataGroupHashes.count(15)); // present on the chip but not in this SOD
    SecurityObject nz = parseSod(sample("jmrtd-misc/NZ2013_EF_SOD.BIN")); // BER indefinite lengths
    CHECK(nz.hashAlgorithm == crypto::HashAlgorithm::Sha256);
    CHECK(nz.dataGroupHashes.size() == 5);
}

TEST_CASE("DG14 samples are SecurityInfos with a chip authentication key")
{
    Bytes dg14 = sample("jmrtd-bsi2008/Datagroup14.bin");
    Tlv outer = parseTlv(dg14, "DG14");
    REQUIRE(outer.tag == 0x6E);
    SecurityInfos infos = parseSecurityInfos(outer.value, "DG14");
    CHECK_FALSE(infos.chipAuthenticationPublicKeys.empty());
    Bytes spec = sample("jmrtd-misc/spec_sample_encoded_dg14.bin");
    SecurityInfos specInfos = parseSecurityInfos(parseTlv(spec, "DG14").value, "DG14");
    REQUIRE_FALSE(specInfos.chipAuthenticationPublicKeys.empty());
    CHECK(specInfos.chipAuthenticationPublicKeys[0].protocol == "0.4.0.127.0.7.2.2.1.1");
}

TEST_CASE("LDS file table")
{
    CHECK(fileByDataGroup(13)->fid == 0x010D);
    CHECK(fileByDataGroup(13)->tag == 0x6D);
    CHECK(fileByTag(0x77)->dataGroup == efSod);
    CHECK(fileByName("DG2")->sfi == 0x02);
    CHECK_FALSE(fileByDataGroup(17).has_value());
}

TEST_CASE("malformed files: every truncation and byte flip gives a cccd::Error or a value")
{
    auto hammer = [](const Bytes& file, auto parse) {
        for (std::size_t n = 0; n < file.size(); n += std::max<std::size_t>(1, file.size() / 300)) {
            try {
                parse(Bytes(file.begin(), file.begin() + static_cast<long>(n)));
            } catch (const Error&) {
            }
        }
        for (std::size_t i = 0; i < std::min<std::size_t>(file.size(), 400); ++i) {
            Bytes changed = file;
            changed[i] ^= 0xA5;
            try {
                parse(changed);
            } catch (const Error&) {
            }
        }
    };
    hammer(sample("jmrtd-bsi2008/EF_COM.bin"), [](const Bytes& b) { parseEfCom(b); });
    hammer(sample("jmrtd-bsi2008/Datagroup1.bin"), [](const Bytes& b) { parseDg1(b); });
    hammer(sample("jmrtd-bsi2008/Datagroup2.bin"), [](const Bytes& b) { parseDg2(b); });
    hammer(sample("jmrtd-bsi2008/EF_SOD.bin"), [](const Bytes& b) { parseSod(b); });
    hammer(sample("jmrtd-misc/NZ2013_EF_SOD.BIN"), [](const Bytes& b) { parseSod(b); });
    CHECK_THROWS_AS(parseDg1(fromHex("6103 5F1F00")), ParseError);
}
