"""The browser demo end to end: headless Debian Chromium with a fake camera fed from a shared video.

The server runs with CONFIDENCE_THRESHOLD=1.0 so that every selfie asks for the blink fallback, and
the page records 4 s from the fake camera and uploads it. Screenshots go to artifacts/.
"""
import json
import os
import pathlib
import socket
import subprocess
import time
import urllib.request

import pytest
from playwright.sync_api import sync_playwright

ROOT = pathlib.Path(__file__).resolve().parents[2]
TESTDATA = pathlib.Path(os.environ.get("LIVENESS_TESTDATA", ROOT.parent / "shared" / "testdata"))
BINARY = pathlib.Path(os.environ.get("LIVENESS_BINARY", ROOT / ".build" / "debug" / "liveness"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(**extra):
    port = free_port()
    # Challenges in an in-memory SQLite database: nothing is written to disk. The blink runs use the blink
    # challenge; the action runs set ACTIVE_CHALLENGE=actions (the service's default).
    settings = dict(MODEL_DIR=str(ROOT / "models"), PORT=str(port), CONFIDENCE_THRESHOLD="1.0", ACTIVE_CHALLENGE="blink",
                    DATABASE_URL="sqlite::memory:", LOG_LEVEL="warning")
    env = dict(os.environ, **{**settings, **extra})
    process = subprocess.Popen([str(BINARY), "serve"], env=env)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            with urllib.request.urlopen(f"{url}/health/ready", timeout=1) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.05)
    else:
        process.terminate()
        pytest.fail("the server did not become ready")
    return process, url


def module_server(**extra):
    """A fixture: one server per test module with `extra` settings."""
    @pytest.fixture(scope="module")
    def fixture():
        process, url = start_server(**extra)
        yield url
        process.terminate()
        process.wait(timeout=20)
    return fixture


server = module_server()
actions_server = module_server(ACTIVE_CHALLENGE="actions")
keyed_server = module_server(API_KEY="demo-secret")


def fake_camera(video, folder):
    """Converts a shared video into the Y4M file Chromium's fake camera plays in a loop."""
    target = folder / (video + ".y4m")
    subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", str(TESTDATA / "video" / video),
                    "-pix_fmt", "yuv420p", str(target)], check=True)
    return target


def launch_with_camera(playwright, camera):
    """Headless Chromium whose camera plays the Y4M file `camera` (in a loop; reopened with the camera)."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=["--no-sandbox", "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
              f"--use-file-for-fake-video-capture={camera}"])


def open_demo(browser, url):
    """The demo page, its camera started."""
    page = browser.new_page(viewport={"width": 430, "height": 932})
    page.goto(f"{url}/demo")
    page.click("#start")
    page.wait_for_selector('#status[data-state="camera-ready"]', timeout=15000)
    return page


def run_demo(url, camera, screenshot, api_key=None, running="recording", shows=None):
    """Drives the page: start the camera, check, wait for the active check (`running`: the status while it runs;
    `shows`: a selector the page must show meanwhile) and its result. Returns (state, texts)."""
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_with_camera(playwright, camera)
        try:
            page = open_demo(browser, url)
            errors = []
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.wait_for_timeout(500)
            page.click("#check")
            if api_key:
                page.wait_for_selector("#key-form:not([hidden])", timeout=15000)
                page.fill("#api-key", api_key)
                page.click("#key-form button")
            page.wait_for_selector(f'#status[data-state="{running}"]', timeout=20000)
            if shows:
                page.wait_for_selector(shows, timeout=10000)
            page.wait_for_selector(
                ", ".join(f'#status[data-state="{state}"]' for state in ("active-passed", "active-failed", "error")),
                timeout=60000)
            page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
            state = page.get_attribute("#status", "data-state")
            texts = {name: page.inner_text(f"#{name}") for name in ("status", "verdict", "passive", "active")}
            texts["stored_key"] = page.evaluate("() => sessionStorage.getItem('liveness-api-key')") if api_key else None
            assert not [e for e in errors if "Content Security Policy" in e], errors
            return state, texts
        finally:
            browser.close()


def test_blink_video_passes(server, tmp_path):
    state, texts = run_demo(server, fake_camera("blink_real_h264.mp4", tmp_path), "demo-blink.png")
    print("blink run:", texts)
    assert texts["passive"].startswith(("real", "fake")), texts
    assert state == "active-passed", texts
    assert texts["verdict"] == "Live person"
    # The selfie and the video come from the same camera: the challenge is bound to that face.
    assert "same face as the selfie: yes" in texts["active"], texts


def test_photo_video_fails(server, tmp_path):
    state, texts = run_demo(server, fake_camera("noblink_photo_static_h264.mp4", tmp_path), "demo-photo.png")
    print("photo run:", texts)
    assert state == "active-failed", texts
    assert "no_blink" in texts["active"]
    assert texts["verdict"] == "Not verified"


def test_api_key_is_asked_for_and_kept(keyed_server, tmp_path):
    state, texts = run_demo(keyed_server, fake_camera("noblink_photo_static_h264.mp4", tmp_path), "demo-key.png",
                            api_key="demo-secret")
    assert state == "active-failed", texts
    assert texts["stored_key"] == "demo-secret"


STILL = TESTDATA / "images" / "image_T1_lossless.png"


def render(camera, *arguments):
    """Renders a clip of the still with `liveness render` into the fake camera's file (Chromium reads it anew
    each time the page opens the camera)."""
    subprocess.run([str(BINARY), "render", "--model-dir", str(ROOT / "models"), "--still", str(STILL), "--out", str(camera),
                    *arguments], check=True)


def run_actions_demo(url, camera, screenshot, answer):
    """Drives an action challenge: the selfie from a neutral render; once the page shows the challenge, the test
    renders `answer(steps)` into the camera file and presses "Start recording". Returns (state, texts, steps)."""
    ARTIFACTS.mkdir(exist_ok=True)
    render(camera, "--actions", "blink@100", "--seconds", "3")
    with sync_playwright() as playwright:
        browser = launch_with_camera(playwright, camera)
        try:
            page = open_demo(browser, url)
            page.click("#check")
            page.wait_for_selector('#status[data-state="challenge-ready"]', timeout=20000)
            steps = json.loads(page.evaluate("() => document.body.dataset.challenge"))
            duration = steps[-1]["end_seconds"]
            render(camera, "--answer", answer(steps), "--seconds", str(duration + 2))
            page.click("#record")
            page.wait_for_selector('#status[data-state="recording"]', timeout=20000)
            page.wait_for_selector("#cue:not([hidden])", timeout=5000)
            cue_font = page.eval_on_selector("#cue-text", "node => parseFloat(getComputedStyle(node).fontSize)")
            page.wait_for_selector(
                ", ".join(f'#status[data-state="{state}"]' for state in ("active-passed", "active-failed", "error")),
                timeout=60000)
            page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
            state = page.get_attribute("#status", "data-state")
            texts = {name: page.inner_text(f"#{name}") for name in ("status", "verdict", "active", "action-results")}
            texts["cue_font"] = cue_font
            return state, texts, steps
        finally:
            browser.close()


def steps_text(steps):
    return ",".join(f"{s['action']}@{s['cue_seconds']}-{s['end_seconds']}" for s in steps)


def test_action_challenge_passes(actions_server, tmp_path):
    state, texts, steps = run_actions_demo(actions_server, tmp_path / "camera.y4m", "demo-actions.png", steps_text)
    print("actions run:", steps, texts)
    assert state == "active-passed", texts
    assert texts["verdict"] == "Live person"
    assert texts["action-results"].count("✔") == 3, texts
    assert texts["cue_font"] >= 28, texts  # large cues


def test_action_challenge_wrong_order_fails(actions_server, tmp_path):
    def wrong(steps):
        order = [s["action"] for s in steps]
        swapped = order[::-1] if order[::-1] != order else order[1:] + order[:1]
        return ",".join(f"{a}@{s['cue_seconds']}-{s['end_seconds']}" for a, s in zip(swapped, steps))

    state, texts, _ = run_actions_demo(actions_server, tmp_path / "camera.y4m", "demo-actions-wrong.png", wrong)
    print("wrong-order run:", texts)
    assert state == "active-failed", texts
    # A challenge with one movement (blink, turn, blink) has no reordering of its movements: its wrong answer moves
    # the turn a slot early, which fails action_out_of_time.
    assert any(reason in texts["active"] for reason in ("wrong_order", "action_missing", "action_out_of_time")), texts


def test_security_headers(server):
    with urllib.request.urlopen(f"{server}/demo") as response:
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert "cdn" not in response.read().decode()


def test_swagger_ui_offline(server):
    """/docs renders the API from the binary alone: every request to another origin is aborted."""
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            outside = []

            def only_this_origin(route):
                if route.request.url.startswith(server):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route("**/*", only_this_origin)
            errors = []
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.goto(f"{server}/docs")
            page.wait_for_selector(".opblock-summary-path", timeout=20000)
            paths = page.eval_on_selector_all(".opblock-summary-path", "nodes => nodes.map(n => n.textContent)")
            page.screenshot(path=str(ARTIFACTS / "docs.png"), full_page=False)
            assert any(p.strip().replace("\u200b", "") == "/liveness" for p in paths), paths
            assert not [e for e in errors if "Content Security Policy" in e], errors
            assert outside == [], outside
        finally:
            browser.close()
