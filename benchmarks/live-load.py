#!/usr/bin/env python3
"""How many live sessions at 15 fps this machine holds: N clients stream camera-paced JPEG frames over the live
socket while the server's own histogram (liveness_live_frame_latency_seconds: a frame's arrival to its judgement)
gives the per-frame latency. It reports, for each N, the frames sent, judged and dropped, and p50/p95 (linear
within the histogram's bucket).

Each client opens a challenge (POST /liveness; the server runs with ACTIVE_CHECK_POLICY=always), streams a still
face at 15 fps and does not answer its cues, so each session ends after its first reaction window
(reaction_too_slow, about 3 s in); the client then opens the next. So the load is the live frames' (decode, Face
Mesh, iris, face descriptor, judge) plus one passive check per session.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install websockets
    .venv-bench/bin/python benchmarks/live-load.py .build/release/liveness --sessions 2,4,8,12,16 --seconds 20

Benchmarks report; they assert nothing. docs/performance.md has the numbers of the last run.
"""
import argparse
import asyncio
import base64
import json
import os
import pathlib
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

import websockets

ROOT = pathlib.Path(__file__).resolve().parents[1]
STILL = pathlib.Path(os.environ.get("LIVENESS_TESTDATA", ROOT.parent / "shared" / "testdata")) / "images" / "image_T1_lossless.png"
FPS = 15


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(binary, port):
    env = dict(os.environ, MODEL_DIR=str(ROOT / "models"), PORT=str(port), ACTIVE_CHECK_POLICY="always",
               ACTIVE_CHALLENGE="live", DATABASE_URL="sqlite::memory:", LOG_LEVEL="error", LIVE_SESSIONS_PER_KEY="1000",
               CHALLENGE_MAX_ATTEMPTS="1")
    process = subprocess.Popen([binary, "serve"], env=env)
    for _ in range(600):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health/ready", timeout=1) as response:
                if response.status == 200:
                    return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    sys.exit("the server did not become ready")


def histogram(port):
    """The live frame histogram's cumulative buckets, count, and the dropped frames, from /metrics."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics") as response:
        text = response.read().decode()
    buckets, count, dropped = {}, 0, 0
    for line in text.splitlines():
        if line.startswith("liveness_live_frame_latency_seconds_bucket"):
            bound = line.split('le="')[1].split('"')[0]
            buckets[float("inf") if bound == "+Inf" else float(bound)] = float(line.rsplit(" ", 1)[1])
        elif line.startswith("liveness_live_frame_latency_seconds_count"):
            count = float(line.rsplit(" ", 1)[1])
        elif line.startswith("liveness_live_frames_dropped_total"):
            dropped = float(line.rsplit(" ", 1)[1])
    return buckets, count, dropped


def quantile(before, after, q):
    """The q-quantile of the frames between two scrapes, linear within its bucket."""
    bounds = sorted(after)
    counts = [after[b] - before.get(b, 0) for b in bounds]
    total = counts[-1] if counts else 0
    if total <= 0:
        return float("nan")
    target, lower, below = q * total, 0.0, 0.0
    for bound, cumulative in zip(bounds, counts):
        if cumulative >= target:
            if bound == float("inf"):
                return lower
            return lower + (bound - lower) * (target - below) / max(cumulative - below, 1e-9)
        lower, below = bound, cumulative
    return lower


async def client(port, jpeg, selfie, deadline, sent):
    """One person after another: a challenge, then frames at 15 fps until the session ends; until `deadline`."""
    loop = asyncio.get_running_loop()
    while time.monotonic() < deadline:
        def issue():
            request = urllib.request.Request(f"http://127.0.0.1:{port}/liveness", method="POST",
                                             data=json.dumps({"image": selfie}).encode(),
                                             headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(request) as response:
                return json.load(response)["fallback"]["live_url"]
        url = await loop.run_in_executor(None, issue)
        async with websockets.connect(f"ws://127.0.0.1:{port}{url}", max_size=1 << 20) as socket_:
            async def frames():
                start = time.monotonic()
                index = 0
                while time.monotonic() < deadline:
                    due = start + index / FPS
                    await asyncio.sleep(max(0, due - time.monotonic()))
                    await socket_.send(struct.pack(">d", (time.monotonic() - start) * 1000) + jpeg)
                    sent[0] += 1
                    index += 1
            sender = asyncio.create_task(frames())
            try:
                async for message in socket_:
                    if isinstance(message, str) and json.loads(message)["type"] in ("result", "error"):
                        break
            except websockets.ConnectionClosed:
                pass
            sender.cancel()


async def run(port, sessions, seconds, jpeg, selfie):
    sent = [0]
    deadline = time.monotonic() + seconds
    await asyncio.gather(*(client(port, jpeg, selfie, deadline, sent) for _ in range(sessions)))
    return sent[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--sessions", default="2,4,8,12,16")
    parser.add_argument("--seconds", type=float, default=20)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        frame = pathlib.Path(folder) / "frame.jpg"
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(STILL), "-vf", "scale=640:-2",
                        "-q:v", "4", str(frame)], check=True)
        jpeg = frame.read_bytes()
    selfie = base64.b64encode(STILL.read_bytes()).decode()
    port = free_port()
    server = start(arguments.binary, port)
    try:
        print(f"frame {len(jpeg)} bytes at {FPS} fps; {arguments.seconds:.0f} s per row")
        print("sessions  sent/s  judged/s  dropped/s  p50 ms  p95 ms")
        for sessions in [int(n) for n in arguments.sessions.split(",")]:
            before, count_before, dropped_before = histogram(port)
            sent = asyncio.run(run(port, sessions, arguments.seconds, jpeg, selfie))
            time.sleep(0.5)
            after, count_after, dropped_after = histogram(port)
            print(f"{sessions:8d}  {sent / arguments.seconds:6.1f}  {(count_after - count_before) / arguments.seconds:8.1f}"
                  f"  {(dropped_after - dropped_before) / arguments.seconds:9.1f}  {quantile(before, after, 0.5) * 1000:6.1f}"
                  f"  {quantile(before, after, 0.95) * 1000:6.1f}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
