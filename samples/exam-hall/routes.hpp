// The exam hall's HTTP API for the invigilator's page (README: "API").
#pragma once

#include "common/sample_server.hpp"

namespace cccd::samples::exam {

void addRoutes(SampleServer& server);

} // namespace cccd::samples::exam
