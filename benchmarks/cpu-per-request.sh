#!/usr/bin/env bash
# CPU time the server spends per POST /liveness, the figure to compare builds by on a noisy host (throughput
# moves ±10–30 % with the neighbours; CPU per request much less). Starts a release server, warms it up, then
# for each round reads the server's user+system time (/proc/PID/stat) around a wrk run at 8 connections and
# prints CPU ms per request, the CPUs used and req/s. Measures; asserts nothing.
#
# Usage: benchmarks/cpu-per-request.sh [DURATION] [ROUNDS]   (default 10s, 3; LIVENESS_BIN for another build)
set -euo pipefail
source "$(dirname "$0")/server.sh"
duration=${1:-10s}
rounds=${2:-3}
image=${IMAGE:-$root/samples/image_T1.jpg}
port=${PORT:-18082}
printf '{"image":"%s"}' "$(base64 -w0 "$image")" >"$work/body.json"
start_server
ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
load() {
    WRK_BODY=$work/body.json wrk -t2 -c8 -d"$1" -s "$root/benchmarks/post-image.lua" "http://127.0.0.1:$port/liveness"
}
load 3s >/dev/null
for round in $(seq "$rounds"); do
    before=$(cpu)
    started=$(date +%s%N)
    out=$(load "$duration")
    elapsed=$(( $(date +%s%N) - started ))
    used=$(( $(cpu) - before ))
    requests=$(echo "$out" | awk '/requests in/ {print $1}')
    awk -v r="$round" -v n="$requests" -v t="$used" -v hz="$ticks" -v ns="$elapsed" 'BEGIN {
        printf "round %d: %d requests, %.2f CPU ms per request, %.2f CPUs, %.1f req/s\n",
            r, n, t * 1000 / hz / n, t / hz / (ns / 1e9), n / (ns / 1e9) }'
done
