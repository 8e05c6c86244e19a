// The OpenCV headers are C++ and are included only by the CLivenessCV bridge.
// This module exists so that SwiftPM picks up OpenCV's compile and link flags
// from pkg-config (liveness-opencv4.pc).
#pragma once
