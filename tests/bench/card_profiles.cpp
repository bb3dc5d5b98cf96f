#include "card_profiles.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <fstream>

namespace cccd::bench {

namespace {
const char* const families[] = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
const char* const middles[] = {"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Đức", "Thanh", "Quang"};
const char* const givens[] = {"An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Linh", "Mai", "Nam", "Phúc", "Quyên", "Sơn", "Trang"};
const char* const provinces[] = {"001", "079", "031", "048", "092", "038", "066", "075"}; // Hà Nội, TP HCM, Hải Phòng, Đà Nẵng …
const char* const residences[] = {
    "Số 12, Ngõ 34 Phố Hàng Bạc, Phường Hàng Bạc, Quận Hoàn Kiếm, Thành phố Hà Nội",
    "123/45 Đường Nguyễn Thị Minh Khai, Phường Bến Thành, Quận 1, Thành phố Hồ Chí Minh",
    "Thôn Đông, Xã Tân Phú, Huyện Đông Anh, Hà Nội",
    "Buôn Ako Dhông, Phường Tân Lợi, Thành phố Buôn Ma Thuột, Tỉnh Đắk Lắk",
};

template <std::size_t N>
const char* pick(const char* const (&list)[N], int i)
{
    return list[static_cast<std::size_t>(i) % N];
}
} // namespace

std::string vcardDirectory() { return CCCD_VCARD_DIR; }

std::string writeSampleProfile(const std::string& folder, const std::string& name, const std::string& facePath, bool extendedLength)
{
    std::ifstream in(vcardDirectory() + "/profiles/nguyen-van-an.json");
    nlohmann::json profile = nlohmann::json::parse(in);
    profile["face_image"] = facePath;
    profile["chip"]["extended_length"] = extendedLength;
    profile["chip"]["max_le"] = extendedLength ? 65536 : 256;
    std::string path = folder + "/" + name + ".json";
    std::ofstream(path) << profile.dump(2);
    return path;
}

vcard::Profile candidateProfile(int index, const std::string& facePath)
{
    vcard::Profile p;
    const bool female = index % 2 == 1;
    const int year = 1980 + (index * 7) % 26;
    char id[32];
    std::snprintf(id, sizeof id, "%s%d%02d%06d", pick(provinces, index), female ? (year >= 2000 ? 3 : 1) : (year >= 2000 ? 2 : 0),
                  year % 100, 100000 + index * 7919 % 900000);
    char birth[32];
    std::snprintf(birth, sizeof birth, "%04d-%02d-%02d", year, 1 + index % 12, 1 + (index * 3) % 28);
    Document& d = p.document;
    d.idNumber = id;
    d.oldIdNumber = index % 3 == 0 ? std::optional<std::string>(std::to_string(100000000 + index * 12345)) : std::nullopt;
    d.fullName = std::string(pick(families, index)) + " " + (female ? "Thị" : pick(middles, index * 5)) + " " + pick(givens, index * 3);
    d.dateOfBirth = birth;
    d.sex = female ? "F" : "M";
    d.nationality = "Việt Nam";
    d.ethnicity = "Kinh";
    d.religion = index % 4 == 0 ? "Phật giáo" : "Không";
    d.placeOfOrigin = "Xã Đông Hội, Huyện Đông Anh, Hà Nội";
    d.placeOfResidence = pick(residences, index);
    d.personalIdentification = "Nốt ruồi C:1cm trên sau đầu mày trái";
    d.dateOfIssue = "2021-04-15";
    d.dateOfExpiry = std::string("2040") + (birth + 4); // not expired on any day these benchmarks run
    d.fatherName = std::string(pick(families, index)) + " Văn " + pick(givens, index + 5);
    d.motherName = std::string(pick(families, index + 3)) + " Thị " + pick(givens, index + 7);
    if (index % 3 != 1) d.spouseName = std::string(pick(families, index + 6)) + " " + pick(middles, index) + " " + pick(givens, index + 9);
    p.faceImagePath = facePath;
    p.chip.activeAuthentication = index % 4 == 3 ? "rsa-2048" : "ecdsa-p256"; // both kinds of chips in the queue
    p.chip.extendedLength = true;
    return p;
}

} // namespace cccd::bench
