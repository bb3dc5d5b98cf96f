#include "common/sample_server.hpp"

#include <chrono>
#include <csignal>
#include <ctime>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace cccd::samples {
namespace {

constexpr std::size_t maxBodyBytes = 4 * 1024 * 1024; // a roster CSV of a few thousand candidates fits

void sendError(httplib::Response& res, int status, const std::string& code, const std::string& message)
{
    res.status = status;
    res.set_content(nlohmann::json{{"error", {{"code", code}, {"message", message}}}}.dump(), "application/json");
}

// The pages import client.js from the agent and call it: allow exactly that, nothing else from elsewhere.
std::string contentSecurityPolicy(const std::string& agentUrl)
{
    return "default-src 'self'; script-src 'self' " + agentUrl + "; connect-src 'self' " + agentUrl +
           "; img-src 'self' data: blob:; media-src 'self' blob:; style-src 'self'; frame-ancestors 'none'";
}

} // namespace

void addSampleOptions(CLI::App& app, SampleOptions& options)
{
    app.add_option("--port", options.port, "TCP port of this server")->check(CLI::Range(1, 65535));
    app.add_option("--bind", options.bind, "Address to listen on (0.0.0.0 for the counters of a network)");
    app.add_option("--db", options.db, "SQLite file, or postgresql://user@host/db for one database shared by many counters");
    app.add_option("--agent", options.agentUrl, "cccd-agent's URL as the counter PC's browser reaches it");
    app.add_option("--web", options.webDir, "Folder of the page (default: the sample's web folder)");
    app.add_option("--lang", options.lang, "Default language of the page")->check(CLI::IsMember({"vi", "en"}));
}

SampleServer::SampleServer(std::string app, SampleOptions options) : app_(std::move(app)), options_(std::move(options))
{
    if (options_.db.empty()) options_.db = app_ + ".sqlite";
    db_ = openDatabase(options_.db);
    config_ = {{"app", app_}, {"agent_url", options_.agentUrl}, {"lang", options_.lang}};

    http_.set_payload_max_length(maxBodyBytes);
    const std::string csp = contentSecurityPolicy(options_.agentUrl);
    http_.set_file_request_handler([csp](const httplib::Request&, httplib::Response& res) {
        res.set_header("Content-Security-Policy", csp);
        res.set_header("Cache-Control", "no-cache");
    });
    http_.set_default_headers({{"X-Content-Type-Options", "nosniff"}, {"Referrer-Policy", "no-referrer"}});
    if (!http_.set_mount_point("/common", options_.commonWebDir) || !http_.set_mount_point("/", options_.webDir)) {
        throw std::runtime_error("the page's folder is missing: " + options_.webDir + " or " + options_.commonWebDir);
    }
    http_.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (req.path.rfind("/api/", 0) == 0) logLine(app_, req.method + " " + req.path + " " + std::to_string(res.status));
    });
    http_.set_exception_handler([this](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "unknown";
        try {
            std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        logLine(app_, "internal error: " + what);
        sendError(res, 500, "internal", "the server failed; nothing was saved. Try again or call IT support.");
    });
    get("/api/health", [](const httplib::Request&, const nlohmann::json&) { return nlohmann::json{{"status", "ok"}}; });
    get("/api/config", [this](const httplib::Request&, const nlohmann::json&) { return config_; });
}

SampleServer::~SampleServer() = default;

void SampleServer::addConfig(const nlohmann::json& fields)
{
    config_.update(fields);
}

void SampleServer::get(const std::string& pattern, Handler handler)
{
    route("GET", pattern, std::move(handler));
}

void SampleServer::post(const std::string& pattern, Handler handler)
{
    route("POST", pattern, std::move(handler));
}

void SampleServer::route(const std::string& method, const std::string& pattern, Handler handler)
{
    auto serve = [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Cache-Control", "no-store"); // personal data: never in a browser or proxy cache
        try {
            nlohmann::json body = nlohmann::json::object();
            if (!req.body.empty()) {
                body = nlohmann::json::parse(req.body, nullptr, false);
                if (body.is_discarded()) throw ApiError{400, "bad_json", "the request is not valid JSON"};
            }
            res.set_content(handler(req, body).dump(), "application/json");
        } catch (const ApiError& e) {
            sendError(res, e.status, e.code, e.message);
        } catch (const DatabaseError& e) {
            logLine(app_, std::string("database error: ") + e.what());
            sendError(res, 503, "database", "the database cannot be reached; nothing was saved. Try again in a moment or call IT support.");
        } catch (const nlohmann::json::exception&) {
            sendError(res, 400, "invalid_argument", "a field of the request has the wrong type");
        }
    };
    if (method == "GET") {
        http_.Get(pattern, serve);
    } else {
        http_.Post(pattern, serve);
    }
}

int SampleServer::run()
{
    sigset_t signals;
    sigemptyset(&signals);
    for (int s : {SIGINT, SIGTERM, SIGUSR1}) sigaddset(&signals, s);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // the HTTP threads inherit it: only the waiter below gets them
    std::thread waiter([this, signals] {
        int received = 0;
        sigwait(&signals, &received);
        if (received != SIGUSR1) http_.stop();
    });
    int code = 0;
    if (!http_.bind_to_port(options_.bind, options_.port)) {
        std::cerr << app_ << ": cannot listen on " << options_.bind << ":" << options_.port << " (in use?)\n";
        code = 1;
    } else {
        std::cout << app_ << " listening on http://" << options_.bind << ":" << options_.port << " (" << db_->describe() << ", agent "
                  << options_.agentUrl << ")" << std::endl;
        http_.listen_after_bind();
    }
    pthread_kill(waiter.native_handle(), SIGUSR1);
    waiter.join();
    return code;
}

std::string maskId(const std::string& id)
{
    if (id.size() < 8) return std::string(id.size(), '*');
    return id.substr(0, 4) + std::string(id.size() - 6, '*') + id.substr(id.size() - 2);
}

void logLine(const std::string& app, const std::string& message)
{
    static std::mutex mutex;
    std::time_t now = std::time(nullptr);
    std::tm parts{};
    localtime_r(&now, &parts);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", &parts);
    std::lock_guard<std::mutex> lock(mutex);
    std::cerr << stamp << " " << app << ": " << message << std::endl;
}

std::string requiredText(const nlohmann::json& body, const std::string& field)
{
    if (!body.contains(field) || !body[field].is_string() || body[field].get<std::string>().empty()) {
        throw ApiError{400, "invalid_argument", "missing " + field};
    }
    return body[field].get<std::string>();
}

std::string requiredIdNumber(const nlohmann::json& body, const std::string& field)
{
    std::string id = requiredText(body, field);
    bool digits = id.size() == 12 && id.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw ApiError{400, "invalid_argument", field + " must be the 12 digits of a CCCD number"};
    return id;
}

int runSample(const std::function<int()>& work)
{
    try {
        return work();
    } catch (const DatabaseError& e) {
        std::cerr << "database: " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }
}

} // namespace cccd::samples
