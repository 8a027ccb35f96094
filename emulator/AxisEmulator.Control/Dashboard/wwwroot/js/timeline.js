// The timeline chart: one device's timeline over simulated time, in lanes (status LED, phase, power,
// button edges, VAPIX requests, other events). Every entry is drawn as a mark carrying data-seq,
// data-kind and data-event; LED, phase and power lanes also show the state between entries.

import { s } from "./dom.js";
import { simClock, formatSim } from "./simclock.js";

const LANES = [
  { id: "led", label: "Status LED" },
  { id: "phase", label: "Phase" },
  { id: "power", label: "Power" },
  { id: "button", label: "Button" },
  { id: "http", label: "VAPIX" },
  { id: "other", label: "Events" },
];

const LANE_OF = { led: "led", phase: "phase", power: "power", button: "button", http: "http" };
const LABEL_W = 92;
const LANE_H = 30;
const AXIS_H = 22;

const CSS = (name) => getComputedStyle(document.body).getPropertyValue(name).trim();
const LED_FILL = { green: "--green", amber: "--amber", red: "--red", off: "--led-off" };
const PHASE_FILL = {
  off: "#3a4452", bootloader: "#6b7a8c", "reset-hold": "#b08a2e", "reset-armed": "--amber",
  "factory-resetting": "#ff8a3d", booting: "#4f7cac", "network-up": "#3b9c9c", ready: "--green",
  "shutting-down": "#6b7a8c", upgrading: "#a77bd6", bricked: "--red", brownout: "--red",
};
const POWER_FILL = { ok: "--green", degraded: "--amber", overload: "--red", undervoltage: "--red", "no-power": "#3a4452" };
const POWER_STATE = { "power-ok": "ok", "power-warning": "degraded", "no-power": "no-power", "power-off": "no-power" };

const color = (value) => (value?.startsWith("--") ? CSS(value) : value) || "#555";
const isLight = (phase) => ["off", "bootloader", "booting", "network-up", "shutting-down", "upgrading"].includes(phase);

export class TimelineChart {
  constructor(container, onSpanChange) {
    this.container = container;
    this.onSpanChange = onSpanChange;
    this.entries = [];
    this.span = 120; // seconds shown
    this.end = null; // epoch ms at the right edge when not following
    this.follow = true;
    this.dirty = true;
    this._drag = null;
    this._bind();
    const loop = () => {
      const moving = this.follow && simClock.mode !== "manual";
      if (this.dirty || moving) this.render();
      this._timer = setTimeout(() => requestAnimationFrame(loop), moving ? 200 : 120);
    };
    loop();
  }

  setEntries(entries) {
    this.entries = [...entries].sort((a, b) => a.sequence - b.sequence);
    this.dirty = true;
  }

  add(entry) {
    const last = this.entries[this.entries.length - 1];
    if (last && entry.sequence <= last.sequence) {
      if (this.entries.some((e) => e.sequence === entry.sequence)) return;
      this.entries.push(entry);
      this.entries.sort((a, b) => a.sequence - b.sequence);
    } else {
      this.entries.push(entry);
    }
    if (this.entries.length > 5000) this.entries.splice(0, this.entries.length - 5000);
    this.dirty = true;
  }

  zoom(factor, anchorMs) {
    const [start, end] = this.window();
    const anchor = anchorMs ?? (this.follow ? end : (start + end) / 2);
    const span = Math.min(Math.max(this.span * factor, 1), 7 * 24 * 3600);
    if (!this.follow) {
      const ratio = (anchor - start) / (end - start);
      this.end = anchor + (1 - ratio) * span * 1000;
    }
    this.span = span;
    this.dirty = true;
  }

  pan(fraction) {
    const [, end] = this.window();
    this.setFollow(false);
    this.end = end + fraction * this.span * 1000;
    this.dirty = true;
  }

  fit() {
    const now = simClock.now();
    const first = this.entries.length ? Date.parse(this.entries[0].time) : now - 60000;
    this.span = Math.max(5, ((now - first) / 1000) * 1.04 + 1);
    this.end = now + this.span * 1000 * 0.02;
    this.follow = false;
    this.dirty = true;
    this.onSpanChange?.(this);
  }

  setFollow(on) {
    this.follow = on;
    if (!on && this.end === null) this.end = simClock.now();
    this.dirty = true;
    this.onSpanChange?.(this);
  }

  /** [start, end] epoch ms. */
  window() {
    const end = this.follow ? simClock.now() + this.span * 1000 * 0.04 : (this.end ?? simClock.now());
    return [end - this.span * 1000, end];
  }

  render() {
    this.dirty = false;
    const width = Math.max(320, this.container.clientWidth);
    const height = AXIS_H + LANES.length * LANE_H + 4;
    const [start, end] = this.window();
    const plotW = width - LABEL_W - 8;
    const x = (ms) => LABEL_W + ((ms - start) / (end - start)) * plotW;
    const laneY = (id) => AXIS_H + LANES.findIndex((l) => l.id === id) * LANE_H;
    const now = simClock.now();

    const svg = s("svg", { width, height, viewBox: `0 0 ${width} ${height}`, "data-start": new Date(start).toISOString(), "data-end": new Date(end).toISOString() });
    svg.append(s("defs", {}, s("clipPath", { id: "tl-clip" }, s("rect", { x: LABEL_W, y: 0, width: plotW, height }))));

    // lanes
    for (const [i, lane] of LANES.entries()) {
      const y = AXIS_H + i * LANE_H;
      svg.append(
        s("line", { class: "lane-line", x1: 0, x2: width, y1: y + LANE_H, y2: y + LANE_H }),
        s("text", { class: "lane-label", x: 8, y: y + LANE_H / 2 + 4 }, lane.label));
    }

    // time axis
    const axis = s("g", { class: "axis" });
    const step = niceStep((end - start) / 1000 / Math.max(2, plotW / 110));
    const firstTick = Math.ceil((start - Date.UTC(2026, 0, 1)) / 1000 / step) * step;
    for (let t = firstTick; ; t += step) {
      const ms = Date.UTC(2026, 0, 1) + t * 1000;
      if (ms > end) break;
      const tx = x(ms);
      if (tx < LABEL_W || t < 0) continue;
      axis.append(s("g", { class: "tick" },
        s("line", { x1: tx, x2: tx, y1: AXIS_H - 4, y2: height }),
        s("text", { x: tx + 3, y: 13 }, formatSim(ms, step < 1 ? 1 : 0))));
    }
    svg.append(axis);

    const plot = s("g", { "clip-path": "url(#tl-clip)" });
    svg.append(plot);

    // state segments
    const segments = this._segments(now);
    for (const seg of segments) {
      if (seg.to < start || seg.from > end) continue;
      const x1 = Math.max(x(seg.from), LABEL_W - 2);
      const x2 = Math.min(x(seg.to), width);
      const y = laneY(seg.lane) + 5;
      const h = LANE_H - 10;
      if (seg.alt) {
        plot.append(
          s("rect", { x: x1, y, width: Math.max(0, x2 - x1), height: h / 2, fill: color(seg.fill) }),
          s("rect", { x: x1, y: y + h / 2, width: Math.max(0, x2 - x1), height: h / 2, fill: color(seg.alt) }));
      } else {
        plot.append(s("rect", { x: x1, y, width: Math.max(0, x2 - x1), height: h, fill: color(seg.fill), opacity: seg.flash ? 0.6 : 0.95, rx: 3, "data-state": seg.state }));
      }
      if (seg.flash) plot.append(s("line", { class: "flash", x1, x2, y1: y + h / 2, y2: y + h / 2 }));
      if (seg.text && x2 - x1 > seg.text.length * 6 + 8) {
        plot.append(s("text", { class: `seg-label${seg.light ? " light" : ""}`, x: x1 + 4, y: y + h / 2 + 4 }, seg.text));
      }
    }

    // one mark per entry
    for (const entry of this.entries) {
      const t = Date.parse(entry.time);
      if (t < start || t > end) continue;
      const lane = LANE_OF[entry.kind] ?? "other";
      const mx = x(t);
      const y = laneY(lane);
      const title = s("title", {}, `${formatSim(t, 3)}  ${entry.kind} ${entry.event}: ${entry.message}`);
      const attrs = { class: "mark", "data-seq": entry.sequence, "data-kind": entry.kind, "data-event": entry.event };
      let mark;
      if (lane === "button") {
        const down = entry.event === "press" || entry.event === "debounced-press";
        const debounced = entry.event.startsWith("debounced");
        const fill = entry.event === "dropout" ? color("--red") : debounced ? color("--muted") : color("--accent");
        const cy = y + (debounced ? LANE_H * 0.7 : LANE_H * 0.35);
        mark = s("path", { ...attrs, d: down ? `M ${mx - 5} ${cy - 4} L ${mx + 5} ${cy - 4} L ${mx} ${cy + 4} Z` : `M ${mx - 5} ${cy + 4} L ${mx + 5} ${cy + 4} L ${mx} ${cy - 4} Z`, fill });
      } else if (lane === "http") {
        const status = Number(entry.data?.status ?? 0);
        const fill = status >= 500 ? color("--red") : status >= 400 ? color("--amber") : color("--green");
        mark = s("rect", { ...attrs, x: mx - 1.5, y: y + 6, width: 3, height: LANE_H - 12, fill });
      } else if (lane === "led" || lane === "phase" || lane === "power") {
        mark = s("rect", { ...attrs, x: mx - 1, y: y + 2, width: 2, height: 5, fill: color("--text") });
      } else {
        const fill = entry.kind === "fault" ? color("--red") : entry.kind === "boot" ? color("--accent") : color("--muted");
        mark = s("circle", { ...attrs, cx: mx, cy: y + LANE_H / 2, r: 4, fill });
      }
      mark.append(title);
      plot.append(mark);
    }

    // now
    if (now >= start && now <= end) plot.append(s("line", { class: "now-line", x1: x(now), x2: x(now), y1: AXIS_H - 6, y2: height }));

    this.container.replaceChildren(svg);
  }

  _segments(now) {
    const out = [];
    const open = {};
    const close = (lane, t) => {
      if (open[lane]) {
        out.push({ ...open[lane], to: t });
        delete open[lane];
      }
    };
    const first = this.entries.length ? Date.parse(this.entries[0].time) : now;
    for (const e of this.entries) {
      const t = Date.parse(e.time);
      if (e.kind === "led" && e.data?.led === "status") {
        close("led", t);
        const c = e.data.pattern === "off" ? "off" : e.data.color;
        open.led = {
          lane: "led", from: t, state: `${e.data.pattern} ${c}`, fill: LED_FILL[c] ?? "--led-off",
          flash: e.data.pattern === "flashing", alt: e.data.pattern === "alternating" ? LED_FILL[e.data.alternateColor] : null,
          text: e.data.pattern === "off" ? "" : `${e.data.pattern} ${c}`, light: c === "off",
        };
      } else if (e.kind === "phase" && e.data?.to) {
        close("phase", t);
        open.phase = { lane: "phase", from: t, state: e.data.to, fill: PHASE_FILL[e.data.to] ?? "#555", text: e.data.to, light: isLight(e.data.to) };
      } else if (e.kind === "power") {
        const status = e.event === "brownout" ? (e.data?.status ?? "undervoltage") : POWER_STATE[e.event];
        if (status) {
          close("power", t);
          const text = status === "no-power" ? "no power" : `${status}${e.data?.volts ? ` ${e.data.volts} V` : ""}`;
          open.power = { lane: "power", from: t, state: status, fill: POWER_FILL[status], text, light: status === "no-power" };
        }
      }
    }
    for (const lane of Object.keys(open)) close(lane, Math.max(now, first));
    return out;
  }

  _bind() {
    const el = this.container;
    el.addEventListener("wheel", (event) => {
      event.preventDefault();
      const rect = el.getBoundingClientRect();
      const [start, end] = this.window();
      const ratio = Math.min(1, Math.max(0, (event.clientX - rect.left - LABEL_W) / (rect.width - LABEL_W - 8)));
      this.zoom(event.deltaY > 0 ? 1.25 : 0.8, start + ratio * (end - start));
      this.onSpanChange?.(this);
    }, { passive: false });
    el.addEventListener("pointerdown", (event) => {
      const [, end] = this.window();
      this._drag = { x: event.clientX, end };
      el.setPointerCapture(event.pointerId);
    });
    el.addEventListener("pointermove", (event) => {
      if (!this._drag) return;
      const dx = event.clientX - this._drag.x;
      if (Math.abs(dx) < 3 && this.follow) return;
      const plotW = el.clientWidth - LABEL_W - 8;
      this.follow = false;
      this.end = this._drag.end - (dx / plotW) * this.span * 1000;
      this.dirty = true;
      this.onSpanChange?.(this);
    });
    const stop = () => (this._drag = null);
    el.addEventListener("pointerup", stop);
    el.addEventListener("pointercancel", stop);
    el.addEventListener("keydown", (event) => {
      const actions = {
        "+": () => this.zoom(0.8), "=": () => this.zoom(0.8), "-": () => this.zoom(1.25),
        ArrowLeft: () => this.pan(-0.2), ArrowRight: () => this.pan(0.2),
        Home: () => this.fit(), End: () => this.setFollow(true),
      };
      const action = actions[event.key];
      if (action) {
        event.preventDefault();
        action();
        this.onSpanChange?.(this);
      }
    });
    new ResizeObserver(() => (this.dirty = true)).observe(el);
  }
}

function niceStep(raw) {
  const steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400];
  return steps.find((v) => v >= raw) ?? 86400;
}

/** "2 min", "45 s". */
export function describeSpan(seconds) {
  if (seconds >= 7200) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds >= 120) return `${(seconds / 60).toFixed(1)} min`;
  return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
}
