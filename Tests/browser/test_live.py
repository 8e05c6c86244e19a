"""The live session in the browser: /demo with ACTIVE_CHALLENGE=live runs it through the module /sdk/liveness.js,
with headless Chromium's fake camera. A fake camera plays a recording, which cannot answer cues it has not seen:
the session must fail with a reaction or order reason, and the page must say why."""
import urllib.error
import urllib.request

from playwright.sync_api import sync_playwright

from test_demo import ARTIFACTS, fake_camera, launch_with_camera, module_server, open_demo

live_server = module_server(ACTIVE_CHALLENGE="live")

FINAL = ", ".join(f'#status[data-state="{state}"]' for state in ("active-passed", "active-failed", "error"))


def test_prerecorded_camera_fails_the_live_session(live_server, tmp_path):
    camera = fake_camera("blink_real_h264.mp4", tmp_path)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = launch_with_camera(playwright, camera)
        try:
            page = open_demo(browser, live_server)
            errors = []
            page.on("console", lambda message: message.type == "error" and errors.append(message.text))
            page.wait_for_timeout(500)
            page.click("#check")
            page.wait_for_selector('#status[data-state="live"]', timeout=20000)
            page.wait_for_selector("#cue:not([hidden])", timeout=10000)
            page.wait_for_selector(FINAL, timeout=60000)
            page.screenshot(path=str(ARTIFACTS / "demo-live-prerecorded.png"), full_page=True)
            state = page.get_attribute("#status", "data-state")
            active = page.inner_text("#active")
            print("live run:", state, active)
            assert state == "active-failed", (state, active, page.inner_text("#status"))
            assert any(reason in active for reason in ("reaction_too_slow", "reaction_too_fast", "wrong_order")), active
            # The reasons in words, from the module.
            assert any(words in active for words in ("not seen in time", "began before", "another action")), active
            assert not [e for e in errors if "Content Security Policy" in e], errors
        finally:
            browser.close()


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
