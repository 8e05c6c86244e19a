# Sourced by the benchmark scripts: starts a release server on loopback and stops it on exit.
# Sets: root, work (a temporary folder removed on exit), server (the pid), port.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install wrk" >&2; exit 1; }
# LIVENESS_BIN: another build of the binary (e.g. .build/debug/liveness); the release build by default.
bin=${LIVENESS_BIN:-$root/.build/release/liveness}
[ -n "${LIVENESS_BIN:-}" ] || [ -x "$bin" ] || (cd "$root" && swift build -c release --product liveness)
work=$(mktemp -d)
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export WRK_STATUSES="$root/benchmarks/statuses.lua"

start_server() {
    MODEL_DIR=${MODEL_DIR:-$root/models} DATA_DIR=${DATA_DIR:-$work} LOG_LEVEL=warning PORT=$port "$bin" serve &
    server=$!
    local started=$(date +%s%N)
    for _ in $(seq 300); do
        if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
            echo "server ready in $(( ($(date +%s%N) - started) / 1000000 )) ms (INFERENCE_ENGINE=${INFERENCE_ENGINE:-openvino})"
            return 0
        fi
        sleep 0.05
    done
    echo "the server did not become ready" >&2
    exit 1
}
