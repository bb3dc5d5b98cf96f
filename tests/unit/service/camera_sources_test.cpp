// What a page's camera:N opens: the agent's --camera list (or "camera" in its config), else the V4L2 device N.
#include "cccd/error.hpp"
#include "service/agent_options.hpp"
#include "service/camera_sources.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace cccd;
using namespace cccd::service;

TEST_CASE("camera:N is the Nth --camera, an index is that V4L2 device, beyond the list the V4L2 device N")
{
    const std::vector<std::string> cameras{"/srv/camera.mjpeg", "2", "camera:3"};
    CHECK(cameraSource(cameras, "camera:0") == "/srv/camera.mjpeg");
    CHECK(cameraSource(cameras, "camera:1") == "camera:2");
    CHECK(cameraSource(cameras, "camera:2") == "camera:3");
    CHECK(cameraSource(cameras, "camera:4") == "camera:4");
    CHECK(cameraSource({}, "camera:0") == "camera:0");
    for (const char* bad : {"/etc/passwd", "camera:", "camera:x", "camera:-1", "camera:0/../x", "video.mjpeg"}) {
        try {
            cameraSource(cameras, bad);
            FAIL("accepted " << bad);
        } catch (const HttpError& e) {
            CHECK(e.status == 400);
            CHECK(e.code == "invalid_argument");
        }
    }
}

TEST_CASE("the camera option: a missing file is refused at start, an index is not checked (plugged in later)")
{
    CHECK_NOTHROW(checkCameraOptions({"0", "camera:1", std::filesystem::temp_directory_path().string()}));
    try {
        checkCameraOptions({"/nonexistent/camera.mjpeg"});
        FAIL("accepted a missing file");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::InvalidArgument);
        CHECK_THAT(e.what(), Catch::Contains("--camera /nonexistent/camera.mjpeg"));
    }
}

TEST_CASE("no_camera: 503 with the fix, naming --camera")
{
    HttpError v4l2 = noCamera("camera:0", "camera:0", "cannot open camera:0 (V4L2)");
    CHECK(v4l2.status == 503);
    CHECK(v4l2.code == "no_camera");
    CHECK_THAT(v4l2.message, Catch::Contains("plug a camera in") && Catch::Contains("--camera"));
    HttpError file = noCamera("camera:1", "/srv/gone.mjpeg", "cannot open the live source /srv/gone.mjpeg");
    CHECK_THAT(file.message, Catch::StartsWith("camera:1 (--camera /srv/gone.mjpeg)"));
}

TEST_CASE("config file: \"camera\" is one source or a list of them")
{
    std::string path = "/tmp/cccd-agent-camera-" + std::to_string(::getpid()) + ".json";
    AgentOptions o;
    std::ofstream(path) << R"({"camera": "/srv/camera.mjpeg"})";
    loadConfigFile(path, o);
    CHECK(o.cameras == std::vector<std::string>{"/srv/camera.mjpeg"});
    std::ofstream(path) << R"({"camera": ["1", "/srv/frames"]})";
    loadConfigFile(path, o);
    CHECK(o.cameras == std::vector<std::string>{"1", "/srv/frames"});
    std::ofstream(path) << R"({"camera": 3})";
    CHECK_THROWS_AS(loadConfigFile(path, o), Error);
    std::remove(path.c_str());
}
