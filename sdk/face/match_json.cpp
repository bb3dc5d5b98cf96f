#include "face/match_json.hpp"

namespace cccd::face {

nlohmann::json matchToJson(const FaceMatchResult& r)
{
    return {{"match", r.match},
            {"score", r.score},
            {"threshold", r.threshold},
            {"liveness", r.liveness ? nlohmann::json{{"live", r.liveness->live}, {"score", r.liveness->score}} : nlohmann::json()},
            {"timing_ms", {{"detect", r.detectMs}, {"embed", r.embedMs}, {"total", r.totalMs}}},
            {"warnings", r.warnings}};
}

} // namespace cccd::face
