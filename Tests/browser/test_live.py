"""The live session in the browser: /demo with ACTIVE_CHALLENGE=live runs it through the module /sdk/liveness.js,
with headless Chromium's fake camera. A fake camera plays a recording, which cannot answer cues it has not seen:
the session must fail with a reaction or order reason, and the page must say why."""
import urllib.error
import urllib.request

from test_demo import fake_camera, module_server, run_demo

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
