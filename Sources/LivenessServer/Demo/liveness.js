// The browser client of the liveness service: one ES module, no dependencies, nothing from another origin.
// Served at /sdk/liveness.js. Embed (docs/browser-sdk.md):
//
//   <div id="liveness"></div>
//   <script type="module">
//     import { mountLiveness } from "/sdk/liveness.js";
//     const verdict = await mountLiveness(document.getElementById("liveness"), { apiKey: "…" });
//     // verdict: { passed, mode, reasons, resultToken, challengeId } — verify resultToken on your backend.
//   </script>
//
// The lower-level pieces (checkSelfie, runLiveSession, recordChallenge, uploadChallenge) are exported for pages
// with their own interface, such as /demo.

/** What each action's cue shows: a symbol (as in the mirrored preview) and words a screen reader reads. */
export const CUES = {
  turn_left: { symbol: "⬅", text: "Turn your head left" },
  turn_right: { symbol: "➡", text: "Turn your head right" },
  look_up: { symbol: "⬆", text: "Look up" },
  look_down: { symbol: "⬇", text: "Look down" },
  open_mouth: { symbol: "😮", text: "Open your mouth" },
  blink: { symbol: "😑", text: "Blink" },
};

/** What the live session's framing guide says. */
export const FRAMING = {
  ok: "Hold still, looking at the camera",
  no_face: "No face found: move into the oval",
  too_small: "Come closer",
  off_centre: "Centre your face in the oval",
};

/** Why a check failed, in words, for the reason codes a person can act on. */
export const REASONS = {
  reaction_too_fast: "an action began before its cue",
  reaction_too_slow: "an action was not seen in time after its cue",
  wrong_order: "another action was done than the one asked for",
  not_real_time: "the frames did not arrive as a live camera sends them",
  face_mismatch: "the face is not the selfie's",
  face_changed: "the face changed during the check",
  no_blink: "no blink was seen",
  session_idle: "the camera stopped sending",
};

/** The service's origin: where this module was served from. */
export const serviceOrigin = new URL(import.meta.url).origin;

/** An error answer of the service: `code` is the API's error code. */
export class LivenessError extends Error {
  constructor(code, message) {
    super(`${code}: ${message}`);
    this.code = code;
  }
}

async function request(path, { apiKey, baseURL = serviceOrigin, ...options }) {
  const headers = { ...(options.headers || {}) };
  if (apiKey) headers["X-API-KEY"] = apiKey;
  const response = await fetch(new URL(path, baseURL), { ...options, headers });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body.error || {};
    throw new LivenessError(error.code || String(response.status), error.message || "request failed");
  }
  return body;
}

/** Opens the front camera (about 640×480) into `video`; returns the stream. */
export async function openCamera(video) {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: "user", width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
  });
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play();
  return stream;
}

/** The current frame of `video` as a canvas at most `maxSide` pixels a side. */
function frameCanvas(video, maxSide, canvas = document.createElement("canvas")) {
  const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext("2d").drawImage(video, 0, 0, canvas.width, canvas.height);
  return canvas;
}

/** `POST /liveness` with the current frame of `video`: the passive result, with `fallback` when unsure. */
export async function checkSelfie(video, { apiKey, baseURL } = {}) {
  const image = frameCanvas(video, 1280).toDataURL("image/jpeg", 0.92);
  return request("/liveness", {
    apiKey, baseURL, method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ image }),
  });
}

/** One live frame: the capture time in milliseconds as an 8-byte big-endian double, then the JPEG. */
export function frameMessage(jpeg, captureMilliseconds) {
  const message = new Uint8Array(8 + jpeg.byteLength);
  new DataView(message.buffer).setFloat64(0, captureMilliseconds, false);
  message.set(new Uint8Array(jpeg), 8);
  return message.buffer;
}

/** The socket URL of a fallback's `live_url` (a path on the service, or absolute); `?light=off` without flashing. */
function socketURL(liveURL, baseURL = serviceOrigin, flash = true) {
  const url = new URL(liveURL, baseURL);
  if (url.protocol === "http:") url.protocol = "ws:";
  if (url.protocol === "https:") url.protocol = "wss:";
  if (!flash) url.searchParams.set("light", "off");
  return url.href;
}

/** Whether the person asked for less motion: no flashing colours then, unless the page says otherwise. */
export const prefersNoFlash = () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;

/** The WebSocket subprotocols: the protocol, and the API key (browsers cannot set headers on a socket). */
function protocols(apiKey) {
  if (!apiKey) return ["liveness.v1"];
  const bytes = new TextEncoder().encode(apiKey);
  const base64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return ["liveness.v1", `liveness.key.${base64}`];
}

/**
 * Runs a live session: streams `video` to the fallback's `live_url` at `fps` (JPEG, at most 640 px a side) and
 * calls `onMessage` with each server message (framing, hold_still, cue, step_done, light, and flash: show
 * `colour` full-screen now, or nothing when it is absent). Resolves with the last message:
 * `{type: "result", passed, reasons, result_token, challenge_id}` or `{type: "error", code, message}`.
 * `flash: false` asks for no light code (the session is then judged on its actions only, and its token says
 * `mode: live`, not `live_light`). `signal` (an AbortSignal) ends it early.
 */
export function runLiveSession(video, liveURL, { apiKey, baseURL, fps = 15, flash = true, onMessage = () => {}, signal } = {}) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketURL(liveURL, baseURL, flash), protocols(apiKey));
    socket.binaryType = "arraybuffer";
    const canvas = document.createElement("canvas");
    let timer = null;
    let last = null;
    let sending = false;
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = null;
    };
    signal?.addEventListener("abort", () => {
      stop();
      socket.close(1000, "aborted");
    });
    socket.onopen = () => {
      timer = setInterval(() => {
        // A camera does not queue frames: one still being encoded or sent makes this tick skip.
        if (sending || socket.bufferedAmount > 0 || video.readyState < 2) return;
        sending = true;
        const captured = performance.now();
        frameCanvas(video, 640, canvas).toBlob(async (blob) => {
          try {
            if (blob && socket.readyState === WebSocket.OPEN) socket.send(frameMessage(await blob.arrayBuffer(), captured));
          } finally {
            sending = false;
          }
        }, "image/jpeg", 0.8);
      }, 1000 / fps);
    };
    socket.onmessage = (event) => {
      if (typeof event.data !== "string") return;
      const message = JSON.parse(event.data);
      if (message.type === "result" || message.type === "error") {
        last = message;
        stop();
      } else {
        onMessage(message);
      }
    };
    socket.onerror = () => {};
    socket.onclose = (event) => {
      stop();
      if (last) resolve(last);
      else if (event.reason) resolve({ type: "error", code: event.reason, message: `the session closed: ${event.reason}` });
      else reject(new LivenessError("connection_failed", "the live session could not be opened"));
    };
  });
}

function recorderType() {
  const types = ["video/webm;codecs=vp8", "video/webm", "video/mp4"];
  return types.find((type) => window.MediaRecorder && MediaRecorder.isTypeSupported(type)) || "";
}

/**
 * Records `seconds` of `stream` for an upload challenge; `onStart(time)` runs when recording starts (time zero
 * of an action challenge's cue times). Resolves with the clip.
 */
export function recordChallenge(stream, seconds, onStart = () => {}) {
  return new Promise((resolve, reject) => {
    const type = recorderType();
    const recorder = new MediaRecorder(stream, type ? { mimeType: type } : {});
    const chunks = [];
    recorder.ondataavailable = (event) => event.data.size > 0 && chunks.push(event.data);
    recorder.onerror = (event) => reject(event.error);
    recorder.onstop = () => resolve(new Blob(chunks, { type: recorder.mimeType || type || "video/webm" }));
    recorder.onstart = () => onStart(performance.now());
    recorder.start(250);
    setTimeout(() => recorder.stop(), seconds * 1000);
  });
}

/** Uploads `clip` to the fallback's `upload_url`: the active check's answer. */
export function uploadChallenge(clip, uploadURL, { apiKey, baseURL } = {}) {
  const form = new FormData();
  form.append("video", clip, clip.type.includes("mp4") ? "clip.mp4" : "clip.webm");
  return request(uploadURL, { apiKey, baseURL, method: "POST", body: form });
}

/** The words for a list of reason codes. */
export function explain(reasons) {
  return reasons.map((code) => REASONS[code] || code.replace(/_/g, " ")).join("; ");
}

const wait = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A new element with a class and attributes. */
function element(tag, className, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/**
 * Mounts the check in `container`: a start button, the camera with an oval guide, large cues in text and symbols
 * (announced to screen readers), then the selfie, and when the service asks, the live session (or, for an
 * upload challenge, the recording and its upload). Resolves with the verdict for the page:
 * `{ passed, mode: "passive" | "live" | "upload", reasons, resultToken, challengeId }`. Verify `resultToken` on your
 * backend (GET /.well-known/jwks.json); the page's copy of `passed` is only for showing.
 *
 * Options: `apiKey`, `baseURL` (default: this module's origin), `fps` (live frames a second, default 15),
 * `flash` (show the light code's colours when the service asks; default: unless the person prefers reduced
 * motion), `labels` (override the start button's text).
 */
export async function mountLiveness(container, { apiKey, baseURL, fps = 15, flash = !prefersNoFlash(), labels = {} } = {}) {
  const stylesheet = document.createElement("link");
  stylesheet.rel = "stylesheet";
  stylesheet.href = new URL("liveness.css", import.meta.url).href;
  document.head.append(stylesheet);
  const root = element("div", "lv-root");
  const video = element("video", null, { "aria-label": "Your camera" });
  const screen = element("div", "lv-flash", { "aria-hidden": "true" });
  screen.hidden = true;
  const stage = element("div", "lv-stage");
  stage.append(video, element("div", "lv-oval", { "aria-hidden": "true" }), screen);
  const cue = element("p", "lv-cue", { role: "status", "aria-live": "assertive" });
  const symbol = element("span", "lv-symbol", { "aria-hidden": "true" });
  const text = element("span", "lv-text");
  cue.append(symbol, text);
  const start = element("button", "lv-start", { type: "button" });
  start.textContent = labels.start || "Start the liveness check";
  root.append(stage, cue, start);
  container.replaceChildren(root);
  const say = (words, sign = "") => {
    symbol.textContent = sign;
    text.textContent = words;
  };
  say("Press the button to open your camera.");
  start.focus();
  await new Promise((resolve) => start.addEventListener("click", resolve, { once: true }));
  start.hidden = true;
  let stream = null;
  try {
    stream = await openCamera(video);
    say("Centre your face in the oval and look at the camera.", "🙂");
    await wait(1500);
    say("Checking…");
    const result = await checkSelfie(video, { apiKey, baseURL });
    if (!result.requires_active_check || !result.fallback) {
      const passed = result.liveness_label === "real" && !result.requires_active_check;
      say(passed ? "Done: you are verified." : "Not verified.", passed ? "✔" : "✘");
      return { passed, mode: "passive", reasons: result.reasons || [], resultToken: result.result_token, challengeId: null };
    }
    const fallback = result.fallback;
    if (fallback.challenge_type === "live" && fallback.live_url) {
      say("Follow the instructions as they appear.", "🙂");
      const last = await runLiveSession(video, fallback.live_url, {
        apiKey, baseURL, fps, flash,
        onMessage: (message) => {
          if (message.type === "flash") {
            screen.hidden = !message.colour;
            if (message.colour) screen.style.backgroundColor = message.colour;
          } else if (message.type === "light") say(message.light === "passed" ? "Thank you. Now the movements." : "Too bright for the colours: just the movements.");
          else if (message.type === "cue") say((CUES[message.action] || { text: message.action }).text, (CUES[message.action] || {}).symbol || "");
          else if (message.type === "framing") say(FRAMING[message.framing] || message.framing);
          else if (message.type === "hold_still") say(FRAMING.ok);
          else if (message.type === "step_done") say("Good. Back to the centre.", "✔");
        },
      });
      screen.hidden = true;
      if (last.type === "error") throw new LivenessError(last.code, last.message);
      say(last.passed ? "Done: you are verified." : `Not verified: ${explain(last.reasons)}.`, last.passed ? "✔" : "✘");
      return { passed: last.passed, mode: "live", reasons: last.reasons, resultToken: last.result_token, challengeId: fallback.challenge_id };
    }
    const seconds = fallback.recording_seconds || 4;
    let timer = null;
    const clip = await recordChallenge(stream, seconds, (begin) => {
      if (!fallback.actions) return say("Blink a few times.", CUES.blink.symbol);
      timer = setInterval(() => {
        const now = (performance.now() - begin) / 1000;
        const step = fallback.actions.find((s) => now >= s.cue_seconds && now < s.end_seconds);
        if (step) say(CUES[step.action]?.text || step.action, CUES[step.action]?.symbol || "");
        else say("Look at the camera.", "🙂");
      }, 100);
    });
    clearInterval(timer);
    say("Checking the video…");
    const active = await uploadChallenge(clip, fallback.upload_url, { apiKey, baseURL });
    say(active.active_passed ? "Done: you are verified." : `Not verified: ${explain(active.reasons)}.`, active.active_passed ? "✔" : "✘");
    return { passed: active.active_passed, mode: "upload", reasons: active.reasons, resultToken: active.result_token, challengeId: fallback.challenge_id };
  } catch (error) {
    say(`The check could not be completed: ${error.message}`, "⚠");
    throw error;
  } finally {
    if (stream) stream.getTracks().forEach((track) => track.stop());
  }
}
