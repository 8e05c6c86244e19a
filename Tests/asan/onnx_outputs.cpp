// lcv::onnx::keepingOutputs under AddressSanitizer and UBSan (scripts/asan-bridge): the Iris model with each kind
// of keep list, then every short prefix, prefixes through the whole file, and corrupted copies, none of which may
// read outside the bytes. Exits 1 on an unexpected answer.
#include "OnnxOutputs.hpp"

#include <cstdio>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: onnx_outputs IRIS.onnx\n");
        return 2;
    }
    std::ifstream file(argv[1], std::ios::binary);
    const std::string model{std::istreambuf_iterator<char>(file), {}};
    const std::vector<std::string> contour{"output_eyes_contours_and_brows"};
    const std::string pruned = lcv::onnx::keepingOutputs(model, contour);
    const bool expected = !pruned.empty() && pruned.size() < model.size() &&
                          lcv::onnx::keepingOutputs(model, {"output_eyes_contours_and_brows", "output_iris"}).empty() &&
                          lcv::onnx::keepingOutputs(model, {"not_an_output"}).empty() &&
                          lcv::onnx::keepingOutputs(model, {}).empty() && lcv::onnx::keepingOutputs(pruned, contour).empty();
    if (!expected) {
        std::fprintf(stderr, "onnx_outputs: unexpected answers on %s\n", argv[1]);
        return 1;
    }
    for (size_t length = 0; length < model.size(); length += length < 4096 ? 1 : 977) {
        (void)lcv::onnx::keepingOutputs(model.substr(0, length), contour);
    }
    std::mt19937 random(7);
    for (int round = 0; round < 3000; ++round) {
        std::string broken = model;
        for (int flips = 0; flips < 4; ++flips) broken[random() % broken.size()] = static_cast<char>(random());
        (void)lcv::onnx::keepingOutputs(broken, contour);
    }
    std::printf("onnx_outputs: %zu of %zu bytes kept; prefixes and 3000 corrupted copies read\n", pruned.size(), model.size());
    return 0;
}
