// `cccd face-match` as a kiosk runs it: exit 7 with the reason when there is no face, warnings for a damaged
// chip photo, and nothing on stderr but our own lines (no OpenCV, libpng or FFmpeg chatter).
#include "face_fixtures.hpp"
#include "pcscd_instance.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/videoio.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace cccd;

namespace {
struct Run {
    int exitCode = -1;
    std::string out, err;
};

// A folder for one test's files, removed afterwards.
struct Scratch {
    std::string dir;
    Scratch()
    {
        char pattern[] = "/tmp/cccd-face-cli-XXXXXX";
        REQUIRE(::mkdtemp(pattern));
        dir = pattern;
    }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string write(const std::string& name, const Bytes& bytes) const
    {
        std::string path = dir + "/" + name;
        std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        return path;
    }
};

Run faceMatch(const Scratch& scratch, const std::string& arguments)
{
    std::string cccd = test::programPath("cccd");
    REQUIRE(std::filesystem::exists(cccd));
    std::string command = cccd + " face-match --models " + test::modelFolder() + " " + arguments + " 2>" + scratch.dir + "/stderr";
    Run run;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) run.out.append(buffer, n);
    int status = ::pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ostringstream err;
    err << std::ifstream(scratch.dir + "/stderr").rdbuf();
    run.err = err.str();
    return run;
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}
} // namespace

TEST_CASE("cccd face-match: black, sky-blue and noise live images exit 7 with no face found, in text and JSON")
{
    Scratch scratch;
    for (const auto& [name, frame] : test::facelessFrames()) {
        INFO(name);
        std::string live = scratch.write("live.png", test::encodePng(frame));
        Run text = faceMatch(scratch, "--chip " + test::sampleChipFace() + " --live " + live);
        CHECK(text.exitCode == 7);
        CHECK(text.out.empty()); // no MATCH / NO MATCH line, no score
        REQUIRE(lines(text.err).size() == 1);
        CHECK_THAT(text.err, Catch::StartsWith("cccd: no face found in the live image: ") && !Catch::Contains("blurred"));

        Run json = faceMatch(scratch, "--json --chip " + test::sampleChipFace() + " --live " + live);
        CHECK(json.exitCode == 7);
        nlohmann::json out = nlohmann::json::parse(json.out);
        for (const char* key : {"match", "score", "threshold", "liveness", "timing_ms", "warnings", "problem"}) CHECK(out.contains(key));
        CHECK(out["match"] == false);
        CHECK(out["score"] == 0.0);
        CHECK_THAT(out["problem"].get<std::string>(), Catch::StartsWith("no face found in the live image"));

        Run asChip = faceMatch(scratch, "--chip " + live + " --live " + test::sampleChipFace());
        CHECK(asChip.exitCode == 7);
        CHECK_THAT(asChip.err, Catch::StartsWith("cccd: no face found in the chip photo"));
    }
}

TEST_CASE("cccd face-match: a chip JPEG cut to a third is refused, one cut below the face matches with a warning")
{
    Scratch scratch;
    Bytes chip = test::readFile(test::sampleChipFace());
    std::string live = test::requireData("faces/public-domain/astronaut.png");

    Run third = faceMatch(scratch, "--chip " + scratch.write("third.jpg", test::cutShort(chip, 1.0 / 3)) + " --live " + live);
    CHECK(third.exitCode == 5); // a damaged chip file, as a corrupt one: read the card again
    CHECK(third.out.empty());
    CHECK_THAT(third.err, Catch::StartsWith("cccd: the chip photo is damaged") && Catch::Contains("read the card again"));

    std::string belowFace = scratch.write("cut.jpg", test::cutShort(chip, 0.8));
    Run text = faceMatch(scratch, "--chip " + belowFace + " --live " + live);
    CHECK(text.exitCode == 0);
    CHECK_THAT(text.out, Catch::StartsWith("MATCH"));
    CHECK_THAT(text.err, Catch::StartsWith("cccd: warning: the chip photo is damaged (Premature end of JPEG file"));
    Run json = faceMatch(scratch, "--json --chip " + belowFace + " --live " + live);
    nlohmann::json out = nlohmann::json::parse(json.out);
    CHECK(out["match"] == true);
    REQUIRE(out["warnings"].size() == 1);
    CHECK_THAT(out["warnings"][0].get<std::string>(), Catch::Contains("away from the face"));
}

TEST_CASE("cccd face-match: stderr holds only our lines for a PNG with an iCCP chunk, a missing or damaged video and a missing camera")
{
    Scratch scratch;
    std::string chip = test::sampleChipFace();
    // astronaut.png carries the iCCP profile libpng calls "known incorrect sRGB profile".
    Run png = faceMatch(scratch, "--chip " + chip + " --live " + test::requireData("faces/public-domain/astronaut.png"));
    CHECK(png.exitCode == 0);
    CHECK(png.err.empty());

    std::string missingVideo = scratch.dir + "/missing.avi";
    Run missing = faceMatch(scratch, "--chip " + chip + " --live " + missingVideo);
    CHECK(lines(missing.err) == std::vector<std::string>{"cccd: cannot open the live source " + missingVideo + " (image, folder, video or camera:N)"});

    Run camera = faceMatch(scratch, "--chip " + chip + " --live camera:99");
    CHECK(lines(camera.err) == std::vector<std::string>{"cccd: cannot open camera:99 (V4L2)"}); // OpenCV's own warning is silenced

    // An MJPEG video cut mid-frame: FFmpeg's decoder complains ("[mjpeg @ 0x...] overread") unless silenced.
    std::string video = scratch.dir + "/live.avi";
    {
        cv::Mat frame = cv::imdecode(test::photo("lfw-dev/Al_Gore/Al_Gore_0002.jpg"), cv::IMREAD_COLOR);
        cv::VideoWriter writer(video, cv::CAP_FFMPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'), 10, frame.size());
        REQUIRE(writer.isOpened());
        for (int i = 0; i < 20; ++i) writer.write(frame);
    }
    std::filesystem::resize_file(video, std::filesystem::file_size(video) * 2 / 15); // two frames and a half
    Run cut = faceMatch(scratch, "--chip " + test::requireData("faces/lfw-dev/Al_Gore/Al_Gore_0001.jpg") + " --live " + video);
    CHECK(cut.exitCode == 0);
    CHECK_THAT(cut.out, Catch::StartsWith("MATCH"));
    CHECK(cut.err.empty());
}
