// OpenVINO's C headers are included only by CLivenessCV/OpenVINO.cpp (they #define BOOLEAN, which
// breaks OpenCV's headers). This module exists so that SwiftPM picks up the compile and link flags,
// with the rpath, from pkg-config (liveness-openvino.pc, written by scripts/fetch-openvino).
#pragma once
