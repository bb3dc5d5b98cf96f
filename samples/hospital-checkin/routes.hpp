// The hospital desk's HTTP endpoints (the page's API).
#pragma once

#include "common/sample_server.hpp"
#include "rules/checkin_desk.hpp"

namespace cccd::samples::hospital {

/** GET /api/departments, POST /api/checkins, GET /api/visits/ID, GET /api/queue?department=ID. */
void addRoutes(SampleServer& server, CheckinDesk& desk);

} // namespace cccd::samples::hospital
