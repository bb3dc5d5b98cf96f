#include "face_pipeline.hpp"

#include <cstdio>

namespace cccd::bench {

void printFaceTable(const FaceStages& f, std::ostream& out)
{
    out << "Face pipeline per live frame, one core, " << f.frames << " frames (LFW 250x250), BLAS: " << f.blas
        << (f.withLiveness ? "" : ", liveness models not installed") << "\n\n| stage | median ms | p95 ms |\n|---|---:|---:|\n";
    auto row = [&](const char* stage, const Spread& s) {
        char line[96];
        std::snprintf(line, sizeof line, "| %s | %.1f | %.1f |\n", stage, s.median, s.p95);
        out << line;
    };
    row("decode", f.decode);
    row("detect", f.detect);
    row("quality", f.quality);
    row("embed", f.embed);
    row("liveness", f.liveness);
    row("**per frame**", f.total);
}

} // namespace cccd::bench
