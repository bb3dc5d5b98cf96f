// `cccd scan-qr --live SOURCE [--json]`: the QR on the card face -> ID, name, dates, so a kiosk gets the
// CAN without typing. SOURCE: image, folder, video file or camera:N (frames are tried in turn).
#include "cccd/error.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "face/qr_reader.hpp"
#include "vn/document_json.hpp"
#include "vn/qr_payload.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace cccd::cli {

namespace {
int scanCommand(const std::string& source, bool json)
{
    std::optional<std::string> text = face::scanQrCode(source);
    if (!text) throw Error(ErrorKind::NoCard, "no readable QR code in " + source + ": hold the card flat and closer"); // like no card: exit 3
    vn::QrPayload q = vn::parseQrPayload(*text);
    nlohmann::json out = vn::qrPayloadToJson(q);
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
