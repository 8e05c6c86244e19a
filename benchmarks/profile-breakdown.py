#!/usr/bin/env python3
"""Where a liveness server's CPU goes: reads `perf script` output (perf record -g on the server) from stdin and
prints each stage's share of the samples. Used by benchmarks/profile-server.sh; see docs/performance.md."""
import collections
import sys

# (stage, markers): a sample belongs to the first stage with a marker in any frame of its stack, scanning these
# stages in order. Markers are substrings of symbol or library names.
STAGES = [
    ("decode (TurboJPEG, EXIF rotation)", ["libturbojpeg", "lcv_image_decode", "libjpeg", "libpng", "libwebp", "imdecode"]),
    ("inference (OpenVINO)", ["ov_infer_request_infer", "libopenvino_intel_cpu", "[JIT]", "/tmp/perf-"]),
    ("pre/post-processing (resize, crop, blob, outputs)", ["lcv_detect", "lcv_classify", "lcv_landmarks", "libopencv_imgproc", "libopencv_core", "libopencv_dnn", "libopenvino"]),
    ("base64", ["Base64Image"]),
    ("JSON", ["JSONDecoder", "JSONEncoder", "JSONScanner", "JSONMap", "convertJSON", "WireJSON"]),
    ("audit (SQLite)", ["Audit", "sqlite3", "SQLKit", "SQLite"]),
    ("token signing", ["ResultSigner", "JWT", "LowSSignature", "P256", "ECDSA"]),
    ("metrics and logging", ["Prometheus", "MetricsMiddleware", "LogHandler", "7Logging"]),
    ("pipeline (Swift)", ["LivenessCore"]),
    ("HTTP (NIO, Hummingbird, OpenAPI, sockets)", ["NIO", "Hummingbird", "OpenAPIRuntime", "LivenessServer", "tcp_", "sock_", "__sys_sendmsg", "__sys_recvmsg", "ksys_read", "ksys_write"]),
    ("waiting and spinning (scheduler, futex, TBB)", ["futex", "finish_task_switch", "schedule", "libtbb", "sched_yield", "pthread_cond", "epoll_wait", "swift_task_"]),
]


def stacks(text):
    for block in text.split("\n\n"):
        lines = [line.strip() for line in block.strip().split("\n")]
        if len(lines) < 2:
            continue
        yield lines[0], lines[1:]


def main():
    counts = collections.Counter()
    total = 0
    for header, frames in stacks(sys.stdin.read()):
        total += 1
        joined = "\n".join(frames) + "\n" + header
        for stage, markers in STAGES:
            if any(marker in joined for marker in markers):
                counts[stage] += 1
                break
        else:
            counts["other (allocator, runtime, kernel)"] += 1
    print(f"{total} samples")
    for stage, count in counts.most_common():
        print(f"{100.0 * count / max(total, 1):5.1f}%  {stage}")


if __name__ == "__main__":
    main()
