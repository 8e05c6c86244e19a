#pragma once

#include "CLivenessCV.h"

#include <opencv2/dnn.hpp>

struct lcv_net {
    cv::dnn::Net net;
};
