// The C API reading the virtual card behind a private pcscd: the C test program and the Python ctypes example.
#include "pcscd_instance.hpp"
#include "vcard_instance.hpp"

#include <catch2/catch.hpp>

using cccd::test::PcscdInstance;
using cccd::test::programPath;
using cccd::test::VcardInstance;

namespace {
const std::string testCsca = std::string(CCCD_SOURCE_DIR) + "/drivers/vcard/pki/csca.pem";
} // namespace

TEST_CASE("C: the sample card read by ID number, verified, its name early through the document callback")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    CHECK(pcscd.run(programPath("capi_test") + " read-card " + testCsca + " 2>&1", &out) == 0);
    INFO(out);
    CHECK(out.find("read-card: passed") != std::string::npos);
}

TEST_CASE("C: a wrong CAN is CCCD_ERROR_ACCESS_DENIED")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    CHECK(pcscd.run(programPath("capi_test") + " wrong-key 2>&1", &out) == 0);
    INFO(out);
}

#if !CCCD_SANITIZED // Python cannot load a library built with sanitizers unless their runtime comes first
TEST_CASE("Python (ctypes, Debian python3): examples/python/read_card.py prints the name and the verdict")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    int status = pcscd.run(std::string("CCCD_LIBRARY=") + CCCD_SHARED_LIBRARY + " /usr/bin/python3 -B " CCCD_PYTHON_EXAMPLES
                           "/read_card.py --id 001090123456 --trust " + testCsca + " 2>/dev/null", &out);
    INFO(out);
    CHECK(status == 0);
    CHECK(out.rfind("Name: Nguyễn Văn An\nVerdict: VALID\n", 0) == 0); // the name first, before the face is read
    CHECK(out.find("Face photo: ") != std::string::npos);
}

TEST_CASE("Python: an error is a CccdError with its code and message")
{
    PcscdInstance pcscd;
    VcardInstance card(pcscd);
    std::string out;
    int status = pcscd.run(std::string("CCCD_LIBRARY=") + CCCD_SHARED_LIBRARY + " /usr/bin/python3 -B " CCCD_PYTHON_EXAMPLES
                           "/read_card.py --can 000000 2>&1", &out);
    INFO(out);
    CHECK(status != 0);
    CHECK(out.find("read_card: access_denied: ") != std::string::npos);
}
#endif
