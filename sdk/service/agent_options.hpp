// What cccd-agent is allowed to do and for whom: its port, the browser origins it serves, the token file, trust,
// models, and per origin the most it may ask for. From the command line and an optional JSON config file.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace cccd::service {

/** What one browser origin may ask for at most. */
struct OriginLimits {
    std::optional<std::set<std::string>> fields; ///< document fields it may name; none: any
    bool face = true;                            ///< may it ask for the photo (and face match)
};

struct AgentOptions {
    int port = 8741;
    std::string bind = "127.0.0.1";
    std::map<std::string, OriginLimits> origins; ///< allowed browser origins, exactly as the browser sends them
    std::string tokenFile;                       ///< default: $XDG_CONFIG_HOME/cccd/agent-token
    bool requireToken = false;                   ///< browser pages must present the token too
    std::vector<std::string> trustPaths;
    std::string models;
    std::string reader;                          ///< preferred reader (a part of its name, or an index)
    /** What a page's camera:N opens: cameras[N] is a V4L2 index, a video file, an image or a folder of images
     *  (camera_sources.hpp); beyond the list camera:N is the V4L2 device N. */
    std::vector<std::string> cameras;
    std::size_t maxBodyBytes = 8 * 1024 * 1024;
};

/** Adds a JSON config file: {"port", "bind", "origins": {"URL": {"fields": [...], "face": bool}} or ["URL"],
 *  "token_file", "require_token", "trust": [...], "models", "reader", "camera": "SOURCE" or ["SOURCE", ...]}.
 *  Throws Error(InvalidArgument). */
void loadConfigFile(const std::string& path, AgentOptions& options);

/** Refuses anything but loopback (127.0.0.1, ::1): the agent must not be reachable from another machine. */
void checkLoopback(const std::string& bind);

/** The token file's default location. */
std::string defaultTokenFile();

} // namespace cccd::service
