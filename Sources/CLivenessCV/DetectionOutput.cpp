#include "DetectionOutput.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace lcv {
namespace {

struct Level {
    int stride;
    float minSizes[2];
};
constexpr Level levels[] = {{8, {16, 32}}, {16, {64, 128}}, {32, {256, 512}}};
constexpr float variances[4] = {0.1f, 0.1f, 0.2f, 0.2f};
constexpr float confidenceThreshold = 0.1f;
constexpr float nmsThreshold = 0.3f;
constexpr size_t topK = 400;
constexpr size_t keepTopK = 200;

/// The backbone's stride-2, pad-1, 3x3 convolutions round up: a stride-s map has ceil(n / 2) applied log2(s) times.
int featureSize(int input, int stride) {
    int size = input;
    for (int s = stride; s > 1; s /= 2) size = (size + 1) / 2;
    return size;
}

struct Box {
    float x1, y1, x2, y2;
};

float area(const Box &box) {
    return box.x2 < box.x1 || box.y2 < box.y1 ? 0.0f : (box.x2 - box.x1) * (box.y2 - box.y1);
}

float overlap(const Box &a, const Box &b) {
    if (b.x1 > a.x2 || b.x2 < a.x1 || b.y1 > a.y2 || b.y2 < a.y1) return 0.0f;
    const Box inner{std::max(a.x1, b.x1), std::max(a.y1, b.y1), std::min(a.x2, b.x2), std::min(a.y2, b.y2)};
    const float intersection = area(inner);
    return intersection / (area(a) + area(b) - intersection);
}

}  // namespace

std::vector<std::array<float, 7>> retinaFaceDetections(const float *loc, const float *conf, size_t priors, int width,
                                                       int height) {
    // PriorBox, in Caffe's order: level, row, column, min size.
    std::vector<Box> anchors;
    anchors.reserve(priors);
    for (const Level &level : levels) {
        const int rows = featureSize(height, level.stride), columns = featureSize(width, level.stride);
        for (int row = 0; row < rows; ++row) {
            for (int column = 0; column < columns; ++column) {
                const float cx = (column + 0.5f) * level.stride, cy = (row + 0.5f) * level.stride;
                for (float size : level.minSizes) {
                    anchors.push_back({(cx - size / 2.0f) / width, (cy - size / 2.0f) / height,
                                       (cx + size / 2.0f) / width, (cy + size / 2.0f) / height});
                }
            }
        }
    }
    if (anchors.size() != priors) throw std::runtime_error("the detector's outputs do not match its input size");

    // Scores above the threshold, best first (stable, as OpenCV), at most top_k.
    std::vector<std::pair<float, size_t>> candidates;
    for (size_t i = 0; i < priors; ++i) {
        if (conf[2 * i + 1] > confidenceThreshold) candidates.emplace_back(conf[2 * i + 1], i);
    }
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    if (candidates.size() > topK) candidates.resize(topK);

    // CENTER_SIZE decoding, only for the candidates.
    auto decode = [&](size_t i) {
        const Box &prior = anchors[i];
        const float priorWidth = prior.x2 - prior.x1, priorHeight = prior.y2 - prior.y1;
        const float priorX = (prior.x1 + prior.x2) / 2.0f, priorY = (prior.y1 + prior.y2) / 2.0f;
        const float *offsets = loc + 4 * i;
        const float x = variances[0] * offsets[0] * priorWidth + priorX;
        const float y = variances[1] * offsets[1] * priorHeight + priorY;
        const float w = std::exp(variances[2] * offsets[2]) * priorWidth;
        const float h = std::exp(variances[3] * offsets[3]) * priorHeight;
        return Box{x - w / 2.0f, y - h / 2.0f, x + w / 2.0f, y + h / 2.0f};
    };

    std::vector<std::array<float, 7>> rows;
    std::vector<Box> kept;
    for (const auto &[score, index] : candidates) {
        const Box box = decode(index);
        bool keep = true;
        for (const Box &other : kept) {
            if (overlap(box, other) > nmsThreshold) {
                keep = false;
                break;
            }
        }
        if (!keep) continue;
        kept.push_back(box);
        rows.push_back({0.0f, 1.0f, score, box.x1, box.y1, box.x2, box.y2});
    }
    if (rows.size() > keepTopK) rows.resize(keepTopK);
    return rows;
}

}  // namespace lcv
