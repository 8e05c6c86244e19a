// Head pose from Face Mesh points: cv::solvePnP against the subject's own neutral mesh.
#include "Guard.hpp"

#include <opencv2/calib3d.hpp>

#include <cmath>
#include <vector>

extern "C" lcv_status lcv_solve_pose(const double *model, const double *image, int32_t count, double focal, double cx,
                                     double cy, double *rvec, double *tvec, double *error_pixels, lcv_error *error) {
    return lcv::guarded(error, LCV_INVALID_ARGUMENT, [&]() -> lcv_status {
        if (model == nullptr || image == nullptr || rvec == nullptr || tvec == nullptr || count < 6 || count > 4096 ||
            !(focal > 0))
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "a pose needs at least 6 points and a focal length");
        std::vector<cv::Point3d> objects(count);
        std::vector<cv::Point2d> points(count);
        for (int32_t i = 0; i < count; ++i) {
            objects[i] = cv::Point3d(model[3 * i], model[3 * i + 1], model[3 * i + 2]);
            points[i] = cv::Point2d(image[2 * i], image[2 * i + 1]);
        }
        const cv::Matx33d camera(focal, 0, cx, 0, focal, cy, 0, 0, 1);
        cv::Mat r(3, 1, CV_64F, rvec), t(3, 1, CV_64F, tvec);
        // Levenberg-Marquardt from the caller's guess (the identity pose): a shallow face has a mirrored
        // solution that a closed-form start can land on; starting from the identity keeps the near one.
        if (!cv::solvePnP(objects, points, camera, cv::noArray(), r, t, true, cv::SOLVEPNP_ITERATIVE))
            return lcv::fail(error, LCV_INVALID_ARGUMENT, "solvePnP found no pose");
        if (error_pixels != nullptr) {
            std::vector<cv::Point2d> projected;
            cv::projectPoints(objects, r, t, camera, cv::noArray(), projected);
            double sum = 0;
            for (int32_t i = 0; i < count; ++i) sum += cv::norm(projected[i] - points[i]);
            *error_pixels = sum / count;
        }
        return LCV_OK;
    });
}
