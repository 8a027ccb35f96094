// The dashboard: fleet, device view (camera, control button, power, faults, timeline, VAPIX log),
// clock control and presenter mode — all live from the control API's event stream.

import { get, post, put, del, followEvents } from "./api.js";
import { $, $$, h, applyLed, describeLed, throttle, fmt } from "./dom.js";
import { simClock, formatSim } from "./simclock.js";
import { drawCamera } from "./camera.js";
import { TimelineChart, describeSpan } from "./timeline.js";
import { HoldControl } from "./hold.js";

const state = {
  profiles: new Map(),
  devices: new Map(),
  order: [],
  selected: null,
  entries: [], // timeline of the selected device
  requests: [],
  drawnProfile: null,
  lastSource: null,
  presenterVersion: -1,
  presenterPolling: false,
};

const RUNNING = new Set(["booting", "network-up", "ready", "shutting-down", "upgrading", "factory-resetting", "bricked"]);

// ---------------------------------------------------------------- errors
let toastTimer;
function showError(error) {
  const toast = $("#toast");
  toast.textContent = error?.message ?? String(error);
  toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (toast.hidden = true), 6000);
}
const guard = (promise) => promise.catch(showError);

// ---------------------------------------------------------------- display options
function setupViewOptions() {
  for (const [id, cls] of [["#opt-large", "large"], ["#opt-contrast", "contrast"]]) {
    const button = $(id);
    const key = `axis-dashboard-${cls}`;
    const apply = (on) => {
      document.body.classList.toggle(cls, on);
      button.setAttribute("aria-pressed", String(on));
      localStorage.setItem(key, on ? "1" : "0");
      chart?.render();
    };
    apply(localStorage.getItem(key) === "1");
    button.addEventListener("click", () => apply(button.getAttribute("aria-pressed") !== "true"));
  }
}

// ---------------------------------------------------------------- clock
async function refreshClock() {
  const clock = await get("/clock");
  simClock.sync(clock);
  renderClockControls();
}
const refreshClockSoon = throttle(() => guard(refreshClock()), 300);

function renderClockControls() {
  const mode = simClock.mode;
  for (const radio of $$('input[name="clock-mode"]')) radio.checked = radio.value === mode;
  const badge = $("#clock-mode");
  badge.textContent = mode === "scaled" ? `scaled ${simClock.scale}×` : mode === "manual" ? "manual" : "real time";
  badge.dataset.mode = mode;
  if (mode === "scaled" && document.activeElement !== $("#clock-scale")) $("#clock-scale").value = simClock.scale;
  for (const button of $$("[data-advance]")) button.disabled = mode !== "manual";
}

function setupClock() {
  for (const radio of $$('input[name="clock-mode"]')) {
    radio.addEventListener("change", () => {
      const body = radio.value === "scaled" ? { mode: "scaled", scale: Number($("#clock-scale").value) || 10 } : { mode: radio.value };
      guard(put("/clock", body).then((c) => { simClock.sync(c); renderClockControls(); }));
    });
  }
  $("#clock-scale").addEventListener("change", () => {
    if (simClock.mode !== "scaled") return;
    guard(put("/clock", { mode: "scaled", scale: Number($("#clock-scale").value) }).then((c) => { simClock.sync(c); renderClockControls(); }));
  });
  for (const button of $$("[data-advance]")) {
    button.addEventListener("click", () => {
      const value = button.dataset.advance;
      const body = value === "idle" ? { untilIdle: true, maxSeconds: 3600 } : { seconds: Number(value) };
      guard(post("/clock/advance", body).then((r) => {
        simClock.sync(r.clock);
        renderClockControls();
        refreshAllDevices();
      }));
    });
  }
  const tick = () => {
    $("#clock-now").textContent = formatSim(simClock.now(), simClock.mode === "manual" ? 3 : 1);
    setTimeout(() => requestAnimationFrame(tick), 100);
  };
  tick();
  setInterval(() => guard(refreshClock()), 2000);
}

// ---------------------------------------------------------------- fleet
async function loadProfiles() {
  const profiles = await get("/profiles");
  for (const p of profiles) state.profiles.set(p.id, p);
  const select = $("#add-profile");
  select.replaceChildren(...profiles.map((p) => h("option", { value: p.id, selected: p.id === "P3265-LVE" }, `${p.id} (${p.formFactor})`)));
}

async function refreshFleet() {
  const devices = await get("/devices");
  state.order = devices.map((d) => d.id);
  state.devices = new Map(devices.map((d) => [d.id, d]));
  if (!state.selected || !state.devices.has(state.selected)) {
    const wanted = decodeURIComponent(location.hash.slice(1));
    await select(state.devices.has(wanted) ? wanted : state.order[0] ?? null);
  }
  renderFleet();
  renderDevice();
}

function refreshAllDevices() {
  for (const id of state.order) refreshDeviceSoon(id);
}

const refreshers = new Map();
function refreshDeviceSoon(id) {
  if (!refreshers.has(id)) {
    refreshers.set(id, throttle(() => guard(refreshDevice(id)), 120));
  }
  refreshers.get(id)();
}

async function refreshDevice(id) {
  try {
    const device = await get(`/devices/${encodeURIComponent(id)}`);
    if (!state.devices.has(id)) state.order.push(id);
    state.devices.set(id, device);
    simClock.observe(device.time);
  } catch (error) {
    if (error.status === 404) {
      state.devices.delete(id);
      state.order = state.order.filter((d) => d !== id);
      if (state.selected === id) await select(state.order[0] ?? null);
    } else throw error;
  }
  renderFleet();
  if (id === state.selected) renderDevice();
}

function renderFleet() {
  const list = $("#fleet-list");
  $("#fleet-count").textContent = `${state.order.length} camera${state.order.length === 1 ? "" : "s"}`;
  const items = state.order.map((id) => {
    const d = state.devices.get(id);
    if (!d) return null;
    const profile = state.profiles.get(d.profile);
    const leds = ["status", "power", "network"].filter((n) => d.leds[n]).map((n) => {
      const dot = h("span", { className: "led dot", title: `${n} LED: ${describeLed(d.leds[n])}`, dataset: { led: n } });
      applyLed(dot, d.leds[n]);
      return h("span", { className: "card-led" }, dot, h("span", { "aria-hidden": "true" }, n));
    });
    const card = h("button", {
      type: "button", className: "card", "aria-current": String(id === state.selected),
      dataset: { device: id, phase: d.phase, testid: `card-${id}` },
      "aria-label": `${id}, ${profile?.model ?? d.profile}, ${d.phase}, status LED ${describeLed(d.leds.status)}`,
    },
    h("span", { className: "card-top" }, h("span", { className: "card-id" }, id), h("span", { className: "phase", dataset: { phase: d.phase } }, d.phase)),
    h("span", { className: "card-model" }, `${profile?.model ?? d.profile} · ${profile?.formFactor ?? ""}`),
    h("span", { className: "card-addr" }, d.network.ipAddress ?? "no address"),
    h("span", { className: "card-leds" }, leds),
    h("span", { className: "card-model" }, `power ${d.power.on ? d.power.status : "unplugged"}${d.power.on ? ` · ${fmt(d.power.volts)} V` : ""}`));
    card.addEventListener("click", () => guard(select(id)));
    return h("li", {}, card);
  });
  const focused = document.activeElement?.dataset?.device;
  list.replaceChildren(...items.filter(Boolean));
  if (focused) list.querySelector(`[data-device="${CSS.escape(focused)}"]`)?.focus();
}

function setupFleet() {
  $("#add-device").addEventListener("submit", (event) => {
    event.preventDefault();
    guard(post("/devices", { profile: $("#add-profile").value, power: { on: true } }).then(async (d) => {
      await refreshFleet();
      await select(d.id);
    }));
  });
  $("#device-remove").addEventListener("click", () => {
    const id = state.selected;
    if (!id || !confirm(`Remove ${id} from the fleet?`)) return;
    guard(del(`/devices/${encodeURIComponent(id)}`).then(() => {
      state.selected = null;
      return refreshFleet();
    }));
  });
}

// ---------------------------------------------------------------- selection and device view
async function select(id) {
  state.selected = id;
  state.entries = [];
  state.requests = [];
  state.drawnProfile = null;
  state.lastSource = null;
  if (id) history.replaceState(null, "", `#${encodeURIComponent(id)}`);
  chart.setEntries([]);
  renderRequests();
  if (!id) {
    renderDevice();
    return;
  }
  const [device, page] = await Promise.all([get(`/devices/${encodeURIComponent(id)}`), get(`/devices/${encodeURIComponent(id)}/timeline`)]);
  if (state.selected !== id) return;
  state.devices.set(id, device);
  state.entries = page.entries;
  state.requests = page.entries.filter((e) => e.kind === "http");
  chart.setEntries(page.entries);
  renderRequests();
  renderFleet();
  renderDevice();
}

const current = () => (state.selected ? state.devices.get(state.selected) : null);
const currentProfile = () => state.profiles.get(current()?.profile);

function renderDevice() {
  const d = current();
  $("#no-device").hidden = !!d;
  $("#device-view").hidden = !d;
  if (!d) return;
  const profile = currentProfile();
  $("#device-id").textContent = d.id;
  $("#device-model").textContent = profile ? `AXIS ${profile.model} · ${profile.formFactor} · ${profile.firmware.version}` : d.profile;
  const phase = $("#device-phase");
  phase.textContent = d.phase;
  phase.dataset.phase = d.phase;
  $("#device-setup").hidden = !(d.firmware.needsSetup && RUNNING.has(d.phase) && !d.bricked);
  $("#device-power-warning").hidden = !d.power.degraded;

  const facts = [
    ["Serial", d.serial],
    ["MAC", d.network.macAddress ?? "–"],
    ["Link", d.network.linkUp ? "up" : "down (no carrier)"],
    ["Emulated address", d.network.ipAddress ?? "–"],
    ["Link-local", d.network.linkLocal ?? "–"],
    ["VAPIX endpoint", d.network.endpoint ?? (d.network.listening ? "(not served by this host)" : "closed")],
    ["HTTPS endpoint", d.network.httpsEndpoint ?? (d.network.listening ? "(not served by this host)" : "closed")],
    // What a client pins (the self-signed certificate); made when HTTPS first opens.
    ["Certificate SHA-256", d.network.certificateSha256 ?? "– (none yet)"],
    ["Boots", String(d.bootCount)],
    ["Uptime", `${fmt(d.firmware.uptimeSeconds, 0)} s`],
  ];
  if (d.network.conflicts?.length) facts.push(["IP conflict with", d.network.conflicts.join(", ")]);
  $("#device-facts").replaceChildren(...facts.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v))));

  // camera drawing
  if (state.drawnProfile !== d.profile) {
    state.drawnProfile = d.profile;
    $("#camera-art").replaceChildren(drawCamera(profile));
  }
  const svg = $("#camera-art svg");
  const dark = d.bricked || !RUNNING_OR_BOOT(d.phase);
  svg.dataset.dark = String(dark);
  svg.dataset.bricked = String(d.bricked);
  svg.querySelector(".dark-note")?.setAttribute("visibility", d.bricked ? "visible" : "hidden");
  const legend = [];
  for (const name of ["status", "power", "network"]) {
    const el = svg.querySelector(`[data-led="${name}"]`);
    if (!el) continue;
    applyLed(el, d.leds[name]);
    legend.push(h("li", { dataset: { led: name } }, h("strong", {}, `${name}:`), ` ${describeLed(d.leds[name])}`));
  }
  $("#led-legend").replaceChildren(...legend);

  renderPower(d, profile);
  renderFaults(d);
}

function RUNNING_OR_BOOT(phase) {
  return phase !== "off" && phase !== "brownout" && phase !== "bricked";
}

// ---------------------------------------------------------------- power
const form = () => $("#power-form");

function formSource() {
  const f = form();
  const kind = f.elements.kind.value;
  switch (kind) {
    case "poe":
      return { kind, standard: f.elements.standard.value, pseClass: Number(f.elements.pseClass.value), cableMeters: Number(f.elements.cableMeters.value), cableCategory: f.elements.cableCategory.value };
    case "passive":
      return { kind, volts: Number(f.elements.passiveVolts.value) };
    case "dc":
      return { kind, volts: Number(f.elements.dcVolts.value), amps: Number(f.elements.dcAmps.value) };
    default:
      return null;
  }
}

function showKind(kind) {
  for (const div of $$(".source-fields")) div.classList.toggle("active", div.dataset.kind === kind);
}

function fillForm(d, profile) {
  const f = form();
  const source = d.power.on ? d.power.source : null;
  const kind = source?.kind ?? "none";
  for (const radio of f.elements.kind) radio.checked = radio.value === kind;
  const poe = source?.kind === "poe" ? source : { standard: profile?.poeClass > 4 ? "802.3bt" : profile?.poeClass === 4 ? "802.3at" : "802.3af", pseClass: profile?.poeClass ?? 4, cableMeters: 10, cableCategory: "cat5e" };
  f.elements.standard.value = poe.standard;
  f.elements.pseClass.value = String(poe.pseClass);
  f.elements.cableCategory.value = poe.cableCategory;
  f.elements.cableMeters.value = String(poe.cableMeters);
  $("#cable-out").textContent = `${poe.cableMeters} m`;
  if (source?.kind === "passive") f.elements.passiveVolts.value = source.volts;
  if (source?.kind === "dc") {
    f.elements.dcVolts.value = source.volts;
    f.elements.dcAmps.value = source.amps;
  }
  showKind(kind === "none" ? (profile?.poeClass !== undefined ? "poe" : "dc") : kind);
  if (kind === "none") {
    // keep the fields of the source that would be plugged in visible
  }
}

function renderPower(d, profile) {
  const key = JSON.stringify([d.id, d.power.on, d.power.source]);
  const editing = form().contains(document.activeElement) && document.activeElement.type !== "submit";
  if (key !== state.lastSource && !editing) {
    state.lastSource = key;
    fillForm(d, profile);
  }
  $("#power-volts").textContent = d.power.on ? `${fmt(d.power.volts)} V` : "–";
  $("#power-watts").textContent = d.power.on ? `${fmt(d.power.watts)} W` : "–";
  $("#power-budget").textContent = d.power.on ? `${fmt(d.power.budgetWatts)} W` : "–";
  const status = $("#power-status");
  status.textContent = d.power.on ? d.power.status : "unplugged";
  status.dataset.status = d.power.on ? d.power.status : "no-power";
  $("#power-message").textContent = d.power.message ?? "";
  const source = d.power.source;
  const top = source?.kind === "poe" ? source.pseVolts ?? 57 : source?.volts ?? 57;
  // The minimum and the verdict on it are the rail's (Core's PowerRail), not worked out here.
  const min = d.power.on ? d.power.minimumVolts ?? null : null;
  const fill = $("#volt-fill");
  fill.style.width = `${Math.max(0, Math.min(100, (d.power.volts / Math.max(top, 1)) * 100))}%`;
  fill.dataset.low = String(d.power.on && d.power.status === "undervoltage");
  const marker = $("#volt-min");
  marker.hidden = min === null;
  if (min !== null) marker.style.left = `${Math.min(100, (min / Math.max(top, 1)) * 100)}%`;
}

function applyPower(source) {
  const d = current();
  if (!d) return Promise.resolve();
  const body = source ? { on: true, source } : { on: false };
  return put(`/devices/${encodeURIComponent(d.id)}/power`, body).then((device) => {
    state.devices.set(device.id, device);
    state.lastSource = JSON.stringify([device.id, device.power.on, device.power.source]);
    renderDevice();
    renderFleet();
  });
}

function setupPower() {
  const f = form();
  for (const radio of f.elements.kind) radio.addEventListener("change", () => showKind(radio.value === "none" ? "poe" : radio.value));
  f.addEventListener("submit", (event) => {
    event.preventDefault();
    guard(applyPower(formSource()));
  });
  // Dragging the cable re-plugs the PoE source live (throttled), so the rail is re-evaluated as it grows.
  const live = throttle(() => {
    const d = current();
    if (d?.power.on && d.power.source?.kind === "poe") guard(applyPower(formSource()));
  }, 150);
  f.elements.cableMeters.addEventListener("input", () => {
    $("#cable-out").textContent = `${f.elements.cableMeters.value} m`;
    live();
  });
  for (const name of ["standard", "pseClass", "cableCategory"]) {
    f.elements[name].addEventListener("change", () => {
      const d = current();
      if (d?.power.on && d.power.source?.kind === "poe") guard(applyPower(formSource()));
    });
  }
  $("#power-cycle").addEventListener("click", () => {
    const d = current();
    if (!d) return;
    const source = d.power.on ? d.power.source : formSource();
    guard(applyPower(null).then(() => source && applyPower(source)));
  });
}

// ---------------------------------------------------------------- faults
function renderFaults(d) {
  for (const button of $$("[data-fault]")) {
    const fault = button.dataset.fault;
    const on = fault === "bricked" ? d.bricked : fault === "link-down" ? !d.network.linkUp : d.button.condition === fault;
    button.setAttribute("aria-pressed", String(on));
  }
}

function setupFaults() {
  for (const button of $$("[data-fault]")) {
    button.addEventListener("click", () => {
      const d = current();
      if (!d) return;
      const fault = button.dataset.fault;
      const on = button.getAttribute("aria-pressed") === "true";
      const body = fault === "bricked" ? { bricked: !on } : fault === "link-down" ? { networkLink: on } : { button: { condition: on ? "healthy" : fault } };
      guard(put(`/devices/${encodeURIComponent(d.id)}/faults`, body).then((device) => {
        state.devices.set(device.id, device);
        renderDevice();
        renderFleet();
      }));
    });
  }
}

// ---------------------------------------------------------------- the control button
let holdQueue = Promise.resolve();
function setupHold() {
  return new HoldControl($("#hold-button"), {
    device: current,
    profile: currentProfile,
    entries: () => state.entries,
    refresh: () => state.selected && refreshDeviceSoon(state.selected),
    press: () => {
      const d = current();
      if (!d) return;
      const id = encodeURIComponent(d.id);
      const cycle = $("#hold-cycle").checked;
      holdQueue = holdQueue.then(async () => {
        await post(`/devices/${id}/button`, { action: "press" });
        if (!cycle) return;
        const now = state.devices.get(d.id) ?? d;
        if (now.power.on && RUNNING.has(now.phase)) {
          // The reset procedure: power off, and on again while the button is held.
          const source = now.power.source;
          await put(`/devices/${id}/power`, { on: false });
          await put(`/devices/${id}/power`, source ? { on: true, source } : { on: true });
        } else if (!now.power.on) {
          const source = formSource();
          await put(`/devices/${id}/power`, source ? { on: true, source } : { on: true });
        }
      }).catch(showError);
    },
    release: () => {
      const d = current();
      if (!d) return;
      holdQueue = holdQueue.then(() => post(`/devices/${encodeURIComponent(d.id)}/button`, { action: "release" })).catch(showError);
    },
  });
}

// ---------------------------------------------------------------- timeline and requests
let chart;
function setupTimeline() {
  const spanLabel = () => {
    $("#tl-span").textContent = `showing ${describeSpan(chart.span)}`;
    $("#tl-live").setAttribute("aria-pressed", String(chart.follow));
  };
  chart = new TimelineChart($("#timeline"), spanLabel);
  spanLabel();
  $("#tl-in").addEventListener("click", () => { chart.zoom(0.5); spanLabel(); });
  $("#tl-out").addEventListener("click", () => { chart.zoom(2); spanLabel(); });
  $("#tl-fit").addEventListener("click", () => { chart.fit(); spanLabel(); });
  $("#tl-live").addEventListener("click", () => { chart.setFollow(!chart.follow); spanLabel(); });
}

function renderRequests() {
  const rows = state.requests.slice(-200).reverse().map((e) => {
    const status = Number(e.data?.status ?? 0);
    return h("tr", { dataset: { class: String(Math.floor(status / 100)), seq: String(e.sequence) } },
      h("td", {}, formatSim(Date.parse(e.time), 3)),
      h("td", {}, e.data?.method ?? ""),
      h("td", {}, e.data?.path ?? ""),
      h("td", {}, e.data?.user ?? "–"),
      h("td", {}, String(status)));
  });
  $("#requests-body").replaceChildren(...rows);
  $("#requests-empty").hidden = rows.length > 0;
}
const renderRequestsSoon = throttle(renderRequests, 250);

// ---------------------------------------------------------------- live events
const RELEVANT = new Set(["power", "button", "led", "phase", "fault", "network", "boot", "config"]);
function onEntry(entry) {
  simClock.observe(entry.time);
  if (entry.deviceId === state.selected) {
    const last = state.entries[state.entries.length - 1];
    if (!last || entry.sequence > last.sequence) state.entries.push(entry);
    if (state.entries.length > 5000) state.entries.splice(0, state.entries.length - 5000);
    chart.add(entry);
    if (entry.kind === "http") {
      state.requests.push(entry);
      renderRequestsSoon();
    }
  }
  if (!state.devices.has(entry.deviceId) || RELEVANT.has(entry.kind)) refreshDeviceSoon(entry.deviceId);
  if (simClock.mode === "manual") refreshClockSoon();
}

function onStreamState(value) {
  const el = $("#live-status");
  el.dataset.state = value;
  el.textContent = value === "live" ? "live" : "reconnecting…";
  if (value === "live") guard(refreshFleet());
}

// ---------------------------------------------------------------- presenter
let scenarios = [];
async function loadScenarios() {
  const list = await get("/scenarios");
  scenarios = list.scenarios;
  const select = $("#scenario");
  select.replaceChildren(...scenarios.map((sc) => h("option", { value: sc.file, disabled: !sc.valid, selected: sc.file === "factory-reset-button.yaml" }, sc.valid ? sc.name : `${sc.file} (invalid)`)));
  if (!scenarios.length) select.append(h("option", { value: "", disabled: true }, "no scenarios found"));
  describeScenario();
}

function describeScenario() {
  const sc = scenarios.find((x) => x.file === $("#scenario").value);
  $("#scenario-description").textContent = sc ? `${sc.description ?? ""} (${sc.steps} steps, written for ${sc.profile})` : "";
}

function setupPresenter() {
  $("#scenario").addEventListener("change", describeScenario);
  $("#presenter-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const f = event.target;
    const target = f.elements.target.value;
    const body = { file: $("#scenario").value, scale: Number(f.elements.scale.value), captionPauseSeconds: Number(f.elements.pause.value) };
    if (target === "device") {
      if (!state.selected) return showError(new Error("Select a camera first."));
      body.devices = [state.selected];
    } else if (target === "fleet") body.fleet = true;
    guard(post("/scenarios/play", body).then(async (play) => {
      renderPresenter(play);
      await refreshFleet();
      if (target === "scenario" && play.devices[0]) await select(play.devices[0]);
      pollPresenter();
    }));
  });
  $("#stop").addEventListener("click", () => guard(del("/scenarios/play").then(renderPresenter)));
}

async function pollPresenter() {
  if (state.presenterPolling) return;
  state.presenterPolling = true;
  try {
    for (;;) {
      const play = await get("/scenarios/play");
      renderPresenter(play);
      if (!play.playing) break;
      await new Promise((r) => setTimeout(r, 300));
    }
  } catch (error) {
    showError(error);
  } finally {
    state.presenterPolling = false;
  }
}

let captionTimer;
function renderPresenter(play) {
  if (!play || play.version === state.presenterVersion) return;
  state.presenterVersion = play.version;
  $("#play").disabled = play.playing;
  $("#stop").disabled = !play.playing;
  $("#presenter-steps").replaceChildren(...(play.steps ?? []).map((step) =>
    h("li", { dataset: { status: step.status, kind: step.kind }, title: step.message ?? "" },
      step.description, step.message && step.status !== "passed" ? h("span", { className: "muted" }, ` — ${step.message}`) : null)));
  $("#presenter-steps [data-status=running]")?.scrollIntoView({ block: "nearest" });
  const bar = $("#caption-bar");
  clearTimeout(captionTimer);
  if (play.playing || play.outcome !== "idle") {
    bar.hidden = !(play.playing || play.caption);
    const caption = play.caption ?? play.name ?? "";
    if ($("#caption").textContent !== caption) $("#caption").textContent = caption;
    const where = play.devices?.length ? ` on ${play.devices.join(", ")}` : "";
    $("#caption-step").textContent = play.playing
      ? `${play.name}${where} · step ${play.stepIndex}/${play.stepCount}${play.step && !play.step.startsWith("» ") ? `: ${play.step}` : ""}${play.paused ? " · paused for the caption" : ""}`
      : `${play.name}: ${play.outcome.replaceAll("-", " ")}${play.message ? ` — ${play.message}` : ""}`;
    if (!play.playing) captionTimer = setTimeout(() => (bar.hidden = true), 8000);
  } else {
    bar.hidden = true;
  }
}

// ---------------------------------------------------------------- start
async function main() {
  setupViewOptions();
  setupTimeline();
  setupClock();
  setupFleet();
  setupPower();
  setupFaults();
  setupHold();
  setupPresenter();
  await Promise.all([loadProfiles(), refreshClock()]);
  await refreshFleet();
  followEvents(onEntry, onStreamState);
  guard(loadScenarios());
  guard(get("/scenarios/play").then((play) => {
    renderPresenter(play);
    if (play.playing) pollPresenter();
  }));
  setInterval(() => guard(refreshFleet()), 5000);
  document.body.dataset.ready = "true";
}

main().catch(showError);
