#!/usr/bin/env bash
# Load benchmark of POST /liveness with wrk (Debian package): image_T1.jpg, 2 threads, at 8 and 64
# connections. Starts a release server on a free loopback port, reports throughput, latency
# percentiles, status counts and the server's peak RSS, then stops it. Measures; asserts nothing.
#
# Usage: benchmarks/wrk-liveness.sh [DURATION]   (default 20s; e.g. 5s for a smoke run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${1:-20s}
image=${IMAGE:-$root/samples/image_T1.jpg}
port=${PORT:-18080}
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
[ -x "$root/.build/release/liveness" ] || (cd "$root" && swift build -c release --product liveness)

work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
printf '{"image":"%s"}' "$(base64 -w0 "$image")" >"$work/body.json"

MODEL_DIR=${MODEL_DIR:-$root/models} LOG_LEVEL=warning PORT=$port "$root/.build/release/liveness" serve &
server=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "server did not become ready" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "server: MAX_WORKERS=${MAX_WORKERS:-$(nproc)} MAX_QUEUE=${MAX_QUEUE:-64}; body $(stat -c %s "$work/body.json") bytes"
for connections in 8 64; do
    echo "== wrk -t2 -c$connections -d$duration"
    WRK_BODY=$work/body.json wrk -t2 -c"$connections" -d"$duration" -s "$root/benchmarks/post-image.lua" \
        "http://127.0.0.1:$port/liveness" | grep -E 'Requests/sec|Transfer/sec|statuses|p50_ms|requests in|Socket errors'
    echo "server RSS now: $(grep VmRSS /proc/$server/status | awk '{print $2/1024 " MiB"}'), peak: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MiB"}')"
done
