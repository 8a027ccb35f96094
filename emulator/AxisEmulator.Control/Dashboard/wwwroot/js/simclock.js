// Simulated time in the browser: the server's clock plus wall time × scale since the last reading,
// so the hold ring and the timeline move smoothly in real-time and scaled modes and stand still in
// manual mode until the clock is advanced.

export const EPOCH_MS = Date.parse("2026-01-01T00:00:00Z");

class SimClock {
  constructor() {
    this.mode = "manual";
    this.scale = 0;
    this.seed = 0;
    this.pendingEvents = 0;
    this._anchorSim = EPOCH_MS;
    this._anchorWall = performance.now();
    this._listeners = new Set();
  }

  /** Simulated now, epoch milliseconds. */
  now() {
    const running = this.mode === "manual" ? 0 : this.scale;
    return this._anchorSim + (performance.now() - this._anchorWall) * running;
  }

  /** Simulated seconds since the emulator's epoch. */
  seconds(ms = this.now()) {
    return (ms - EPOCH_MS) / 1000;
  }

  /** Takes a ClockState from the API. */
  sync(state) {
    if (!state) return;
    this.mode = state.mode;
    this.scale = state.mode === "manual" ? 0 : state.scale;
    this.seed = state.seed;
    this.pendingEvents = state.pendingEvents;
    this._anchorSim = Date.parse(state.now);
    this._anchorWall = performance.now();
    for (const listener of this._listeners) listener(this);
  }

  /** An event stamped later than our estimate: time has moved (a manual advance) — catch up. */
  observe(iso) {
    const t = Date.parse(iso);
    if (Number.isFinite(t) && t > this.now()) {
      this._anchorSim = t;
      this._anchorWall = performance.now();
    }
  }

  onChange(listener) {
    this._listeners.add(listener);
  }
}

export const simClock = new SimClock();

/** "00:02:05.3" since the epoch (hours grow past 24). */
export function formatSim(ms, decimals = 1) {
  const total = Math.max(0, (ms - EPOCH_MS) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = s.toFixed(decimals).padStart(decimals > 0 ? 3 + decimals : 2, "0");
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${ss}`;
}
