// Reference client for the liveness API: selfie → POST /liveness → (if asked) 4 s blink video → upload_url.
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

async function startCamera() {
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
    });
    $("preview").srcObject = stream;
    await $("preview").play();
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

function record(milliseconds) {
  return new Promise((resolve, reject) => {
    const type = recorderType();
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
    const chunks = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    recorder.onerror = (event) => reject(event.error);
    recorder.onstop = () => resolve(new Blob(chunks, { type: recorder.mimeType || type || "video/webm" }));
    recorder.start(250);
    setTimeout(() => recorder.stop(), milliseconds);
  });
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
    show("Not sure yet", false, passive, "recording…");
    setStatus("Blink now, a few times.", "recording");
    $("prompt").hidden = false;
    const clip = await record(4000);
    $("prompt").hidden = true;
    setStatus("Checking the blink video…", "uploading");
    const form = new FormData();
    form.append("video", clip, clip.type.includes("mp4") ? "clip.mp4" : "clip.webm");
    const active = await send(result.fallback.upload_url, { method: "POST", body: form });
    const match = active.face_match
      ? `; same face as the selfie: ${active.face_match.matched ? "yes" : "no"}`
        + (active.face_match.distance === undefined ? "" : ` (distance ${active.face_match.distance.toFixed(2)})`)
      : "";
    const detail = `${active.active_passed ? "passed" : "failed"}: ${active.blink_count} blink(s)${match}`
      + (active.reasons.length ? ` (${active.reasons.join(", ")})` : "");
    show(active.active_passed ? "Live person" : "Not verified", active.active_passed, passive, detail);
    setStatus("Done.", active.active_passed ? "active-passed" : "active-failed");
  } catch (error) {
    $("prompt").hidden = true;
    setStatus(`Error: ${error.message}`, "error");
  } finally {
    $("check").disabled = false;
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("start").addEventListener("click", startCamera);
  $("check").addEventListener("click", check);
});
