// Line and text drawing for plots (the evaluation report's DET curve as PNG).
#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace {
cv::Scalar bgr(uint32_t rgb) { return cv::Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF); }
}  // namespace

extern "C" lcv_status lcv_image_draw_line(lcv_image *image, double x1, double y1, double x2, double y2, uint32_t rgb,
                                          int32_t thickness, lcv_error *error) {
    return lcv::guarded(error, LCV_INTERNAL, [&]() -> lcv_status {
        if (image == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image");
        // Sub-pixel coordinates: 4 fractional bits.
        const auto point = [](double x, double y) { return cv::Point(cvRound(x * 16), cvRound(y * 16)); };
        cv::line(image->mat, point(x1, y1), point(x2, y2), bgr(rgb), std::max(1, thickness), cv::LINE_AA, 4);
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_draw_text(lcv_image *image, double x, double y, const char *text, double scale,
                                          uint32_t rgb, lcv_error *error) {
    return lcv::guarded(error, LCV_INTERNAL, [&]() -> lcv_status {
        if (image == nullptr || text == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image or text");
        cv::putText(image->mat, text, cv::Point(cvRound(x), cvRound(y)), cv::FONT_HERSHEY_SIMPLEX, scale, bgr(rgb), 1,
                    cv::LINE_AA);
        return LCV_OK;
    });
}
