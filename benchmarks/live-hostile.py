#!/usr/bin/env python3
"""Whether hostile live sessions leave anything behind: rounds of bad sessions against a release server, with the
server's resident memory (VmRSS) and its busy workers (liveness_workers_busy) read after each round.

Each round opens N sessions of one kind, one after another: a 10 MB frame, a flood of frames 1 ms apart, a PNG
frame, a client that goes silent after three frames (ended by LIVE_IDLE_SECONDS), a client that closes the socket
after its first cue, and a second session on a challenge that already has one. Before the rounds, a warm-up of
ordinary sessions (a still face streamed at 15 fps until its first reaction window passes) gives the baseline; after
them, the same ordinary sessions again show whether memory returns to it.

    python3 -m venv .venv-bench && .venv-bench/bin/pip install websockets
    .venv-bench/bin/python benchmarks/live-hostile.py .build/release/liveness --sessions 20

Benchmarks report; they assert nothing. docs/performance.md has the numbers of the last run.
"""
import argparse
import asyncio
import base64
import importlib.util
import json
import pathlib
import struct
import subprocess
import tempfile
import time
import urllib.request

import websockets

ROOT = pathlib.Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("live_load", ROOT / "benchmarks" / "live-load.py")
live_load = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(live_load)


def rss_mib(pid):
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def busy_workers(port):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics") as response:
        for line in response.read().decode().splitlines():
            if line.startswith("liveness_workers_busy "):
                return float(line.split()[1])
    return float("nan")


def issue(port, selfie):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/liveness", method="POST",
                                     data=json.dumps({"image": selfie}).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)["fallback"]["live_url"]


def frame(jpeg, milliseconds):
    return struct.pack(">d", milliseconds) + jpeg


async def until_closed(socket_, seconds=15):
    """Reads until the server closes the socket (or `seconds` pass); returns the close reason."""
    try:
        async with asyncio.timeout(seconds):
            async for _ in socket_:
                pass
    except (websockets.ConnectionClosed, TimeoutError):
        pass
    return socket_.close_reason or (socket_.close_code and f"close {socket_.close_code}")


async def send(socket_, *messages, pause=0.0):
    """Sends `messages`, `pause` seconds apart; a socket the server closes meanwhile ends the sending."""
    try:
        for message in messages:
            await socket_.send(message)
            await asyncio.sleep(pause)
    except websockets.ConnectionClosed:
        pass


def camera(socket_, jpeg):
    """A task streaming `jpeg` at 15 fps, stamped with the real clock, until cancelled or closed."""
    async def stream():
        start = time.monotonic()
        index = 0
        while True:
            await send(socket_, frame(jpeg, (time.monotonic() - start) * 1000))
            index += 1
            await asyncio.sleep(max(0, start + index / 15 - time.monotonic()))
    return asyncio.create_task(stream())


async def until(socket_, types, seconds=15):
    """Reads until a message of one of `types` arrives (returned) or the socket closes (None)."""
    try:
        async with asyncio.timeout(seconds):
            async for message in socket_:
                if isinstance(message, str) and json.loads(message)["type"] in types:
                    return json.loads(message)
    except (websockets.ConnectionClosed, TimeoutError):
        pass
    return None


async def oversized(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        await send(socket_, frame(b"\xff\xd8" + b"\x00" * 10_000_000, 0))
        return await until_closed(socket_)


async def flood(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        await send(socket_, *(frame(images["jpeg"], index) for index in range(2000)), pause=0.001)
        return await until_closed(socket_)


async def png(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        await send(socket_, frame(images["png"], 0))
        return await until_closed(socket_)


async def silent(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        await send(socket_, *(frame(images["jpeg"], index * 66.7) for index in range(3)), pause=1 / 15)
        return await until_closed(socket_)


async def leaves(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        sender = camera(socket_, images["jpeg"])
        try:
            await until(socket_, ("cue",), seconds=10)
        finally:
            sender.cancel()
        return "left after its cue"


async def second(url, images):
    async with websockets.connect(url, max_size=1 << 20) as first:
        await send(first, frame(images["jpeg"], 0))
        await asyncio.sleep(0.2)
        async with websockets.connect(url, max_size=1 << 20) as socket_:
            return await until_closed(socket_)


async def ordinary(url, images):
    async with websockets.connect(url, max_size=1 << 20) as socket_:
        sender = camera(socket_, images["jpeg"])
        try:
            last = await until(socket_, ("result", "error"))
        finally:
            sender.cancel()
        return (last.get("reasons") or last.get("code")) if last else socket_.close_reason


async def round_of(kind, count, port, selfie, images):
    loop = asyncio.get_running_loop()
    reasons = {}
    for _ in range(count):
        url = f"ws://127.0.0.1:{port}" + await loop.run_in_executor(None, issue, port, selfie)
        try:
            reason = await kind(url, images)
        except websockets.InvalidStatus as refused:
            reason = f"refused {refused.response.status_code}"
        reasons[str(reason)] = reasons.get(str(reason), 0) + 1
    return reasons


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--sessions", type=int, default=20)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        images = {}
        # The PNG small enough to pass LIVE_FRAME_MAX_BYTES, so that its decoding is what refuses it.
        for name, extension, width in (("jpeg", "jpg", 640), ("png", "png", 240)):
            path = pathlib.Path(folder) / f"frame.{extension}"
            subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(live_load.STILL), "-vf",
                            f"scale={width}:-2", str(path)], check=True)
            images[name] = path.read_bytes()
    selfie = base64.b64encode(live_load.STILL.read_bytes()).decode()
    port = live_load.free_port()
    server = live_load.start(arguments.binary, port)
    try:
        print("round            sessions  RSS MiB  busy workers  how they ended")
        kinds = [("ordinary", ordinary), ("10 MB frame", oversized), ("flood 1 ms", flood), ("PNG frame", png),
                 ("silent", silent), ("left after cue", leaves), ("second session", second), ("ordinary", ordinary)]
        print(f"{'start':16s} {0:8d}  {rss_mib(server.pid):7.1f}  {busy_workers(port):12.0f}")
        for name, kind in kinds:
            reasons = asyncio.run(round_of(kind, arguments.sessions, port, selfie, images))
            time.sleep(2)
            print(f"{name:16s} {arguments.sessions:8d}  {rss_mib(server.pid):7.1f}  {busy_workers(port):12.0f}  {reasons}")
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
