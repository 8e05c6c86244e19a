// The passive check's bridge calls timed one by one, in-process, on one thread (docs/performance.md): decode,
// detect, each classifier, the quality measure; then the same checks run stage by stage in groups of 1, 2 and 4
// images (decode all, detect all, each classifier on all), which shows what the networks cost each other in the
// caches. Built and run by benchmarks/stage-cost.sh against the release build's bridge objects. The detector's
// input size follows SFAS's rule (DetectorInput); the classifiers' crops are squares of 2.7 and 4 times the face,
// shifted inside the image, close to CropWindow's in size, which is what their cost depends on. Any failing call
// stops the program: a timing of a failed call would be meaningless.
#include "bridge-bench.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

using bench::Clock;
using bench::median;
using bench::milliseconds;
using bench::require;

lcv_net *network(const std::string &path) {
    lcv_model *model = nullptr;
    lcv_net *net = nullptr;
    lcv_error error{};
    const lcv_openvino_options options = bench::passiveNetworkOptions();
    if (lcv_model_load(LCV_ENGINE_OPENVINO, path.c_str(), nullptr, 1, LCV_SHARING_PER_WORKER, 0, &options, &model, &error) != LCV_OK ||
        lcv_net_create(model, &net, &error) != LCV_OK) {
        std::fprintf(stderr, "%s: %s\n", path.c_str(), error.message);
        std::exit(1);
    }
    return net;
}

struct Check {
    lcv_net *detector, *v2, *v1se;
    std::vector<uint8_t> jpeg;
    int32_t orientation;

    lcv_image *decode() const {
        lcv_image *image = nullptr;
        lcv_error error{};
        require(lcv_image_decode_jpeg(jpeg.data(), jpeg.size(), orientation, &image, &error), error, "decode");
        return image;
    }

    /// The best face's box in pixels, from the detector's normalised row.
    std::vector<int> detect(lcv_image *image) const {
        const int width = lcv_image_width(image), height = lcv_image_height(image);
        const float scale = std::min(1.0f, 192.0f / std::sqrt(static_cast<float>(width) * height));
        float rows[7 * 64];
        int32_t count = 0;
        lcv_error error{};
        require(lcv_detect(detector, image, std::max(1, static_cast<int>(width * scale)),
                           std::max(1, static_cast<int>(height * scale)), rows, 64, &count, &error),
                error, "detect");
        if (count == 0) return {width / 4, height / 4, width / 2, height / 2};
        const int x1 = static_cast<int>(rows[3] * width), y1 = static_cast<int>(rows[4] * height);
        return {x1, y1, static_cast<int>(rows[5] * width) - x1, static_cast<int>(rows[6] * height) - y1};
    }

    void classify(lcv_net *net, lcv_image *image, const std::vector<int> &box, float factor) const {
        const int width = lcv_image_width(image), height = lcv_image_height(image);
        const int side = std::min({static_cast<int>(std::max(box[2], box[3]) * factor), width, height});
        lcv_classifier_input input{std::clamp(box[0] + box[2] / 2 - side / 2, 0, width - side),
                                   std::clamp(box[1] + box[3] / 2 - side / 2, 0, height - side), side, side,
                                   LCV_BORDER_NONE, LCV_RESIZE_STRETCH, 80, 80, 0, 1.0f, {0, 0, 0}, {1, 1, 1}};
        float logits[8];
        int32_t count = 0;
        lcv_error error{};
        require(lcv_classify(net, image, &input, logits, 8, &count, &error), error, "classify");
    }

    static void quality(lcv_image *image, const std::vector<int> &box) {
        lcv_face_quality quality{};
        lcv_error error{};
        require(lcv_face_quality_measure(image, std::max(0, box[0]), std::max(0, box[1]), std::max(1, box[2]),
                                         std::max(1, box[3]), &quality, &error),
                error, "quality");
    }
};

}  // namespace

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: stage-cost MODELS IMAGE.jpg [ORIENTATION] [CHECKS]\n");
        return 2;
    }
    bench::configureAsTheService();
    const std::string models = argv[1];
    Check check{network(models + "/Widerface-RetinaFace.onnx"), network(models + "/2.7_80x80_MiniFASNetV2.onnx"),
                network(models + "/4_0_0_80x80_MiniFASNetV1SE.onnx"),
                bench::readFile(argv[2]), argc > 3 ? std::atoi(argv[3]) : 1};
    const int checks = argc > 4 ? std::atoi(argv[4]) : 2000;
    std::vector<double> stages[6];
    for (int round = 0; round < checks + 20; ++round) {
        const auto start = Clock::now();
        lcv_image *image = check.decode();
        const auto decoded = Clock::now();
        const std::vector<int> box = check.detect(image);
        const auto detected = Clock::now();
        check.classify(check.v2, image, box, 2.7f);
        const auto first = Clock::now();
        check.classify(check.v1se, image, box, 4.0f);
        const auto second = Clock::now();
        Check::quality(image, box);
        const auto end = Clock::now();
        lcv_image_free(image);
        if (round < 20) continue;  // the detector compiles its shape on the first check
        const double parts[6] = {milliseconds(start, decoded), milliseconds(decoded, detected), milliseconds(detected, first),
                                 milliseconds(first, second), milliseconds(second, end), milliseconds(start, end)};
        for (int stage = 0; stage < 6; ++stage) stages[stage].push_back(parts[stage]);
    }
    std::printf("p50 ms: decode %.2f, detect %.2f, MiniFASNetV2 %.2f, V1SE %.2f, quality %.2f; check %.2f\n",
                median(stages[0]), median(stages[1]), median(stages[2]), median(stages[3]), median(stages[4]),
                median(stages[5]));
    for (int group : {1, 2, 4, 1}) {
        std::vector<lcv_image *> images(static_cast<size_t>(group));
        std::vector<std::vector<int>> boxes(static_cast<size_t>(group));
        const auto start = Clock::now();
        for (int done = 0; done < checks; done += group) {
            for (auto &image : images) image = check.decode();
            for (int i = 0; i < group; ++i) boxes[i] = check.detect(images[i]);
            for (int i = 0; i < group; ++i) check.classify(check.v2, images[i], boxes[i], 2.7f);
            for (int i = 0; i < group; ++i) check.classify(check.v1se, images[i], boxes[i], 4.0f);
            for (int i = 0; i < group; ++i) {
                Check::quality(images[i], boxes[i]);
                lcv_image_free(images[i]);
            }
        }
        std::printf("stage by stage in groups of %d: %.2f ms per check\n", group, milliseconds(start, Clock::now()) / checks);
    }
    return 0;
}
