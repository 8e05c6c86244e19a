#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>

extern "C" lcv_status lcv_face_quality_measure(const lcv_image *image, int32_t x, int32_t y, int32_t width,
                                               int32_t height, lcv_face_quality *out, lcv_error *error) {
    return lcv::guarded(error, LCV_INTERNAL, [&]() -> lcv_status {
        if (image == nullptr || out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image or output");
        const cv::Mat &source = image->mat;
        if (x < 0 || y < 0 || width <= 0 || height <= 0 || x > source.cols - width || y > source.rows - height) {
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "the region lies outside the image");
        }
        cv::Mat grey;
        cv::cvtColor(source(cv::Rect(x, y, width, height)), grey, cv::COLOR_BGR2GRAY);
        // A fixed size makes sharpness comparable between faces of different sizes.
        cv::Mat fixed;
        cv::resize(grey, fixed, cv::Size(128, 128), 0, 0, cv::INTER_AREA);
        out->brightness = cv::mean(fixed)[0];
        out->clipped = static_cast<double>(cv::countNonZero(fixed >= 250)) / static_cast<double>(fixed.total());
        // Sharpness at a fixed contrast (grey standard deviation 50), so that a dark or flat face is not
        // taken for a blurred one: the Laplacian's variance grows with the square of the contrast.
        cv::Scalar mean, deviation;
        cv::meanStdDev(fixed, mean, deviation);
        cv::Mat stretched;
        fixed.convertTo(stretched, CV_64F, 50.0 / std::max(deviation[0], 1.0));
        cv::Mat laplacian;
        cv::Laplacian(stretched, laplacian, CV_64F);
        cv::meanStdDev(laplacian, mean, deviation);
        out->sharpness = deviation[0] * deviation[0];
        return LCV_OK;
    });
}
