"""The live session in the browser: /demo with ACTIVE_CHALLENGE=live runs it through the module /sdk/liveness.js,
with headless Chromium's fake camera. A fake camera plays a recording, which cannot answer cues it has not seen:
the session must fail with a reaction or order reason, and the page must say why."""
import base64
import json
import subprocess
import urllib.error
import urllib.request

from playwright.sync_api import sync_playwright
from test_demo import ARTIFACTS, CHROMIUM, fake_camera, module_server, render, run_demo

live_server = module_server(ACTIVE_CHALLENGE="live")


def test_prerecorded_camera_fails_the_live_session(live_server, tmp_path):
    state, texts = run_demo(live_server, fake_camera("blink_real_h264.mp4", tmp_path), "demo-live-prerecorded.png",
                            running="live", shows="#cue:not([hidden])")
    print("live run:", texts)
    assert state == "active-failed", texts
    active = texts["active"]
    assert any(reason in active for reason in ("reaction_too_slow", "reaction_too_fast", "wrong_order")), active
    # The reasons in words, from the module.
    assert any(words in active for words in ("not seen in time", "began before", "another action")), active


def test_module_is_served(live_server):
    with urllib.request.urlopen(f"{live_server}/sdk/liveness.js") as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
        body = response.read().decode()
        assert "export async function mountLiveness" in body
        assert "://" not in body, "the module names no other origin"
    with urllib.request.urlopen(f"{live_server}/sdk/liveness.css") as response:
        assert response.headers["Content-Type"].startswith("text/css")
    try:
        urllib.request.urlopen(f"{live_server}/sdk/demo.js")
        raise AssertionError("only the module's files are served under /sdk")
    except urllib.error.HTTPError as error:
        assert error.code == 404


# A person in front of the camera, scripted: the page's camera is a canvas showing renders of the still, and on each
# cue the server sends, the "person" starts that action REACTION seconds later (a person reads a large cue and
# starts moving in about half a second). Each action's frames are rendered before the session, as a face is there
# before the camera. This answers the "a person completes a live session in the demo in under 10 s" as
# closely as a machine without a person can: the whole page and module, at a person's pace.
REACTION = 0.5
CANVAS_CAMERA = """
(() => {
  const fps = 15, frames = {}, shown = { action: null, start: 0 }, timing = { opened: 0, result: 0, cues: [], colours: [] };
  // The light code: each colour the page flashes lights the tinted region TINT_DELAY_MS later, at weight 0.25.
  const tints = [], tint = TINT;
  window.__camera = { frames, timing };
  window.__cameraLoad = async (names, counts) => {
    for (const name of names) {
      frames[name] = await Promise.all(Array.from({ length: counts[name] }, (_, i) => new Promise((resolve, reject) => {
        const image = new Image();
        image.onload = () => resolve(image);
        image.onerror = reject;
        image.src = `/__camera/${name}/${String(i + 1).padStart(3, "0")}.jpg`;
      })));
    }
  };
  navigator.mediaDevices.getUserMedia = async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 480; canvas.height = 640;
    const context = canvas.getContext("2d");
    setInterval(() => {
      if (!frames.neutral) return;
      let image = frames.neutral[0];
      const clip = shown.action && frames[shown.action];
      const offset = Math.floor((performance.now() - shown.start) / 1000 * fps);
      if (clip && offset >= 0 && offset < clip.length) image = clip[offset];
      context.drawImage(image, 0, 0);
      const lit = tints.filter((entry) => entry.at <= performance.now()).pop();
      if (tint && lit && lit.colour) {
        context.save();
        context.globalAlpha = 0.25;
        context.fillStyle = lit.colour;
        context.beginPath();
        if (tint === "face") context.ellipse(210, 254, 115, 125, 0, 0, 2 * Math.PI);
        else context.rect(0, 0, canvas.width, canvas.height);
        context.fill();
        context.restore();
      }
    }, 1000 / 30);
    return canvas.captureStream(30);
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { timing.opened = performance.now(); });
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") return;
        const message = JSON.parse(event.data);
        if (message.type === "cue") {
          shown.action = message.action;
          shown.start = performance.now() + REACTION_MS;
          timing.cues.push(message.action);
        }
        if (message.type === "flash") {
          tints.push({ colour: message.colour, at: performance.now() + TINT_DELAY_MS });
          if (message.colour) timing.colours.push(message.colour);
        }
        if (message.type === "result" || message.type === "error") {
          timing.result = performance.now();
          timing.answer = message;
        }
      });
    }
  };
})();
""".replace("REACTION_MS", str(int(REACTION * 1000))).replace("TINT_DELAY_MS", "100")


def person_frames(folder):
    """Each action rendered from the still at 15 fps (a 0.35 s rise, 0.35 s hold and 0.35 s return; a blink of
    0.3 s), and the still's own first frame for the neutral face (its render with the one action past its end), as
    JPEG files per action."""
    counts = {}
    for name, actions, seconds in [("neutral", ["--actions", "blink@100"], 0.2)] + [
            (action, ["--actions", f"{action}@0"], 0.45 if action == "blink" else 1.2)
            for action in ("turn_left", "turn_right", "look_up", "look_down", "open_mouth", "blink")]:
        clip = folder / f"{name}.y4m"
        render(clip, *actions, "--seconds", str(seconds))
        (folder / name).mkdir()
        subprocess.run(["ffmpeg", "-hide_banner", "-loglevel", "error", "-i", str(clip), "-q:v", "2",
                        str(folder / name / "%03d.jpg")], check=True)
        counts[name] = len(list((folder / name).glob("*.jpg")))
    return counts


def run_person(url, folder, screenshot, tint=None):
    """Drives /demo in live mode with the scripted person (`tint`: what the light code's colours light, `"face"`
    (the face's region of the still, as a screen lights a face near it) or `"frame"` (all of it alike, as a replayed
    video lit by the screen); None: nothing). Returns (state, texts, timing)."""
    counts = person_frames(folder)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--use-fake-ui-for-media-stream"])
        try:
            page = browser.new_page(viewport={"width": 430, "height": 932})
            page.route("**/__camera/**", lambda route: route.fulfill(
                path=str(folder / route.request.url.split("/__camera/", 1)[1]), content_type="image/jpeg"))
            page.add_init_script(CANVAS_CAMERA.replace("TINT", json.dumps(tint)))
            page.goto(f"{url}/demo")
            page.evaluate("([names, counts]) => window.__cameraLoad(names, counts)", [list(counts), counts])
            page.click("#start")
            page.wait_for_selector('#status[data-state="camera-ready"]', timeout=15000)
            page.wait_for_timeout(300)
            page.click("#check")
            page.wait_for_selector('#status[data-state="live"]', timeout=20000)
            page.wait_for_selector(
                ", ".join(f'#status[data-state="{state}"]' for state in ("active-passed", "active-failed", "error")),
                timeout=60000)
            page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
            state = page.get_attribute("#status", "data-state")
            texts = {name: page.inner_text(f"#{name}") for name in ("status", "verdict", "active")}
            timing = page.evaluate("() => window.__camera.timing")
        finally:
            browser.close()
    return state, texts, timing


def test_person_paced_live_session_passes_in_the_demo(live_server, tmp_path):
    state, texts, timing = run_person(live_server, tmp_path, "demo-live-person.png")
    seconds = (timing["result"] - timing["opened"]) / 1000
    # Reported, not asserted (timings vary with the machine): docs/active-check.md quotes it.
    print(f"person-paced live session: {seconds:.1f} s from the socket's opening to the verdict, cues {timing['cues']}")
    assert state == "active-passed", texts
    assert texts["verdict"] == "Live person", texts
    assert len(timing["cues"]) == 4, timing


def token_claims(token):
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


light_server = module_server(ACTIVE_CHALLENGE="live", LIGHT_CHALLENGE="on")


def test_light_code_reflected_by_the_face_passes_in_the_demo(light_server, tmp_path):
    """LIGHT_CHALLENGE=on end to end: the module flashes each colour the server sends, the camera's face region
    takes it on 0.1 s later, the server decodes the code from the face against the background, and the token says
    `live_light`."""
    state, texts, timing = run_person(light_server, tmp_path, "demo-live-light.png", tint="face")
    print("light run:", timing["colours"], timing["answer"].get("reasons"), texts["active"])
    assert 4 <= len(timing["colours"]) <= 6, timing
    assert state == "active-passed", texts
    claims = token_claims(timing["answer"]["result_token"])
    assert claims["mode"] == "live_light", claims


def test_light_code_on_the_whole_frame_fails_in_the_demo(light_server, tmp_path):
    """A replayed video lit by the screen: the colours tint the whole frame alike, background and face, so the face
    shows no shift of its own."""
    state, texts, timing = run_person(light_server, tmp_path, "demo-live-light-frame.png", tint="frame")
    print("whole-frame light run:", timing["colours"], timing["answer"], texts["active"])
    assert state == "active-failed", texts
    assert "light_mismatch" in timing["answer"].get("reasons", []), timing["answer"]
