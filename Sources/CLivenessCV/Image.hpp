#pragma once

#include "CLivenessCV.h"

#include <opencv2/core.hpp>

struct lcv_image {
    cv::Mat mat;  // 8-bit BGR, 3 channels
};
