// The exam board's roster CSV as spreadsheets really save it: a BOM, CRLF, quotes, ';' separators, empty rows,
// Vietnamese names; bad rows reported by line and the good ones kept.
#include "exam-hall/rules/roster_csv.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace cccd::samples::exam;

namespace {

const RosterProblem* problemOnLine(const RosterParse& parsed, int line)
{
    for (const RosterProblem& p : parsed.problems) {
        if (p.line == line) return &p;
    }
    return nullptr;
}

} // namespace

TEST_CASE("exam-hall roster: a BOM, CRLF and a Vietnamese header, and names keep their diacritics")
{
    auto parsed = parseRosterCsv("\xEF\xBB\xBFSố định danh,Họ và tên,Phòng thi,Ghế\r\n"
                                 "001090123456,Nguyễn Văn An,P.101,07\r\n"
                                 "066158004321,H'Hen Niê,P.101,12\r\n");
    CHECK(parsed.headerSkipped);
    CHECK(parsed.problems.empty());
    REQUIRE(parsed.rows.size() == 2);
    CHECK(parsed.rows[0].idNumber == "001090123456");
    CHECK(parsed.rows[0].fullName == "Nguyễn Văn An");
    CHECK(parsed.rows[0].room == "P.101");
    CHECK(parsed.rows[0].seat == "07"); // not "07\r"
    CHECK(parsed.rows[0].line == 2);
    CHECK(parsed.rows[1].fullName == "H'Hen Niê");
    CHECK(parsed.rows[1].line == 3);
}

TEST_CASE("exam-hall roster: quoted cells hold separators, doubled quotes and line breaks, and lines count from where a row starts")
{
    auto parsed = parseRosterCsv("id,name,room,seat\n"
                                 "\"001090123456\",\"Nguyễn, Văn \"\"An\"\"\",\"P.101\",\"07\"\n"
                                 "079301000123,\"Trần Thị\nBích Ngọc\",P.102,03\n"
                                 "066158004321,  Lò   Văn  Páo ,P.101, 12 \n");
    REQUIRE(parsed.problems.empty());
    REQUIRE(parsed.rows.size() == 3);
    CHECK(parsed.rows[0].fullName == "Nguyễn, Văn \"An\"");
    CHECK(parsed.rows[1].fullName == "Trần Thị Bích Ngọc"); // the line break inside the cell becomes a space
    CHECK(parsed.rows[1].line == 3);
    CHECK(parsed.rows[2].line == 5);
    CHECK(parsed.rows[2].fullName == "Lò Văn Páo");
    CHECK(parsed.rows[2].seat == "12");
}

TEST_CASE("exam-hall roster: semicolon and tab separated files (Excel in a locale with a decimal comma)")
{
    auto semicolons = parseRosterCsv("Số định danh;Họ và tên;Phòng thi;Ghế\r\n001090123456;Nguyễn Văn An;P.101;07\r\n");
    REQUIRE(semicolons.rows.size() == 1);
    CHECK(semicolons.rows[0].room == "P.101");
    auto tabs = parseRosterCsv("id\tname\troom\tseat\n001090123456\tNguyễn Văn An\tP.101\t07\n");
    REQUIRE(tabs.rows.size() == 1);
    CHECK(tabs.rows[0].seat == "07");
}

TEST_CASE("exam-hall roster: bad rows are reported with their line and why, and the good rows are imported")
{
    auto parsed = parseRosterCsv("id,name,room,seat\r\n"            // 1
                                 "001090123456,Nguyễn Văn An,P.101,07\r\n" // 2 good
                                 "1090123456,Lê Minh Khoa,P.101,01\r\n"    // 3 Excel dropped the zeros
                                 "1.09012E+11,Phạm Thu Hà,P.101,02\r\n"    // 4 scientific notation
                                 "012345678,Đặng Bảo,P.101,03\r\n"         // 5 old CMND
                                 "00109012345x,Vũ Ánh,P.101,04\r\n"        // 6 not digits
                                 "001203004511,,P.101,05\r\n"              // 7 no name
                                 "001303006722,Hoàng Thịnh,,06\r\n"        // 8 no room
                                 "031204001833,Bùi Duyên,P.101,\r\n"       // 9 no seat
                                 "001090123456,Ngô Huy,P.101,08\r\n"       // 10 the ID of line 2 again
                                 "036305007944,Đỗ Linh,P.101,07\r\n"       // 11 the seat of line 2 again
                                 "040204002055,Trịnh Phúc\r\n"             // 12 two columns
                                 "079306001510,Lý Nhung,P.102,07\r\n");    // 13 good: seat 07 of another room
    std::map<int, std::string> expected = {{3, "id_leading_zero"}, {4, "id_scientific"}, {5, "id_old_cmnd"}, {6, "id_number"},
                                           {7, "name_missing"},    {8, "room_missing"},  {9, "seat_missing"}, {10, "duplicate_id"},
                                           {11, "duplicate_seat"}, {12, "columns"}};
    REQUIRE(parsed.problems.size() == expected.size());
    for (const auto& [line, code] : expected) {
        const RosterProblem* p = problemOnLine(parsed, line);
        REQUIRE(p != nullptr);
        CHECK(p->code == code);
        CHECK_FALSE(p->message.empty());
    }
    CHECK(problemOnLine(parsed, 10)->otherLine == 2);
    CHECK(problemOnLine(parsed, 11)->otherLine == 2);
    REQUIRE(parsed.rows.size() == 2);
    CHECK(parsed.rows[0].line == 2);
    CHECK(parsed.rows[1].line == 13);
}

TEST_CASE("exam-hall roster: a quote never closed costs its own line only")
{
    auto parsed = parseRosterCsv("id,name,room,seat\n"
                                 "001090123456,\"Nguyễn Văn An,P.101,07\n"
                                 "079301000123,Trần Thị Bích Ngọc,P.102,03\n");
    REQUIRE(parsed.problems.size() == 1);
    CHECK(parsed.problems[0].line == 2);
    CHECK(parsed.problems[0].code == "unclosed_quote");
    REQUIRE(parsed.rows.size() == 1);
    CHECK(parsed.rows[0].line == 3);
    CHECK(parsed.rows[0].fullName == "Trần Thị Bích Ngọc");
}

TEST_CASE("exam-hall roster: a row that is not UTF-8 (a Windows code page) is refused, not stored as mojibake")
{
    auto parsed = parseRosterCsv("id,name,room,seat\n"
                                 "001090123456,Nguy\xEA\xF2n V\xE3n An,P.101,07\n" // Windows-1258 bytes
                                 "079301000123,Trần Thị Bích Ngọc,P.102,03\n"
                                 "066158004321,H'Hen Ni\xEF\xBF\xBD,P.101,12\n"); // the same, decoded by a browser
    REQUIRE(parsed.problems.size() == 2);
    CHECK(parsed.problems[0].code == "not_utf8");
    CHECK(parsed.problems[1].code == "not_utf8");
    CHECK(parsed.problems[0].line == 2);
    CHECK(parsed.rows.size() == 1);
}

TEST_CASE("exam-hall roster: empty rows and Excel's empty-cell rows are skipped, extra columns are ignored and counted, no header is fine")
{
    auto parsed = parseRosterCsv("001090123456,Nguyễn Văn An,P.101,07,1990-01-01,Hà Nội\n"
                                 "\n"
                                 ",,,\n"
                                 "079301000123,Trần Thị Bích Ngọc,P.102,03\n"
                                 "\n");
    CHECK_FALSE(parsed.headerSkipped);
    CHECK(parsed.problems.empty());
    CHECK(parsed.rows.size() == 2);
    CHECK(parsed.rows[1].line == 4);
    CHECK(parsed.extraColumns == 2);
}

TEST_CASE("exam-hall roster: an empty file or a header alone says so")
{
    for (const char* text : {"", "\xEF\xBB\xBF", "id,name,room,seat\r\n", "\r\n\r\n"}) {
        auto parsed = parseRosterCsv(text);
        CHECK(parsed.rows.empty());
        REQUIRE(parsed.problems.size() == 1);
        CHECK(parsed.problems[0].code == "empty_file");
    }
}

TEST_CASE("exam-hall roster: a lone CR ends a line too (old Mac files), and a last line without a line break counts")
{
    auto parsed = parseRosterCsv("id,name,room,seat\r001090123456,Nguyễn Văn An,P.101,07\r079301000123,Trần Thị Bích Ngọc,P.102,03");
    REQUIRE(parsed.rows.size() == 2);
    CHECK(parsed.rows[1].line == 3);
    CHECK(parsed.rows[1].seat == "03");
}
