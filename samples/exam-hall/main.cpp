// cccd-sample-exam-hall: the door check of an exam room. The invigilator's page reads each candidate's card and face
// through cccd-agent on the door PC; this server holds the exam board's roster and the attendance record.
//   cccd-sample-exam-hall [--port 8804] [--db FILE|postgresql://...] [--demo]          serve the page
//   cccd-sample-exam-hall import-roster --db SPEC --session NAME FILE                  import or update a roster
//   cccd-sample-exam-hall export-attendance --db SPEC --session NAME [--room R] [--out FILE]
//   cccd-sample-exam-hall delete-session --db SPEC --session NAME
#include "common/sample_server.hpp"
#include "exam-hall/commands.hpp"
#include "exam-hall/routes.hpp"
#include "exam-hall/rules/schema.hpp"

using namespace cccd::samples;

int main(int argc, char** argv)
{
    CLI::App app{"Exam hall door check: is the candidate on this room's roster, is the card genuine, is the face theirs"};
    SampleOptions options;
    options.port = 8804;
    options.webDir = CCCD_SAMPLE_WEB_DIR;
    options.commonWebDir = CCCD_SAMPLE_COMMON_WEB_DIR;
    addSampleOptions(app, options);
    bool demo = false;
    app.add_flag("--demo", demo, "With an empty database: import the demo roster (demo-roster.csv, the virtual cards' holders)");
    app.require_subcommand(0, 1);

    std::string db = "exam-hall.sqlite", session, file, out, room;
    auto dbOption = [&](CLI::App* command) {
        command->add_option("--db", db, "SQLite file, or postgresql://user@host/db")->capture_default_str();
        command->add_option("--session", session, "The exam session's name, e.g. \"Toán - sáng 27/06\"")->required();
    };
    CLI::App* import = app.add_subcommand("import-roster", "Import the exam board's roster CSV (ID number, full name, exam room, seat)");
    dbOption(import);
    import->add_option("FILE", file, "The CSV file (UTF-8, header row)")->required();
    CLI::App* exporter = app.add_subcommand("export-attendance", "Write the attendance of a session as CSV (full ID numbers)");
    dbOption(exporter);
    exporter->add_option("--room", room, "Only this room");
    exporter->add_option("--out", out, "Output file (default: standard output)");
    CLI::App* remove = app.add_subcommand("delete-session", "Delete a session with its roster and door checks");
    dbOption(remove);

    CLI11_PARSE(app, argc, argv);
    return runSample([&] {
        if (import->parsed()) return exam::importRosterCommand(db, session, file);
        if (exporter->parsed()) return exam::exportAttendanceCommand(db, session, room.empty() ? std::nullopt : std::optional(room), out);
        if (remove->parsed()) return exam::deleteSessionCommand(db, session);
        SampleServer server("exam-hall", options);
        exam::migrateExamHall(server.db());
        if (demo) exam::importDemoRoster(server.db(), "Demo: Toán, sáng 27/06", std::string(CCCD_SAMPLE_WEB_DIR) + "/../demo-roster.csv");
        exam::addRoutes(server);
        return server.run();
    });
}
