#!/usr/bin/env bash
# Builds and runs one of the in-process bridge benchmarks, linked against the release build's bridge objects:
# run `swift build -c release` first. This script is also installed as clip-cost.sh; its name picks the program.
#   benchmarks/stage-cost.sh [IMAGE.jpg] [ORIENTATION] [CHECKS]   the passive check's calls (stage-cost.cpp)
#   benchmarks/clip-cost.sh [VIDEO] [ROUNDS]                       a clip's decode and landmark networks, both
#                                                                  engines (clip-cost.cpp)
# Both compile OpenVINO's networks as the service does by default (one thread per stream, no pinning, f32);
# OPENVINO_INFERENCE_PRECISION=bf16 makes stage-cost's detector and classifiers bf16, as the service's setting
# does (f32 on CPUs without bfloat16 instructions). The video networks are always f32, in the service too.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
program=$(basename "$0" .sh)
testdata=${LIVENESS_TESTDATA:-$root/../shared/testdata}
objects="$root/.build/release/CLivenessCV.build"
[ -d "$objects" ] || { echo "$program: no release build in $objects; run swift build -c release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
c++ -O2 -std=c++17 -I"$root/Sources/CLivenessCV/include" "$root/benchmarks/$program.cpp" "$objects"/*.o \
    $(pkg-config --libs liveness-opencv4 liveness-openvino) -lturbojpeg \
    -Wl,-rpath,"$(pkg-config --variable=libdir liveness-openvino)" -o "$work/$program"
case "$program" in
clip-cost) "$work/$program" "$root/models" "${1:-$testdata/video/noblink_photo_moving_h264.mp4}" "${2:-5}" ;;
*) "$work/$program" "$root/models" "${1:-$testdata/images/image_T1.jpg}" "${2:-6}" "${3:-2000}" ;;
esac
