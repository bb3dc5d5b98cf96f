// `cccd scan-qr --live SOURCE [--json]`: the QR on the card face -> ID, name, dates, so a kiosk gets the
// CAN without typing. SOURCE: image, folder, video file or camera:N (frames are tried in turn).
#include "cccd/error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "face/live_source.hpp"
#include "face/qr_reader.hpp"
#include "vn/qr_payload.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
constexpr int maxFrames = 60; // about two seconds of camera, or the first 60 images of a folder

std::optional<std::string> scan(const std::string& source)
{
    face::LiveSource frames(source);
    for (int i = 0; i < maxFrames; ++i) {
        std::optional<face::DecodedImage> frame = frames.next();
        if (!frame) break;
        if (auto text = face::readQrCode(frame->pixels)) return text;
    }
    return std::nullopt;
}

int scanCommand(const std::string& source, bool json)
{
    std::optional<std::string> text = scan(source);
    if (!text) throw Error(ErrorKind::NoCard, "no readable QR code in " + source + ": hold the card flat and closer"); // like no card: exit 3
    vn::QrPayload q = vn::parseQrPayload(*text);
    nlohmann::json out = {{"id_number", q.idNumber},
                          {"old_id_number", q.oldIdNumber ? nlohmann::json(*q.oldIdNumber) : nlohmann::json()},
                          {"full_name", q.fullName},
                          {"date_of_birth", q.dateOfBirth.iso()},
                          {"sex", q.sex},
                          {"place_of_residence", q.placeOfResidence},
                          {"date_of_issue", q.dateOfIssue.iso()}};
    if (json) {
        std::cout << out.dump(2) << '\n';
    } else {
        std::cout << "ID number:     " << q.idNumber << "\nFull name:     " << q.fullName << "\nDate of birth: " << q.dateOfBirth.iso()
                  << "\nIssued:        " << q.dateOfIssue.iso() << "\n(cccd read --id " << q.idNumber << " opens the chip)\n";
    }
    return exitOk;
}
} // namespace

void addScanQrCommand(CLI::App& app, Action& action)
{
    auto source = std::make_shared<std::string>();
    auto json = std::make_shared<bool>(false);
    auto* cmd = app.add_subcommand("scan-qr", "Read the QR code on the card face");
    cmd->add_option("--live", *source, "Image, folder, video file or camera:N")->required();
    cmd->add_flag("--json", *json, "Print JSON");
    cmd->callback([&action, source, json] { action = [source, json] { return scanCommand(*source, *json); }; });
}

} // namespace cccd::cli
