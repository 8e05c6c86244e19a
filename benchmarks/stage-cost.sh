#!/usr/bin/env bash
# Times the passive check's bridge calls in-process on one thread (benchmarks/stage-cost.cpp), linked against
# the release build's bridge objects: run `swift build -c release` first.
# Usage: benchmarks/stage-cost.sh [IMAGE.jpg] [ORIENTATION] [CHECKS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
objects="$root/.build/release/CLivenessCV.build"
[ -d "$objects" ] || { echo "stage-cost: no release build in $objects; run swift build -c release" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
c++ -O2 -std=c++17 -I"$root/Sources/CLivenessCV/include" "$root/benchmarks/stage-cost.cpp" "$objects"/*.o \
    $(pkg-config --libs liveness-opencv4 liveness-openvino) -lturbojpeg \
    -Wl,-rpath,"$(pkg-config --variable=libdir liveness-openvino)" -o "$work/stage-cost"
"$work/stage-cost" "$root/models" "${1:-${LIVENESS_TESTDATA:-$root/../shared/testdata}/images/image_T1.jpg}" "${2:-6}" "${3:-2000}"
