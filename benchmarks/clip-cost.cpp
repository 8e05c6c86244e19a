// What a blink or action clip costs per frame on one thread, on each engine (docs/performance.md, "the clip's
// bound"): the clip decoded through the bridge (wall and CPU time: FFmpeg decodes on threads of its own), then
// every frame as BlinkPipeline tracks a face, on both engines in turn: Face Mesh on the region from the previous
// frame's points and Iris on both eyes as one batch of two, each timed as its bridge call (the crop, the blob and
// the inference). Frames are visited in order after the whole clip is decoded, as the service does, so their
// pixels come from memory, not from the cache. Each pass starts from the frame's centre and follows the face from
// there; the first two passes warm the networks up and are not timed. Built and run by benchmarks/clip-cost.sh
// against the release build's bridge objects; any failing call stops the program.
#include "bridge-bench.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

using bench::Clock;
using bench::median;
using bench::milliseconds;
using bench::require;

double cpuMilliseconds() {
    timespec now{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/// A square region as RegionOfInterest holds it: centre, side and rotation in image pixels.
struct Region {
    double x, y, side, rotation;

    /// RegionOfInterest.transform(cropSize:): crop pixels to image pixels.
    std::vector<double> transform(int size) const {
        const double scale = side / size, c = std::cos(rotation) * scale, s = std::sin(rotation) * scale, half = size / 2.0;
        return {c, -s, x - c * half + s * half, s, c, y - s * half - c * half};
    }

    /// RegionOfInterest(landmarks:): along point 33 → 263, 1.5 times the points' extent in that frame.
    static Region around(const std::vector<double> &points) {
        const double rotation = std::atan2(points[263 * 2 + 1] - points[33 * 2 + 1], points[263 * 2] - points[33 * 2]);
        const double c = std::cos(rotation), s = std::sin(rotation);
        double minU = INFINITY, maxU = -INFINITY, minV = INFINITY, maxV = -INFINITY;
        for (size_t i = 0; i + 1 < points.size(); i += 2) {
            const double u = c * points[i] + s * points[i + 1], v = -s * points[i] + c * points[i + 1];
            minU = std::min(minU, u), maxU = std::max(maxU, u), minV = std::min(minV, v), maxV = std::max(maxV, v);
        }
        const double midU = (minU + maxU) / 2, midV = (minV + maxV) / 2;
        return {c * midU - s * midV, s * midU + c * midV, 1.5 * std::max(maxU - minU, maxV - minV), rotation};
    }

    /// RegionOfInterest(eyeFrom:to:).
    static Region eye(const std::vector<double> &points, int from, int to) {
        const double ax = points[from * 2], ay = points[from * 2 + 1], bx = points[to * 2], by = points[to * 2 + 1];
        return {(ax + bx) / 2, (ay + by) / 2, 2.3 * std::max(std::abs(bx - ax), std::abs(by - ay)), std::atan2(by - ay, bx - ax)};
    }
};

/// One engine's Face Mesh and Iris, run on regions of a frame through lcv_run_roi.
struct Landmarks {
    lcv_net *mesh, *iris;
    std::vector<float> values = std::vector<float>(1405 + 2 * 228);
    int32_t counts[4] = {};

    static lcv_net *network(lcv_engine engine, const std::string &path) {
        lcv_model *model = nullptr;
        lcv_net *net = nullptr;
        lcv_error error{};
        const lcv_openvino_options options = bench::videoNetworkOptions();
        require(lcv_model_load(engine, path.c_str(), nullptr, 1, LCV_SHARING_PER_WORKER, 0, &options, &model, &error), error,
                path.c_str());
        require(lcv_net_create(model, &net, &error), error, path.c_str());
        return net;
    }

    void run(lcv_net *net, const lcv_image *image, const std::vector<double> &transforms, const std::vector<int32_t> &flips,
             int32_t size, int32_t replicate, const char *outputs) {
        lcv_roi_batch batch{static_cast<int32_t>(flips.size()), transforms.data(), flips.data(), size, replicate, outputs};
        lcv_outputs destination{values.data(), static_cast<int32_t>(values.size()), counts, 4};
        lcv_error error{};
        require(lcv_run_roi(net, image, &batch, &destination, &error), error, outputs);
    }

    /// Face Mesh on `region`: its 468 points in image pixels (x, y pairs).
    std::vector<double> points(const lcv_image *image, const Region &region) {
        const std::vector<double> map = region.transform(192);
        run(mesh, image, map, {0}, 192, 0, "conv2d_21,conv2d_31");
        std::vector<double> points(468 * 2);
        for (int i = 0; i < 468; ++i) {
            const double x = values[i * 3], y = values[i * 3 + 1];
            points[i * 2] = map[0] * x + map[1] * y + map[2];
            points[i * 2 + 1] = map[3] * x + map[4] * y + map[5];
        }
        return points;
    }

    /// Iris on both eyes as one batch, the left eye mirrored (BlinkPipeline.eyeAspectRatios).
    void eyes(const lcv_image *image, const std::vector<double> &points) {
        std::vector<double> maps = Region::eye(points, 33, 133).transform(64);
        const std::vector<double> left = Region::eye(points, 362, 263).transform(64);
        maps.insert(maps.end(), left.begin(), left.end());
        run(iris, image, maps, {0, 1}, 64, 1, "output_eyes_contours_and_brows");
    }
};

}  // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: clip-cost MODELS VIDEO [ROUNDS]\n");
        return 2;
    }
    bench::configureAsTheService();
    const std::string models = argv[1];
    const std::vector<uint8_t> video = bench::readFile(argv[2]);
    const int rounds = argc > 3 ? std::atoi(argv[3]) : 5;

    std::vector<lcv_image *> frames;
    std::vector<double> decodeWall, decodeCPU;
    for (int round = 0; round < rounds + 1; ++round) {
        for (lcv_image *frame : frames) lcv_image_free(frame);
        frames.clear();
        const auto start = Clock::now();
        const double cpu = cpuMilliseconds();
        lcv_video *clip = nullptr;
        lcv_error error{};
        // 640: VideoLimits' default maxSide, the size the analysis uses.
        require(lcv_video_open(video.data(), video.size(), 640, &clip, &error), error, "open");
        for (lcv_image *frame = nullptr;; frames.push_back(frame)) {
            require(lcv_video_next(clip, &frame, &error), error, "decode");
            if (frame == nullptr) break;
        }
        lcv_video_free(clip);
        if (round == 0) continue;
        decodeWall.push_back(milliseconds(start, Clock::now()));
        decodeCPU.push_back(cpuMilliseconds() - cpu);
    }
    if (frames.empty()) {
        std::fprintf(stderr, "the video has no frame\n");
        return 1;
    }
    const double frameCount = static_cast<double>(frames.size());
    std::printf("%zu frames %dx%d: decode p50 %.1f ms wall, %.1f ms CPU (%.2f ms CPU per frame)\n", frames.size(),
                lcv_image_width(frames[0]), lcv_image_height(frames[0]), median(decodeWall), median(decodeCPU),
                median(decodeCPU) / frameCount);

    // Both engines take turns over the whole clip, round after round, so that both see the same minutes of a host
    // whose speed drifts.
    const char *names[2] = {"openvino", "opencv"};
    Landmarks engines[2] = {{Landmarks::network(LCV_ENGINE_OPENVINO, models + "/mediapipe_face_landmark_nchw.onnx"),
                             Landmarks::network(LCV_ENGINE_OPENVINO, models + "/mediapipe_iris_landmark_nchw.onnx")},
                            {Landmarks::network(LCV_ENGINE_OPENCV, models + "/mediapipe_face_landmark_nchw.onnx"),
                             Landmarks::network(LCV_ENGINE_OPENCV, models + "/mediapipe_iris_landmark_nchw.onnx")}};
    std::vector<double> mesh[2], iris[2];
    const double side = std::min(lcv_image_width(frames[0]), lcv_image_height(frames[0]));
    for (int round = 0; round < rounds + 2; ++round) {
        for (int engine = 0; engine < 2; ++engine) {
            Region region{lcv_image_width(frames[0]) / 2.0, lcv_image_height(frames[0]) / 2.0, side, 0};
            for (lcv_image *frame : frames) {
                const auto start = Clock::now();
                const std::vector<double> points = engines[engine].points(frame, region);
                const auto meshed = Clock::now();
                engines[engine].eyes(frame, points);
                const auto end = Clock::now();
                region = Region::around(points);
                if (round < 2) continue;  // warm-up passes
                mesh[engine].push_back(milliseconds(start, meshed));
                iris[engine].push_back(milliseconds(meshed, end));
            }
        }
    }
    double perFrame[2] = {};
    for (int engine = 0; engine < 2; ++engine) {
        perFrame[engine] = median(mesh[engine]) + median(iris[engine]);
        std::printf("%s: per frame p50 Face Mesh %.2f ms, Iris (two eyes) %.2f ms: %.2f ms\n", names[engine],
                    median(mesh[engine]), median(iris[engine]), perFrame[engine]);
        lcv_net_free(engines[engine].mesh);
        lcv_net_free(engines[engine].iris);
    }
    // The clip's CPU: the decode's, then every frame's landmark stage; spread over two cores at best.
    const double clip[2] = {median(decodeCPU) + frameCount * perFrame[0], median(decodeCPU) + frameCount * perFrame[1]};
    std::printf("clip on two cores at best: openvino %.0f ms, opencv %.0f ms: %.2fx (the landmark networks alone %.2fx)\n",
                clip[0] / 2, clip[1] / 2, clip[0] / clip[1], perFrame[0] / perFrame[1]);
    for (lcv_image *frame : frames) lcv_image_free(frame);
    return 0;
}
