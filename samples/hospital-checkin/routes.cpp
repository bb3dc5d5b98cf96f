#include "routes.hpp"

#include "api_json.hpp"
#include "common/clock.hpp"
#include "rules/queue_numbers.hpp"

namespace cccd::samples::hospital {
namespace {

long long idParameter(const std::string& text, const char* what)
{
    bool digits = !text.empty() && text.size() < 18 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) throw ApiError{400, "invalid_argument", std::string(what) + " must be a number"};
    return std::stoll(text);
}

} // namespace

void addRoutes(SampleServer& server, CheckinDesk& desk)
{
    Database& db = server.db();

    server.get("/api/departments", [&db](const httplib::Request&, const nlohmann::json&) {
        const std::string today = localDate();
        nlohmann::json list = nlohmann::json::array();
        for (const Department& d : listDepartments(db)) {
            nlohmann::json item = toJson(d);
            item["registered_today"] = lastQueueNumber(db, d.id, today);
            list.push_back(item);
        }
        return nlohmann::json{{"date", today}, {"departments", list}};
    });

    server.post("/api/checkins", [&desk](const httplib::Request&, const nlohmann::json& body) {
        return toJson(desk.checkIn(checkinRequestFrom(body)));
    });

    server.get(R"(/api/visits/(\d+))", [&db](const httplib::Request& req, const nlohmann::json&) {
        auto details = visitDetails(db, idParameter(req.matches[1], "visit"));
        if (!details) throw ApiError{404, "not_found", "no such visit"};
        return toJson(*details);
    });

    server.get("/api/queue", [&db](const httplib::Request& req, const nlohmann::json&) {
        long long departmentId = idParameter(req.get_param_value("department"), "department");
        auto department = findDepartment(db, departmentId);
        if (!department) throw ApiError{404, "unknown_department", "no such department"};
        const std::string today = localDate();
        nlohmann::json visits = nlohmann::json::array();
        for (const VisitDetails& v : visitsOfDay(db, departmentId, today)) visits.push_back(toJson(v));
        return nlohmann::json{{"date", today}, {"department", toJson(*department)}, {"visits", visits}};
    });
}

} // namespace cccd::samples::hospital
