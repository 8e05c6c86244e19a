// Reference client for the liveness API: selfie → POST /liveness → (if asked) the challenge: for `live`, the
// live session over the socket at `live_url` (the browser module /sdk/liveness.js runs it); for `actions`, each
// cue shown at its time while recording (`recording_seconds`), for `blink` a 4 s blink video → upload_url.
import { CUES, FRAMING, explain, prefersNoFlash, recordChallenge, runLiveSession } from "/sdk/liveness.js";

const $ = (id) => document.getElementById(id);
const KEY = "liveness-api-key";
let stream = null;

function setStatus(text, state) {
  $("status").textContent = text;
  $("status").dataset.state = state;
}

function headers(extra = {}) {
  const key = sessionStorage.getItem(KEY);
  return key ? { ...extra, "X-API-KEY": key } : extra;
}

async function askForKey() {
  $("key-form").hidden = false;
  $("api-key").focus();
  await new Promise((resolve) => {
    $("key-form").onsubmit = (event) => {
      event.preventDefault();
      sessionStorage.setItem(KEY, $("api-key").value.trim());
      $("key-form").hidden = true;
      resolve();
    };
  });
}

// Sends a request; on 401 asks for the API key once and retries.
async function send(url, options) {
  let response = await fetch(url, { ...options, headers: headers(options.headers) });
  if (response.status === 401) {
    setStatus("This server needs an API key.", "needs-key");
    await askForKey();
    response = await fetch(url, { ...options, headers: headers(options.headers) });
  }
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error || {};
    throw new Error(`${error.code || response.status}: ${error.message || "request failed"}`);
  }
  return body;
}

async function openCamera() {
  stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
  });
  $("preview").srcObject = stream;
  await $("preview").play();
}

function closeCamera() {
  if (stream) stream.getTracks().forEach((track) => track.stop());
  stream = null;
}

async function startCamera() {
  try {
    await openCamera();
    $("check").disabled = false;
    $("start").disabled = true;
    setStatus("Centre your face in the oval, then press “Check me”.", "camera-ready");
  } catch (error) {
    setStatus(`The camera is not available: ${error.message}`, "error");
  }
}

function captureJPEG() {
  const video = $("preview");
  const canvas = document.createElement("canvas");
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext("2d").drawImage(video, 0, 0);
  return canvas.toDataURL("image/jpeg", 0.92);
}

// Shows each action's cue from its `cue_seconds` to its `end_seconds` after `start`, with a countdown and progress.
function runCues(actions, total, start) {
  $("progress").hidden = false;
  $("progress").max = total;
  const timer = setInterval(() => {
    const now = (performance.now() - start) / 1000;
    $("progress").value = Math.min(now, total);
    const index = actions.findIndex((step) => now >= step.cue_seconds && now < step.end_seconds);
    if (index < 0) {
      $("cue-symbol").textContent = "🙂";
      $("cue-text").textContent = now < actions[0].cue_seconds ? "Look at the camera" : "Done";
      $("cue-countdown").textContent = now < actions[0].cue_seconds ? `${(actions[0].cue_seconds - now).toFixed(1)} s` : "";
      $("cue").hidden = false;
      return;
    }
    const step = actions[index];
    const cue = CUES[step.action] || { symbol: "?", text: step.action };
    if ($("cue-text").textContent !== cue.text) {
      $("cue-symbol").textContent = cue.symbol;
      $("cue-text").textContent = cue.text;
    }
    $("cue-countdown").textContent = `${index + 1} of ${actions.length} · ${(step.end_seconds - now).toFixed(1)} s`;
  }, 100);
  return () => {
    clearInterval(timer);
    $("cue").hidden = true;
    $("progress").hidden = true;
  };
}

// Lists the challenge and waits for "Start recording"; the camera reopens for the recording.
async function awaitStart(actions) {
  $("challenge-steps").replaceChildren(...actions.map((step) => {
    const item = document.createElement("li");
    const cue = CUES[step.action] || { symbol: "?", text: step.action };
    item.textContent = `${cue.symbol} ${cue.text} (at ${step.cue_seconds.toFixed(1)} s)`;
    return item;
  }));
  $("challenge").hidden = false;
  document.body.dataset.challenge = JSON.stringify(actions);
  setStatus("Ready? Press “Start recording” and follow the cues.", "challenge-ready");
  $("record").focus();
  await new Promise((resolve) => { $("record").onclick = resolve; });
  $("challenge").hidden = true;
  closeCamera();
  await openCamera();
}

function actionResults(active) {
  const list = $("action-results");
  list.replaceChildren(...(active.actions || []).map((result) => {
    const item = document.createElement("li");
    const cue = CUES[result.action] || { text: result.action };
    const peak = result.peak === undefined ? "" : ` (measured ${result.peak.toFixed(2)}`
      + (result.threshold === undefined ? ")" : `, needed ${result.threshold})`);
    item.className = result.passed ? "ok" : "no";
    item.textContent = `${result.passed ? "✔" : "✘"} ${cue.text}: ${result.passed ? "done" : "not seen in time"}${peak}`;
    return item;
  }));
  list.hidden = !(active.actions || []).length;
}

// Shows a live session's message: the framing guide, "hold still", each cue as it is revealed, the light code's
// colours full-screen.
function showLive(message) {
  if (message.type === "flash") {
    $("flash").hidden = !message.colour;
    if (message.colour) $("flash").style.backgroundColor = message.colour;
    return;
  }
  if (message.type === "light") {
    $("cue-symbol").textContent = message.light === "passed" ? "✔" : "☀";
    $("cue-text").textContent = message.light === "passed" ? "Colours seen. Now the movements." : "Too bright for the colours: movements only.";
    $("cue").hidden = false;
    return;
  }
  const cue = message.type === "cue" ? CUES[message.action] || { symbol: "?", text: message.action } : null;
  if (cue) {
    $("cue-symbol").textContent = cue.symbol;
    $("cue-text").textContent = cue.text;
    $("cue-countdown").textContent = `${message.step + 1} of ${message.of}`;
  } else if (message.type === "framing" || message.type === "hold_still") {
    $("cue-symbol").textContent = "🙂";
    $("cue-text").textContent = FRAMING[message.framing || "ok"] || message.framing;
    $("cue-countdown").textContent = "";
  } else if (message.type === "step_done") {
    $("cue-symbol").textContent = "✔";
    $("cue-text").textContent = "Good. Back to the centre.";
  }
  $("cue").hidden = false;
}

// The live session: frames streamed as the camera takes them, each action revealed when the last is done.
async function live(fallback, passive) {
  show("Not sure yet", false, passive, "live session…");
  setStatus("Follow the instructions as they appear.", "live");
  const key = sessionStorage.getItem(KEY);
  const last = await runLiveSession($("preview"), fallback.live_url, {
    apiKey: key || undefined, flash: !$("no-flash").checked, onMessage: showLive,
  });
  $("cue").hidden = true;
  $("flash").hidden = true;
  if (last.type === "error") throw new Error(`${last.code}: ${last.message}`);
  const detail = `${last.passed ? "passed" : "failed"}` + (last.reasons.length ? ` (${last.reasons.join(", ")}): ${explain(last.reasons)}` : "");
  show(last.passed ? "Live person" : "Not verified", last.passed, passive, detail);
  setStatus("Done.", last.passed ? "active-passed" : "active-failed");
}

function show(verdict, passed, passive, active) {
  $("result").hidden = false;
  $("result").className = `result ${passed ? "passed" : "failed"}`;
  $("verdict").textContent = verdict;
  $("passive").textContent = passive;
  $("active").textContent = active;
}

async function check() {
  $("check").disabled = true;
  $("result").hidden = true;
  $("action-results").hidden = true;
  try {
    setStatus("Checking…", "checking");
    const result = await send("/liveness", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ image: captureJPEG() }),
    });
    const passive = `${result.liveness_label} (score ${result.confidence_score.toFixed(3)})`;
    if (!result.requires_active_check) {
      show(result.liveness_label === "real" ? "Live person" : "Presentation attack",
        result.liveness_label === "real", passive, "not needed");
      setStatus("Done.", "passive-done");
      return;
    }
    if (!result.fallback) {
      show("Not sure", false, passive, "not offered by this server");
      setStatus("Done.", "passive-done");
      return;
    }
    if (result.fallback.challenge_type === "live") {
      await live(result.fallback, passive);
      return;
    }
    let clip;
    if (result.fallback.challenge_type === "actions") {
      await awaitStart(result.fallback.actions);
      show("Not sure yet", false, passive, "recording…");
      setStatus("Recording: follow the cues.", "recording");
      let stop = () => {};
      clip = await recordChallenge(stream, result.fallback.recording_seconds, (start) => {
        stop = runCues(result.fallback.actions, result.fallback.recording_seconds, start);
      });
      stop();
    } else {
      show("Not sure yet", false, passive, "recording…");
      setStatus("Blink now, a few times.", "recording");
      $("prompt").hidden = false;
      clip = await recordChallenge(stream, 4);
      $("prompt").hidden = true;
    }
    setStatus("Checking the video…", "uploading");
    const form = new FormData();
    form.append("video", clip, clip.type.includes("mp4") ? "clip.mp4" : "clip.webm");
    const active = await send(result.fallback.upload_url, { method: "POST", body: form });
    actionResults(active);
    const match = active.face_match
      ? `; same face as the selfie: ${active.face_match.matched ? "yes" : "no"}`
        + (active.face_match.distance === undefined ? "" : ` (distance ${active.face_match.distance.toFixed(2)})`)
      : "";
    const what = active.actions ? `${active.actions.filter((a) => a.passed).length} of ${active.actions.length} actions`
      : `${active.blink_count} blink(s)`;
    const detail = `${active.active_passed ? "passed" : "failed"}: ${what}${match}`
      + (active.reasons.length ? ` (${active.reasons.join(", ")})` : "");
    show(active.active_passed ? "Live person" : "Not verified", active.active_passed, passive, detail);
    setStatus("Done.", active.active_passed ? "active-passed" : "active-failed");
  } catch (error) {
    $("prompt").hidden = true;
    $("cue").hidden = true;
    setStatus(`Error: ${error.message}`, "error");
  } finally {
    $("check").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("no-flash").checked = prefersNoFlash();
  $("start").addEventListener("click", startCamera);
  $("check").addEventListener("click", check);
});
