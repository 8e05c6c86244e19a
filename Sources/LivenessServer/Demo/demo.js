// Reference client for the liveness API: selfie → POST /liveness → (if asked) the challenge: for `actions`,
// each cue shown at its time while recording (`recording_seconds`), for `blink` a 4 s blink video → upload_url.
"use strict";

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

// What each action's cue shows: a symbol (the mirrored preview's direction) and words a screen reader reads.
const CUES = {
  turn_left: { symbol: "⬅", text: "Turn your head left" },
  turn_right: { symbol: "➡", text: "Turn your head right" },
  look_up: { symbol: "⬆", text: "Look up" },
  look_down: { symbol: "⬇", text: "Look down" },
  open_mouth: { symbol: "😮", text: "Open your mouth" },
  blink: { symbol: "😑", text: "Blink" },
};

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

function recorderType() {
  const types = ["video/webm;codecs=vp8", "video/webm", "video/mp4"];
  return types.find((type) => window.MediaRecorder && MediaRecorder.isTypeSupported(type)) || "";
}

// Records `milliseconds` of the camera; `onStart` runs when the recorder has started (time zero of the clip).
function record(milliseconds, onStart = () => {}) {
  return new Promise((resolve, reject) => {
    const type = recorderType();
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
    const chunks = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    recorder.onerror = (event) => reject(event.error);
    recorder.onstop = () => resolve(new Blob(chunks, { type: recorder.mimeType || type || "video/webm" }));
    recorder.onstart = () => onStart(performance.now());
    recorder.start(250);
    setTimeout(() => recorder.stop(), milliseconds);
  });
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
    let clip;
    if (result.fallback.challenge_type === "actions") {
      await awaitStart(result.fallback.actions);
      show("Not sure yet", false, passive, "recording…");
      setStatus("Recording: follow the cues.", "recording");
      let stop = () => {};
      clip = await record(result.fallback.recording_seconds * 1000, (start) => {
        stop = runCues(result.fallback.actions, result.fallback.recording_seconds, start);
      });
      stop();
    } else {
      show("Not sure yet", false, passive, "recording…");
      setStatus("Blink now, a few times.", "recording");
      $("prompt").hidden = false;
      clip = await record(4000);
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
  $("start").addEventListener("click", startCamera);
  $("check").addEventListener("click", check);
});
