// Anti-spoof classifiers: the crop, its resize and the input tensor, by the recipe in lcv_classifier_input.
#include "Guard.hpp"
#include "Image.hpp"
#include "Net.hpp"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <vector>

namespace {

/// A padded crop larger than this (16 MP, 48 MB) is made from a reduced image instead: only faces of
/// thousands of pixels get there, and the network sees the same crop within resampling error.
constexpr double maxPaddedPixels = 16e6;

int cvBorder(lcv_border border) {
    switch (border) {
    case LCV_BORDER_REPLICATE: return cv::BORDER_REPLICATE;
    case LCV_BORDER_CONSTANT: return cv::BORDER_CONSTANT;
    default: return cv::BORDER_REFLECT_101;
    }
}

/// The crop of `source` that `input` describes, padded where it leaves the image.
cv::Mat crop(const cv::Mat &source, const lcv_classifier_input &input) {
    cv::Rect wanted(input.x, input.y, input.width, input.height);
    if (input.border == LCV_BORDER_NONE) return source(wanted);
    cv::Mat image = source;
    const double pixels = static_cast<double>(wanted.width) * wanted.height;
    if (pixels > maxPaddedPixels) {
        const double factor = std::sqrt(maxPaddedPixels / pixels);
        cv::resize(source, image, cv::Size(), factor, factor, cv::INTER_AREA);
        wanted = cv::Rect(static_cast<int>(std::floor(wanted.x * factor)), static_cast<int>(std::floor(wanted.y * factor)),
                          std::max(1, static_cast<int>(wanted.width * factor)),
                          std::max(1, static_cast<int>(wanted.height * factor)));
    }
    const cv::Rect inside = wanted & cv::Rect(0, 0, image.cols, image.rows);
    if (inside.empty()) throw std::invalid_argument("the crop does not overlap the image");
    cv::Mat padded;
    cv::copyMakeBorder(image(inside), padded, inside.y - wanted.y, wanted.br().y - inside.br().y, inside.x - wanted.x,
                       wanted.br().x - inside.br().x, cvBorder(input.border), cv::Scalar());
    return padded;
}

/// `patch` at the network's input size.
cv::Mat resize(const cv::Mat &patch, const lcv_classifier_input &input) {
    cv::Mat resized;
    if (input.resize == LCV_RESIZE_STRETCH) {
        cv::resize(patch, resized, cv::Size(input.input_width, input.input_height), 0, 0, cv::INTER_LINEAR);
        return resized;
    }
    const double ratio = std::min(static_cast<double>(input.input_width) / patch.cols,
                                  static_cast<double>(input.input_height) / patch.rows);
    const int width = std::clamp(static_cast<int>(patch.cols * ratio), 1, static_cast<int>(input.input_width));
    const int height = std::clamp(static_cast<int>(patch.rows * ratio), 1, static_cast<int>(input.input_height));
    cv::resize(patch, resized, cv::Size(width, height), 0, 0, ratio > 1.0 ? cv::INTER_LANCZOS4 : cv::INTER_AREA);
    const int padWidth = input.input_width - width;
    const int padHeight = input.input_height - height;
    if (padWidth == 0 && padHeight == 0) return resized;
    cv::Mat boxed;
    cv::copyMakeBorder(resized, boxed, padHeight / 2, padHeight - padHeight / 2, padWidth / 2, padWidth - padWidth / 2,
                       cvBorder(input.border), cv::Scalar());
    return boxed;
}

/// The NCHW float32 tensor of `resized`: channel order, then (value * scale - mean) / std.
cv::Mat tensor(const cv::Mat &resized, const lcv_classifier_input &input) {
    cv::Mat values;
    resized.convertTo(values, CV_32F);
    if (input.swap_rb != 0) cv::cvtColor(values, values, cv::COLOR_BGR2RGB);
    const bool identity = input.scale == 1.0f && input.mean[0] == 0 && input.mean[1] == 0 && input.mean[2] == 0 &&
                          input.std[0] == 1.0f && input.std[1] == 1.0f && input.std[2] == 1.0f;
    if (!identity) {
        std::vector<cv::Mat> channels;
        cv::split(values, channels);
        for (int channel = 0; channel < 3; ++channel) {
            channels[channel] = (channels[channel] * input.scale - input.mean[channel]) / input.std[channel];
        }
        cv::merge(channels, values);
    }
    return cv::dnn::blobFromImage(values, 1.0, cv::Size(), cv::Scalar(), false, false, CV_32F);
}

bool valid(const lcv_classifier_input &input, const cv::Mat &source) {
    if (input.width <= 0 || input.height <= 0 || input.input_width <= 0 || input.input_height <= 0) return false;
    if (input.input_width > 4096 || input.input_height > 4096 || input.scale == 0) return false;
    for (float deviation : input.std) if (deviation == 0) return false;
    if (input.border != LCV_BORDER_NONE) return true;
    return input.x >= 0 && input.y >= 0 && input.x + input.width <= source.cols && input.y + input.height <= source.rows;
}

}  // namespace

extern "C" lcv_status lcv_classify(lcv_net *net, const lcv_image *image, const lcv_classifier_input *input,
                                   float *logits, int32_t max_logits, int32_t *logit_count, lcv_error *error) {
    return lcv::guarded(error, LCV_INFERENCE_FAILED, [&]() -> lcv_status {
        if (net == nullptr || image == nullptr || input == nullptr || logits == nullptr || logit_count == nullptr ||
            max_logits < 0) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "missing network, image, input or output buffer");
        }
        const cv::Mat &source = image->mat;
        if (!valid(*input, source)) return lcv::fail(error, LCV_INVALID_ARGUMENT, "bad crop or classifier input");
        const cv::Mat output = net->forward(tensor(resize(crop(source, *input), *input), *input), {})[0];
        if (output.depth() != CV_32F) return lcv::fail(error, LCV_INFERENCE_FAILED, "unexpected classifier output type");
        size_t total = 0;
        lcv::copyOutput(output, logits, static_cast<size_t>(max_logits), &total);
        *logit_count = static_cast<int32_t>(std::min(total, static_cast<size_t>(max_logits)));
        if (total != static_cast<size_t>(*logit_count)) {
            return lcv::fail(error, LCV_INFERENCE_FAILED, "the classifier has more outputs than expected");
        }
        return LCV_OK;
    });
}
