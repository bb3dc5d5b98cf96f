// The frame of every sample server: its command line, its database, the page (static files of the sample and of
// samples/common/web), JSON endpoints with typed errors, one masked log line per request, a clean stop.
#pragma once

#include "common/database.hpp"

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <memory>
#include <string>

namespace cccd::samples {

struct SampleOptions {
    int port = 8800;
    std::string bind = "127.0.0.1";
    std::string db;                                ///< SQLite file (default NAME.sqlite here) or postgresql:// URL
    std::string agentUrl = "http://127.0.0.1:8741"; ///< cccd-agent as the counter PC's browser reaches it
    std::string webDir;                            ///< the sample's page
    std::string commonWebDir;                      ///< samples/common/web
    std::string lang = "vi";                       ///< the page's default language: vi or en
};

/** --port, --bind, --db, --agent, --web, --lang. */
void addSampleOptions(CLI::App& app, SampleOptions& options);

/** An answer other than 200: {"error": {"code", "message"}} with this HTTP status. The message is for the clerk. */
struct ApiError {
    int status;
    std::string code;
    std::string message;
};

class SampleServer {
public:
    /** The body as JSON ({} when empty) and the request; returns the JSON answer or throws ApiError. */
    using Handler = std::function<nlohmann::json(const httplib::Request&, const nlohmann::json& body)>;

    /** Opens the database (the sample then migrates it) and mounts the pages. Throws DatabaseError. */
    SampleServer(std::string app, SampleOptions options);
    ~SampleServer();

    Database& db() { return *db_; }
    const SampleOptions& options() const { return options_; }
    httplib::Server& http() { return http_; }

    void get(const std::string& pattern, Handler handler);
    void post(const std::string& pattern, Handler handler);
    /** Fields added to GET /api/config (the page's settings: agent URL, language, and these). */
    void addConfig(const nlohmann::json& fields);

    /** Serves until SIGINT/SIGTERM; returns the exit code (0, or 1 when the port is taken). */
    int run();

private:
    void route(const std::string& method, const std::string& pattern, Handler handler);

    std::string app_;
    SampleOptions options_;
    std::unique_ptr<Database> db_;
    httplib::Server http_;
    nlohmann::json config_;
};

/** 0010******56: the first four and the last two digits of an ID number, for logs. */
std::string maskId(const std::string& id);

/** One line on stderr with the time and the app name. Callers pass masked values only. */
void logLine(const std::string& app, const std::string& message);

/** A required string field of a JSON body, or ApiError 400. */
std::string requiredText(const nlohmann::json& body, const std::string& field);

/** A required 12-digit CCCD number field, or ApiError 400. */
std::string requiredIdNumber(const nlohmann::json& body, const std::string& field);

/** Runs main's work: prints DatabaseError / CLI errors clearly and returns the exit code. */
int runSample(const std::function<int()>& work);

} // namespace cccd::samples
