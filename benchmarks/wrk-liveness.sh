#!/usr/bin/env bash
# Load benchmark of POST /liveness with wrk (Debian package): image_T1.jpg, 2 threads, at 8 and 64
# connections. Starts a release server on a free loopback port, reports throughput, latency
# percentiles, status counts and the server's peak RSS, then stops it. Measures; asserts nothing.
#
# Usage: benchmarks/wrk-liveness.sh [DURATION]   (default 20s; e.g. 5s for a smoke run)
set -euo pipefail
source "$(dirname "$0")/server.sh"
duration=${1:-20s}
image=${IMAGE:-$root/samples/image_T1.jpg}
port=${PORT:-18080}
printf '{"image":"%s"}' "$(base64 -w0 "$image")" >"$work/body.json"
start_server

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "server: MAX_WORKERS=${MAX_WORKERS:-$(nproc)} MAX_QUEUE=${MAX_QUEUE:-64}; body $(stat -c %s "$work/body.json") bytes"
for connections in 8 64; do
    echo "== wrk -t2 -c$connections -d$duration"
    WRK_BODY=$work/body.json wrk -t2 -c"$connections" -d"$duration" -s "$root/benchmarks/post-image.lua" \
        "http://127.0.0.1:$port/liveness" | grep -E 'Requests/sec|Transfer/sec|statuses|p50_ms|requests in|Socket errors'
    echo "server RSS now: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MiB"}'), peak: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
done
