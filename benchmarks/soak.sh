#!/usr/bin/env bash
# Soak test: wrk for MINUTES (default 10) at about 80 % of the measured capacity, mixing
# POST /liveness (T1, F1, no face) with POST /active/blink uploads. Reports, minute by minute,
# requests, statuses, socket errors and p50/p99, and the server's RSS at the start and the end.
# Not part of CI; docs/performance.md has the results. Loopback only; stops by itself.
# Usage: benchmarks/soak.sh [MINUTES] [CONNECTIONS] [DELAY_MS]
set -euo pipefail
source "$(dirname "$0")/server.sh"
minutes=${1:-10}
connections=${2:-8}
delay=${3:-100}
port=${PORT:-18090}
testdata=${LIVENESS_TESTDATA:-$root/../shared/testdata}
for pair in "t1 image_T1.jpg" "f1 image_F1.jpg" "noface no_face.png"; do
    set -- $pair
    printf '{"image":"%s"}' "$(base64 -w0 "$testdata/images/$2")" >"$work/$1.json"
done
{
    printf -- '--soakboundary\r\nContent-Disposition: form-data; name="video"; filename="clip.webm"\r\nContent-Type: video/webm\r\n\r\n'
    cat "$testdata/video/blink_real_vp9.webm"
    printf -- '\r\n--soakboundary--\r\n'
} >"$work/blink.multipart"

start_server
rss() { awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$server/status"; }
echo "soak: $minutes min, $connections connections, ${delay} ms think time, 1 blink upload in 40 requests"
echo "RSS at start: $(rss)"
for minute in $(seq "$minutes"); do
    result=$(SOAK_BODIES=$work SOAK_DELAY_MS=$delay wrk -t2 -c"$connections" -d60s --timeout 10s -s "$root/benchmarks/soak.lua" \
        "http://127.0.0.1:$port" | grep -E 'Requests/sec|statuses|p50_ms' | tr '\n' ' ')
    echo "minute $minute: $result RSS $(rss)"
done
echo "RSS at end: $(rss); peak $(awk '/VmHWM/ {printf "%.1f MiB", $2 / 1024}' "/proc/$server/status")"
