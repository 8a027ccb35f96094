// An SVG drawing of the camera by form factor, with its LEDs as elements the dashboard animates.

import { s } from "./dom.js";

/** Which drawing a form factor gets. */
export function shapeOf(formFactor) {
  switch (formFactor) {
    case "dome":
    case "mini-dome":
    case "multisensor":
      return "dome";
    case "bullet":
    case "thermal":
      return "bullet";
    case "ptz":
      return "ptz";
    default:
      return "box";
  }
}

function lens(cx, cy, r) {
  return s("g", {},
    s("circle", { class: "lens-ring", cx, cy, r }),
    s("circle", { class: "glass", cx, cy, r: r * 0.62 }),
    s("circle", { class: "lens-glint", cx: cx - r * 0.25, cy: cy - r * 0.25, r: r * 0.18 }));
}

function led(name, x, y, labelBelow = true) {
  return s("g", { class: "led", "data-led": name, "data-testid": `device-led-${name}`, "data-color": "off", "data-pattern": "off" },
    s("circle", { class: "glow", cx: x, cy: y, r: 10 }),
    s("circle", { class: "lens", cx: x, cy: y, r: 5.5, stroke: "#0008", "stroke-width": 1 }),
    s("text", { class: "led-label", x, y: labelBelow ? y + 22 : y - 15, "text-anchor": "middle" }, name));
}

function dome(leds) {
  const parts = [
    s("rect", { class: "body", x: 50, y: 150, width: 220, height: 34, rx: 17 }),
    s("path", { class: "glass", d: "M 88 150 A 72 72 0 0 1 232 150 Z" }),
    s("path", { class: "body-dark", d: "M 120 150 A 40 40 0 0 1 200 150 Z", opacity: 0.35 }),
    lens(160, 128, 20),
  ];
  return [parts, ledRow(leds, 170, 167, true)];
}

function bullet(leds) {
  const parts = [
    s("rect", { class: "body", x: 232, y: 150, width: 26, height: 56, rx: 4 }),
    s("rect", { class: "body", x: 214, y: 196, width: 62, height: 12, rx: 4 }),
    s("rect", { class: "body", x: 60, y: 92, width: 200, height: 66, rx: 28 }),
    s("path", { class: "body", d: "M 44 84 L 262 84 Q 270 84 270 92 L 270 96 L 40 96 Z" }),
    s("rect", { class: "glass", x: 48, y: 100, width: 26, height: 52, rx: 10 }),
    lens(62, 126, 18),
  ];
  return [parts, ledRow(leds, 150, 125, true)];
}

function box(leds) {
  const parts = [
    s("rect", { class: "body", x: 50, y: 70, width: 220, height: 100, rx: 10 }),
    s("rect", { class: "body-dark", x: 150, y: 170, width: 20, height: 24 }),
    s("rect", { class: "body", x: 120, y: 192, width: 80, height: 10, rx: 4 }),
    lens(110, 120, 34),
  ];
  return [parts, ledRow(leds, 160, 108, true)];
}

function ptz(leds) {
  const parts = [
    s("rect", { class: "body", x: 148, y: 6, width: 24, height: 46 }),
    s("rect", { class: "body", x: 100, y: 48, width: 120, height: 52, rx: 16 }),
    s("circle", { class: "glass", cx: 160, cy: 132, r: 56 }),
    s("rect", { class: "body-dark", x: 122, y: 112, width: 76, height: 46, rx: 20 }),
    lens(160, 136, 18),
  ];
  return [parts, ledRow(leds, 114, 70, true)];
}

/** The LEDs in a row starting at x, status first. */
function ledRow(leds, x, y, labelBelow, gap = 46) {
  const names = ["status", ...(leds.power ? ["power"] : []), ...(leds.network ? ["network"] : [])];
  return names.map((name, i) => led(name, x + i * gap, y, labelBelow));
}

/**
 * The camera's drawing: an <svg> whose LED groups carry data-led, data-color, data-pattern and data-hz.
 * @param profile a ProfileView (formFactor, model, leds {power, network})
 */
export function drawCamera(profile) {
  const shape = shapeOf(profile?.formFactor);
  const leds = profile?.leds ?? { power: false, network: false };
  const [parts, ledEls] = { dome, bullet, box, ptz }[shape](leds);
  const svg = s("svg", { viewBox: "0 0 320 220", role: "img", "aria-labelledby": "camera-svg-title", "data-shape": shape, "data-dark": "false" },
    s("title", { id: "camera-svg-title" }, `${profile?.model ?? "Camera"} (${profile?.formFactor ?? "unknown form factor"})`),
    parts,
    ledEls,
    s("text", { class: "label", x: 12, y: 212 }, `AXIS ${profile?.model ?? ""}`),
    s("text", { class: "dark-note", x: 308, y: 24, "text-anchor": "end", visibility: "hidden" }, "no lights"));
  return svg;
}
