#!/usr/bin/env bash
# Where the server's CPU goes under load: starts a release server, drives POST /liveness with wrk at 8 and 64
# connections while `perf record -g` samples the server, and prints each stage's share of the samples
# (benchmarks/profile-breakdown.py: decode, pre/post-processing, inference, HTTP, base64, JSON, audit, token
# signing, waiting). Measures; asserts nothing. Needs perf (Debian: linux-perf) and wrk.
#
# Usage: benchmarks/profile-server.sh [DURATION]   (default 15s per connection count)
set -euo pipefail
source "$(dirname "$0")/server.sh"
command -v perf >/dev/null || { echo "perf is not installed: apt-get install linux-perf" >&2; exit 1; }
duration=${1:-15s}
image=${IMAGE:-$root/samples/image_T1.jpg}
port=${PORT:-18081}
printf '{"image":"%s"}' "$(base64 -w0 "$image")" >"$work/body.json"
start_server
# OpenVINO's JIT kernels are named through /tmp/perf-PID.map only if the runtime writes one; they show as
# anonymous code otherwise, which the breakdown counts as inference.
WRK_BODY=$work/body.json wrk -t2 -c8 -d3s -s "$root/benchmarks/post-image.lua" "http://127.0.0.1:$port/liveness" >/dev/null
for connections in 8 64; do
    echo "== wrk -t2 -c$connections -d$duration, perf record -F 499 -g"
    perf record -F 499 -g -p "$server" -o "$work/perf.data" 2>/dev/null >/dev/null &
    recorder=$!
    sleep 0.5
    WRK_BODY=$work/body.json wrk -t2 -c"$connections" -d"$duration" -s "$root/benchmarks/post-image.lua" \
        "http://127.0.0.1:$port/liveness" | grep -E 'Requests/sec|p50_ms'
    kill -INT "$recorder"
    wait "$recorder" 2>/dev/null || true
    perf script -i "$work/perf.data" 2>/dev/null | python3 "$root/benchmarks/profile-breakdown.py"
done
