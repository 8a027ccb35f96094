// The control API (JSON, camelCase, kebab-case enums, simulated ISO times) and its event stream.

const TOKEN_KEY = "axis-emulator-token";

// A control plane opened beyond loopback needs a bearer token: open the dashboard once with ?token=…
// (or type it when asked). It is kept for this tab only and sent as a header, never as a cookie, so
// another site cannot make the browser call the API.
const fromUrl = new URLSearchParams(location.search).get("token");
if (fromUrl) {
  sessionStorage.setItem(TOKEN_KEY, fromUrl);
  history.replaceState(null, "", location.pathname);
}
const token = sessionStorage.getItem(TOKEN_KEY);
let asked = false;

/** On a 401, asks once per page for the token and reloads with it; false when nothing was entered. */
function askForToken() {
  if (asked) return false;
  asked = true;
  const entered = window.prompt(token ? "The token was not accepted. Bearer token of this emulator (serve --token):" : "This emulator's control API needs its bearer token (serve --token):");
  if (!entered) return false;
  sessionStorage.setItem(TOKEN_KEY, entered.trim());
  location.reload();
  return true;
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** Calls /api/v1{path}; resolves to the JSON answer (or null), rejects with ApiError. */
export async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (response.status === 401) askForToken();
  if (!response.ok) throw new ApiError(response.status, json);
  return json;
}

export const get = (path) => api("GET", path);
export const post = (path, body) => api("POST", path, body ?? {});
export const put = (path, body) => api("PUT", path, body);
export const del = (path) => api("DELETE", path);

const KINDS = ["power", "button", "led", "phase", "http", "fault", "config", "boot", "network"];

/**
 * Follows GET /api/v1/events: onEntry(timelineEntry) for every entry of every device, onState("live"|"down").
 * EventSource when no token is needed (it reconnects by itself); with a token, a fetch stream (EventSource
 * cannot send headers) that reconnects after 2 s.
 */
export function followEvents(onEntry, onState) {
  const deliver = (data) => {
    try {
      onEntry(JSON.parse(data));
    } catch (error) {
      console.warn("bad event", error);
    }
  };

  if (!token) {
    const source = new EventSource("/api/v1/events");
    source.onopen = () => onState("live");
    source.onerror = () => onState("down");
    for (const kind of KINDS) source.addEventListener(kind, (e) => deliver(e.data));
    source.onmessage = (e) => deliver(e.data);
    return () => source.close();
  }

  let stopped = false;
  let controller;
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch("/api/v1/events", { headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" }, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        onState("live");
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
            if (data) deliver(data);
          }
        }
      } catch {
        // fall through to the retry
      }
      if (stopped) break;
      onState("down");
      await new Promise((r) => setTimeout(r, 2000));
    }
  };
  run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}
