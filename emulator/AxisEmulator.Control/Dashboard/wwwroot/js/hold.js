// The control button: press-and-hold with mouse, touch or keyboard (Space held while focused), and a
// ring showing the simulated time held against the model's reset window [holdMin, holdMax], with the
// outcome a release now would give — as the server judges it (DeviceState.button.resetHold).

import { simClock } from "./simclock.js";

const BOOT_LOADER_PHASES = new Set(["bootloader", "reset-hold", "reset-armed"]);
const UNPOWERED = new Set(["off", "brownout"]);
const RING_R = 53;
const PROGRESS_R = 42;

function arc(fromFrac, toFrac) {
  const point = (f) => {
    const a = f * 2 * Math.PI - Math.PI / 2;
    return [60 + RING_R * Math.cos(a), 60 + RING_R * Math.sin(a)];
  };
  const to = Math.min(toFrac, 0.9999);
  const [x1, y1] = point(fromFrac);
  const [x2, y2] = point(to);
  const large = to - fromFrac > 0.5 ? 1 : 0;
  return `M ${x1.toFixed(2)} ${y1.toFixed(2)} A ${RING_R} ${RING_R} 0 ${large} 1 ${x2.toFixed(2)} ${y2.toFixed(2)}`;
}

/** How the ring words the server's verdict on a release now (ResetOutcome's names). */
const RELEASE_NOW = {
  "too-early": "Release now: too early — normal boot, nothing erased",
  "factory-reset": "Release now: factory reset",
  "too-late-reset": "Release now: too late — but this model resets anyway",
  "too-late-abort": "Too late: the boot loader gave up, nothing will be erased",
};

export class HoldControl {
  /**
   * @param el the <button>
   * @param ctx { device(): DeviceState, profile(): ProfileView, entries(): TimelineEntry[], press(), release(), refresh() }
   */
  constructor(el, ctx) {
    this.el = el;
    this.ctx = ctx;
    this.held = false;
    this.outcomeEl = document.getElementById("hold-outcome");
    this.elapsedEl = document.getElementById("hold-elapsed");
    this.windowEl = document.getElementById("hold-window");
    this.progress = document.getElementById("ring-progress");
    this.marker = document.getElementById("ring-marker");
    this._lastOutcome = null;
    this._lastReset = null;
    this._bind();
    const tick = () => {
      this.render();
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  _bind() {
    const el = this.el;
    el.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      el.setPointerCapture(event.pointerId);
      this.start();
    });
    const up = () => this.end();
    el.addEventListener("pointerup", up);
    el.addEventListener("pointercancel", up);
    el.addEventListener("lostpointercapture", up);
    el.addEventListener("contextmenu", (event) => event.preventDefault());
    el.addEventListener("keydown", (event) => {
      if (event.code === "Space" || event.key === " ") {
        event.preventDefault();
        if (!event.repeat) this.start();
      } else if (event.key === "Enter") {
        event.preventDefault(); // a click is not a hold
      }
    });
    el.addEventListener("keyup", (event) => {
      if (event.code === "Space" || event.key === " ") {
        event.preventDefault();
        this.end();
      }
    });
    el.addEventListener("blur", () => this.end());
    el.addEventListener("click", (event) => event.preventDefault());
  }

  start() {
    if (this.held || !this.ctx.device()) return;
    this.held = true;
    this.el.setAttribute("aria-pressed", "true");
    this.ctx.press();
  }

  end() {
    if (!this.held) return;
    this.held = false;
    this.el.setAttribute("aria-pressed", "false");
    this.ctx.release();
  }

  /** A new device or profile: draw the window zones. */
  setProfile(profile) {
    const reset = profile?.reset;
    if (!reset || this._lastReset === reset) return;
    this._lastReset = reset;
    const total = this.scaleOf(reset);
    document.getElementById("ring-early").setAttribute("d", arc(0, reset.holdMinSeconds / total));
    document.getElementById("ring-window").setAttribute("d", arc(reset.holdMinSeconds / total, reset.holdMaxSeconds / total));
    document.getElementById("ring-late").setAttribute("d", arc(reset.holdMaxSeconds / total, 1));
    this.windowEl.textContent = `${reset.holdMinSeconds}–${reset.holdMaxSeconds} s after power-on (${reset.lateRelease === "reset" ? "lenient: a late release still resets" : "strict: a late release aborts"})`;
  }

  scaleOf(reset) {
    return reset.holdMaxSeconds + Math.max(5, (reset.holdMaxSeconds - reset.holdMinSeconds) * 0.5);
  }

  /** Simulated seconds the boot loader has counted and the server's verdict on a release now, or a reason it counts nothing. */
  holdState() {
    const device = this.ctx.device();
    if (!device) return { state: "none" };
    if (!device.button.pressed) return { state: "released" };
    const hold = device.button.resetHold;
    if (hold) {
      const now = simClock.now();
      // Held past the verdict's validity: ask the server again (once per verdict).
      if (hold.until && now > Date.parse(hold.until) && this._askedAfter !== hold.until) {
        this._askedAfter = hold.until;
        this.ctx.refresh();
      }
      return { state: "holding", elapsed: Math.max(0, (now - Date.parse(hold.countingSince)) / 1000), outcome: hold.releaseNow };
    }
    if (UNPOWERED.has(device.phase) || !device.power.on) return { state: "waiting" };
    return { state: BOOT_LOADER_PHASES.has(device.phase) ? "settling" : "no-effect" };
  }

  render() {
    const profile = this.ctx.profile();
    const reset = profile?.reset;
    if (!reset) return;
    this.setProfile(profile);
    const hold = this.holdState();
    const circumference = 2 * Math.PI * PROGRESS_R;
    let fraction = 0;
    let outcome;
    let text;
    if (hold.state === "holding") {
      fraction = Math.min(1, hold.elapsed / this.scaleOf(reset));
      this.elapsedEl.textContent = `${hold.elapsed.toFixed(1)} s`;
      outcome = hold.outcome;
      text = RELEASE_NOW[outcome] ?? `Release now: ${outcome}`;
    } else if (hold.state === "waiting") {
      this.elapsedEl.textContent = "0.0 s";
      outcome = "waiting";
      text = "Held, no power: the hold counts from power-on.";
    } else if (hold.state === "settling") {
      this.elapsedEl.textContent = "0.0 s";
      outcome = "settling";
      text = "Held: the boot loader counts once the firmware reads the press (debounce).";
    } else if (hold.state === "no-effect") {
      this.elapsedEl.textContent = "held";
      outcome = "no-effect";
      text = "Held while running: no effect. The boot loader reads the button only at power-on.";
    } else {
      this.elapsedEl.textContent = "Hold";
      const last = this.lastRelease();
      outcome = last ? last.data?.outcome ?? "released" : "idle";
      text = last ? `Released: ${last.message}` : "Not held.";
    }
    this.progress.setAttribute("stroke-dasharray", `${(circumference * fraction).toFixed(2)} ${circumference.toFixed(2)}`);
    this.marker.style.transform = `rotate(${(fraction * 360).toFixed(2)}deg)`;
    this.marker.style.visibility = hold.state === "holding" ? "visible" : "hidden";
    this.progress.style.stroke = outcome === "factory-reset" ? "var(--green)" : outcome?.startsWith("too-late") ? "var(--red)" : "var(--accent)";
    // Only a change of outcome reaches the live region (not every tenth of a second).
    if (outcome !== this._lastOutcome || (hold.state === "released" && this.outcomeEl.textContent !== text)) {
      this._lastOutcome = outcome;
      this.outcomeEl.dataset.outcome = outcome;
      this.outcomeEl.textContent = text;
    }
  }

  lastRelease() {
    const entries = this.ctx.entries();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (e.kind === "boot" && (e.event === "reset-release" || e.event === "reset-window-closed")) return e;
      if (e.kind === "power" && e.event === "power-off") return null;
    }
    return null;
  }
}
