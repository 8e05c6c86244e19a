// The test-clip renderer's drawing: a triangulated face texture-warped to new point positions, filled
// polygons, deterministic sensor noise, and the I420 planes of a Y4M frame.
#include "Guard.hpp"
#include "Image.hpp"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <new>
#include <vector>

extern "C" lcv_status lcv_triangulate(const double *points, int32_t count, int32_t width, int32_t height,
                                      int32_t *triangles, int32_t capacity, int32_t *triangle_count,
                                      lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (points == nullptr || triangles == nullptr || triangle_count == nullptr || count < 3 || width <= 0 ||
            height <= 0)
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "triangulation needs points and a size");
        cv::Subdiv2D subdivision(cv::Rect(0, 0, width, height));
        std::vector<cv::Point2f> inserted;
        for (int32_t i = 0; i < count; ++i) {
            const cv::Point2f point{static_cast<float>(points[2 * i]), static_cast<float>(points[2 * i + 1])};
            if (point.x < 0 || point.y < 0 || point.x >= width || point.y >= height)
                return lcv::fail(error, LCV_INVALID_ARGUMENT, "a point lies outside the image");
            inserted.push_back(point);
            subdivision.insert(point);
        }
        std::vector<cv::Vec6f> list;
        subdivision.getTriangleList(list);
        const auto index = [&](float x, float y) -> int32_t {
            for (int32_t i = 0; i < count; ++i)
                if (std::abs(inserted[i].x - x) < 1e-3f && std::abs(inserted[i].y - y) < 1e-3f) return i;
            return -1;
        };
        int32_t written = 0;
        for (const auto &t : list) {
            const int32_t a = index(t[0], t[1]), b = index(t[2], t[3]), c = index(t[4], t[5]);
            if (a < 0 || b < 0 || c < 0) continue;  // a triangle on Subdiv2D's outer bounding vertices
            if (written + 1 > capacity / 3) return lcv::fail(error, LCV_INVALID_ARGUMENT, "too many triangles");
            triangles[3 * written] = a;
            triangles[3 * written + 1] = b;
            triangles[3 * written + 2] = c;
            ++written;
        }
        *triangle_count = written;
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_warp_triangles(const lcv_image *source, const double *from, const double *to,
                                         int32_t point_count, const int32_t *triangles, int32_t triangle_count,
                                         lcv_image **out, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (source == nullptr || from == nullptr || to == nullptr || triangles == nullptr || out == nullptr)
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image, points or triangles");
        cv::Mat target = source->mat.clone();
        const cv::Rect bounds(0, 0, target.cols, target.rows);
        for (int32_t k = 0; k < triangle_count; ++k) {
            cv::Point2f a[3], b[3];
            for (int j = 0; j < 3; ++j) {
                const int32_t i = triangles[3 * k + j];
                if (i < 0 || i >= point_count) return lcv::fail(error, LCV_INVALID_ARGUMENT, "a triangle index");
                a[j] = cv::Point2f(float(from[2 * i]), float(from[2 * i + 1]));
                b[j] = cv::Point2f(float(to[2 * i]), float(to[2 * i + 1]));
            }
            const cv::Rect sourceBox = cv::boundingRect(std::vector<cv::Point2f>(a, a + 3)) & bounds;
            const cv::Rect targetBox = cv::boundingRect(std::vector<cv::Point2f>(b, b + 3)) & bounds;
            if (sourceBox.area() == 0 || targetBox.area() == 0) continue;
            cv::Point2f localA[3], localB[3];
            std::vector<cv::Point> polygon(3);
            for (int j = 0; j < 3; ++j) {
                localA[j] = a[j] - cv::Point2f(float(sourceBox.x), float(sourceBox.y));
                localB[j] = b[j] - cv::Point2f(float(targetBox.x), float(targetBox.y));
                polygon[j] = cv::Point(cvRound(localB[j].x), cvRound(localB[j].y));
            }
            const cv::Mat affine = cv::getAffineTransform(localA, localB);
            cv::Mat patch;
            cv::warpAffine(source->mat(sourceBox), patch, affine, targetBox.size(), cv::INTER_LINEAR,
                           cv::BORDER_REFLECT_101);
            cv::Mat mask = cv::Mat::zeros(targetBox.size(), CV_8U);
            cv::fillConvexPoly(mask, polygon, cv::Scalar(255), cv::LINE_8);
            patch.copyTo(target(targetBox), mask);
        }
        *out = new lcv_image{target};
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_fill_polygon(lcv_image *image, const double *points, int32_t count, uint32_t rgb,
                                             lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || points == nullptr || count < 3) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no polygon");
        std::vector<cv::Point> polygon(count);
        for (int32_t i = 0; i < count; ++i) polygon[i] = cv::Point(cvRound(points[2 * i]), cvRound(points[2 * i + 1]));
        cv::fillPoly(image->mat, std::vector<std::vector<cv::Point>>{polygon},
                     cv::Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF), cv::LINE_AA);
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_tint(lcv_image *image, const double *points, int32_t count, uint32_t rgb, double alpha,
                                     lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || image->mat.empty() || !(alpha >= 0 && alpha <= 1) || count < 0 || (count > 0 && count < 3) ||
            (count > 0 && points == nullptr))
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image, polygon or weight");
        cv::Mat colour(image->mat.size(), image->mat.type(), cv::Scalar(rgb & 0xFF, (rgb >> 8) & 0xFF, (rgb >> 16) & 0xFF));
        cv::Mat blended;
        cv::addWeighted(image->mat, 1 - alpha, colour, alpha, 0, blended);
        if (count == 0) {
            image->mat = blended;
            return LCV_OK;
        }
        std::vector<cv::Point> polygon(count);
        for (int32_t i = 0; i < count; ++i) polygon[i] = cv::Point(cvRound(points[2 * i]), cvRound(points[2 * i + 1]));
        cv::Mat mask = cv::Mat::zeros(image->mat.size(), CV_8UC1);
        cv::fillPoly(mask, std::vector<std::vector<cv::Point>>{polygon}, cv::Scalar(255));
        blended.copyTo(image->mat, mask);
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_region_mean(const lcv_image *image, int32_t x, int32_t y, int32_t width, int32_t height,
                                            double *bgr, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || image->mat.empty() || bgr == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image");
        cv::Rect region = cv::Rect(x, y, width, height) & cv::Rect(0, 0, image->mat.cols, image->mat.rows);
        if (region.area() <= 0) return lcv::fail(error, LCV_INVALID_ARGUMENT, "the region is outside the image");
        cv::Scalar mean = cv::mean(image->mat(region));
        for (int i = 0; i < 3; ++i) bgr[i] = mean[i];
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_add_noise(lcv_image *image, uint64_t seed, double sigma, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || !(sigma >= 0)) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image or sigma");
        cv::RNG generator(seed);
        cv::Mat noise(image->mat.size(), CV_16SC3);
        generator.fill(noise, cv::RNG::NORMAL, cv::Scalar::all(0), cv::Scalar::all(sigma));
        cv::Mat sum;
        image->mat.convertTo(sum, CV_16SC3);
        sum += noise;
        sum.convertTo(image->mat, CV_8UC3);
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_i420(const lcv_image *image, uint8_t *out, size_t capacity, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || out == nullptr) return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image");
        const cv::Mat &mat = image->mat;
        if (mat.cols % 2 != 0 || mat.rows % 2 != 0)
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "I420 needs an even width and height");
        const size_t needed = size_t(mat.cols) * mat.rows * 3 / 2;
        if (capacity < needed) return lcv::fail(error, LCV_INVALID_ARGUMENT, "the buffer is too small");
        cv::Mat planes(mat.rows * 3 / 2, mat.cols, CV_8U, out);
        cv::cvtColor(mat, planes, cv::COLOR_BGR2YUV_I420);
        return LCV_OK;
    });
}

extern "C" lcv_status lcv_image_dhash(const lcv_image *image, uint64_t *hash, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (image == nullptr || hash == nullptr || image->mat.empty())
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "no image");
        cv::Mat grey, small;
        cv::cvtColor(image->mat, grey, cv::COLOR_BGR2GRAY);
        cv::resize(grey, small, cv::Size(9, 8), 0, 0, cv::INTER_AREA);
        uint64_t bits = 0;
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) bits = (bits << 1) | (small.at<uint8_t>(y, x) < small.at<uint8_t>(y, x + 1) ? 1 : 0);
        *hash = bits;
        return LCV_OK;
    });
}
