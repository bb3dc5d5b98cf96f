// Known answers from ICAO 9303 and the worked-examples file.
#include "cccd/error.hpp"
#include "core/check_digit.hpp"
#include "crypto/crypto.hpp"
#include "vectors.hpp"

#include <catch2/catch.hpp>

using namespace cccd;
using namespace cccd::crypto;
using cccd::test::hexField;
using cccd::test::workedExamples;

namespace {
Cipher cipherFor(const std::string& name, int bits)
{
    if (name == "3DES") return Cipher::Tdes;
    return bits == 128 ? Cipher::Aes128 : bits == 192 ? Cipher::Aes192 : Cipher::Aes256;
}
std::string hex(const SecureBytes& b) { return toHex(ByteView(b.data(), b.size())); }
} // namespace

TEST_CASE("check digits: every ICAO example")
{
    const auto& section = workedExamples().at("check_digits");
    for (const auto& c : section.at("cases")) {
        std::string input = c.at("input");
        INFO(input);
        CHECK(mrzCheckDigit(input) == static_cast<char>('0' + c.at("check_digit").get<int>()));
    }
    CHECK(mrzCheckDigit(section.at("td1_composite_example").at("composite_input").get<std::string>()) == '2');
}

TEST_CASE("KDF: 3DES with parity, AES-128/192/256, K_pi from a CAN")
{
    for (const auto& c : workedExamples().at("kdf").at("cases")) {
        INFO(c.dump());
        SecureBytes key = kdf(hexField(c, "K"), c.at("counter").get<std::uint32_t>(),
                              cipherFor(c.at("cipher"), c.at("key_bits").get<int>()));
        CHECK(hex(key) == c.at("out").get<std::string>());
    }
}

TEST_CASE("ISO/IEC 9797-1 padding method 2 and its removal")
{
    const auto& section = workedExamples().at("iso9797_1");
    for (const auto& c : section.at("padding_method_2_block8")) {
        CHECK(toHex(padIso9797(hexField(c, "in"), 8)) == c.at("out").get<std::string>());
    }
    for (const auto& c : section.at("unpad")) CHECK(toHex(unpadIso9797(hexField(c, "in"), "test")) == c.at("out").get<std::string>());
    CHECK_THROWS_AS(unpadIso9797(fromHex("1234000000"), "test"), ParseError);
    CHECK_THROWS_AS(unpadIso9797(fromHex(""), "test"), ParseError);
}

TEST_CASE("retail MAC (ISO/IEC 9797-1 algorithm 3)")
{
    for (const auto& c : workedExamples().at("iso9797_1").at("retail_mac_des").at("cases")) {
        INFO(c.at("src").get<std::string>());
        CHECK(toHex(retailMac(hexField(c, "key"), hexField(c, "data_padded"))) == c.at("mac").get<std::string>());
    }
    CHECK_THROWS_AS(retailMac(Bytes(16, 1), Bytes(7, 0)), Error);
}

TEST_CASE("AES-CMAC: NIST SP 800-38B examples")
{
    Bytes key = fromHex("2B7E151628AED2A6ABF7158809CF4F3C");
    CHECK(toHex(aesCmac(key, {})) == "BB1D6929E95937287FA37D129B756746");
    CHECK(toHex(aesCmac(key, fromHex("6BC1BEE22E409F96E93D7E117393172A"))) == "070A16B46B4D4144F79BDD9DD04A287C");
    Bytes key256 = fromHex("603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4");
    CHECK(toHex(aesCmac(key256, fromHex("6BC1BEE22E409F96E93D7E117393172A"))) == "28A7023F452E8F82BD4BF28D8C37C35C");
}

TEST_CASE("ciphers round trip and check their inputs")
{
    for (Cipher c : {Cipher::Tdes, Cipher::Aes128, Cipher::Aes192, Cipher::Aes256}) {
        Bytes key(keySize(c), 0x42), iv(blockSize(c), 0x01), data(blockSize(c) * 3, 0x5A);
        Bytes enc = cbcEncrypt(c, key, iv, data);
        CHECK(enc != data);
        CHECK(cbcDecrypt(c, key, iv, enc) == data);
        CHECK(ecbEncryptBlock(c, key, iv).size() == blockSize(c));
        CHECK_THROWS_AS(cbcEncrypt(c, key, iv, Bytes(blockSize(c) + 1, 0)), Error);
        CHECK_THROWS_AS(cbcEncrypt(c, Bytes(5, 0), iv, data), Error);
    }
    // FIPS 197 appendix C.1
    CHECK(toHex(ecbEncryptBlock(Cipher::Aes128, fromHex("000102030405060708090A0B0C0D0E0F"),
                                fromHex("00112233445566778899AABBCCDDEEFF"))) == "69C4E0D86A7B0430D8CDB78070B4C55A");
}

TEST_CASE("hashes and injected randomness")
{
    CHECK(toHex(hash(HashAlgorithm::Sha1, fromHex("616263"))) == "A9993E364706816ABA3E25717850C26C9CD0D89D");
    CHECK(hash(HashAlgorithm::Sha224, {}).size() == 28);
    CHECK(hashSize(HashAlgorithm::Sha384) == 48);
    CHECK(hash(HashAlgorithm::Sha512, {}).size() == 64);
    FixedRandom fixed(fromHex("0102030405"));
    CHECK(toHex(fixed.bytes(2)) == "0102");
    CHECK(toHex(fixed.bytes(3)) == "030405");
    CHECK_THROWS_AS(fixed.bytes(1), Error);
    CHECK(systemRandom().bytes(16) != systemRandom().bytes(16));
}
