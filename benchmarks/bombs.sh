#!/usr/bin/env bash
# The resource-bomb corpus against a release server: for each bomb (and, for reference, a normal selfie, the
# largest image allowed, and a normal blink clip) the answer, the time to answer and the server's extra peak
# memory (VmHWM after the request minus VmRSS before it; VmHWM is reset before each request through
# /proc/PID/clear_refs). One request at a time, so the time is the worker's. Then two desync bombs at once.
# Measures and reports; asserts nothing. Loopback only; stops by itself.
# Usage: benchmarks/bombs.sh
set -euo pipefail
source "$(dirname "$0")/server.sh"
port=${PORT:-18091}
testdata=${LIVENESS_TESTDATA:-$root/../shared/testdata}
"$bin" bombs --out "$work/bombs" --clip "$testdata/video/blink_real_h264.mp4" >/dev/null
cp "$testdata/images/image_T1.jpg" "$work/bombs/normal-selfie.bin"
cp "$testdata/video/blink_real_h264.mp4" "$work/bombs/normal-blink.bin"
# The largest image the limits let through: 7296x5472 (39.9 MP), a busy test pattern.
ffmpeg -v error -f lavfi -i testsrc2=s=7296x5472 -frames:v 1 -q:v 3 "$work/largest.jpg"
cp "$work/largest.jpg" "$work/bombs/largest-image.bin"
{
    tail -n +2 "$work/bombs/index.tsv"
    printf 'normal-selfie\timage\t(200)\t%s\timage_T1.jpg\n' "$(stat -c %s "$work/bombs/normal-selfie.bin")"
    printf 'largest-image\timage\t(200 or 422)\t%s\t39.9 MP baseline JPEG\n' "$(stat -c %s "$work/bombs/largest-image.bin")"
    printf 'normal-blink\tvideo\t(200)\t%s\tblink_real_h264.mp4\n' "$(stat -c %s "$work/bombs/normal-blink.bin")"
} >"$work/rows.tsv"

start_server
body() { # name kind -> request body file and content type
    if [ "$2" = image ]; then
        printf '{"image":"%s"}' "$(base64 -w0 "$work/bombs/$1.bin")" >"$work/body"
        echo "application/json"
    else
        {
            printf -- '--bombboundary\r\nContent-Disposition: form-data; name="video"; filename="clip"\r\nContent-Type: application/octet-stream\r\n\r\n'
            cat "$work/bombs/$1.bin"
            printf -- '\r\n--bombboundary--\r\n'
        } >"$work/body"
        echo "multipart/form-data; boundary=bombboundary"
    fi
}
kib() { awk -v key="$1" '$1 == key":" {print $2}' "/proc/$server/status"; }
mib() { awk -v peak="$1" -v before="$2" 'BEGIN { printf "%.1f", (peak - before) / 1024 }'; }
printf '%-22s %-6s %-18s %-28s %9s %8s %10s\n' bomb kind expected answer bytes seconds "extra MiB"
while IFS=$'\t' read -r name kind expected bytes summary; do
    type=$(body "$name" "$kind")
    path=/liveness
    [ "$kind" = video ] && path=/active/blink
    before=$(kib VmRSS)
    echo 5 >"/proc/$server/clear_refs"
    result=$(curl -s -o "$work/answer" -w '%{http_code} %{time_total}' -H "Content-Type: $type" --data-binary @"$work/body" \
        "http://127.0.0.1:$port$path")
    peak=$(kib VmHWM)
    code=$(grep -o '"code":"[a-z_]*"' "$work/answer" | cut -d'"' -f4 || true)
    printf '%-22s %-6s %-18s %-28s %9s %8s %10s\n' "$name" "$kind" "$expected" "${result%% *} ${code:-ok}" "$bytes" \
        "${result##* }" "$(mib "$peak" "$before")"
done <"$work/rows.tsv"

# Two desync bombs at once (the probe measured 305 -> 2555 MiB before the fix).
type=$(body jpeg-desync image)
before=$(kib VmRSS)
echo 5 >"/proc/$server/clear_refs"
pids=""
for _ in 1 2; do
    curl -s -o /dev/null -H "Content-Type: $type" --data-binary @"$work/body" "http://127.0.0.1:$port/liveness" &
    pids="$pids $!"
done
wait $pids
echo "two jpeg-desync at once: extra peak $(mib "$(kib VmHWM)" "$before") MiB"
echo "server RSS at the end: $(($(kib VmRSS) / 1024)) MiB, peak $(($(kib VmHWM) / 1024)) MiB since the last reset"
