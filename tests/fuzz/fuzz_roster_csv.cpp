// The exam-hall sample's roster upload: a CSV from Excel, LibreOffice or any other program, posted by the board's
// page. parseRosterCsv promises never to throw and to import only good rows: a row it keeps has a 12-digit ID
// number seen nowhere else, a name, a room and a seat; problems come sorted by line.
#include "exam-hall/rules/roster_csv.hpp"
#include "fuzz_target.hpp"

#include <cstdlib>
#include <set>
#include <string_view>

using cccd::samples::exam::RosterParse;

std::vector<std::vector<std::uint8_t>> cccd::fuzz::fuzzSeeds()
{
    auto text = [](std::string_view s) { return std::vector<std::uint8_t>(s.begin(), s.end()); };
    return {text("\xEF\xBB\xBFSố định danh,Họ và tên,Phòng thi,Ghế\r\n001090123456,Nguyễn Văn An,P.101,07\r\n"),
            text("id;name;room;seat\n079301000123;\"Trần; Thị \"\"Bích\"\" Ngọc\";P.102;03\n;;;\n"),
            text("id\tname\troom\tseat\n1.09012E+11\tA\tP.1\t1\n01090123456\tB\tP.1\t2\n123456789\tC\tP.1\t3\n"),
            text("001090123456,\"An\r\nNguyễn\",P.101,07,1990-01-01,extra\n001090123456,B,P.101,07\n079301000123,C,P.101,07\n"),
            text("id,name,room,seat\n\"001090123456,open quote\n079301000123,\xC3\x28,P.1,1\n079301000124,,P.1,2\r079301000125,D,,\r")};
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    RosterParse parsed = cccd::samples::exam::parseRosterCsv(std::string_view(reinterpret_cast<const char*>(data), size));
    std::set<std::string> ids;
    for (const auto& row : parsed.rows) {
        bool goodId = row.idNumber.size() == 12 && row.idNumber.find_first_not_of("0123456789") == std::string::npos;
        if (!goodId || !ids.insert(row.idNumber).second || row.fullName.empty() || row.room.empty() || row.seat.empty() || row.line < 1) {
            std::abort();
        }
    }
    for (std::size_t i = 1; i < parsed.problems.size(); ++i) {
        if (parsed.problems[i].line < parsed.problems[i - 1].line) std::abort();
    }
    return 0;
}
