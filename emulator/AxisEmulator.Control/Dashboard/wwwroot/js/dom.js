// Small DOM helpers: elements built with properties, never from HTML strings with data in them.

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** h("li", { className: "x", dataset: { a: 1 } }, child, "text") */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null) continue;
    if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("aria-") || key === "role" || key === "for") el.setAttribute(key, value);
    else el[key] = value;
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

/** s("circle", { cx: 1, class: "x" }, …): SVG elements with attributes. */
export function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null) continue;
    el.setAttribute(key, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Sets an LED element's data attributes and flash period from a LedView ({color, pattern, hz?, alternateColor?}). */
export function applyLed(el, led) {
  const view = led ?? { color: "off", pattern: "off" };
  el.dataset.color = view.color;
  el.dataset.pattern = view.pattern;
  if (view.hz) el.dataset.hz = String(view.hz);
  else delete el.dataset.hz;
  if (view.alternateColor) el.dataset.altColor = view.alternateColor;
  else delete el.dataset.altColor;
  // One period = one on/off (or colour/colour) cycle at the LED's real rate.
  el.style.setProperty("--period", view.hz ? `${1 / view.hz}s` : "1s");
}

/** "flashing amber @ 1 Hz" */
export function describeLed(led) {
  if (!led || led.pattern === "off") return "off";
  if (led.pattern === "steady") return `steady ${led.color}`;
  if (led.pattern === "flashing") return `flashing ${led.color} @ ${led.hz} Hz`;
  return `alternating ${led.color}/${led.alternateColor} @ ${led.hz} Hz`;
}

/** Runs fn at most once per `ms`, always with the latest arguments (trailing call guaranteed). */
export function throttle(fn, ms) {
  let timer = null;
  let last = 0;
  let args;
  return (...next) => {
    args = next;
    const wait = last + ms - performance.now();
    if (timer) return;
    if (wait <= 0) {
      last = performance.now();
      fn(...args);
      return;
    }
    timer = setTimeout(() => {
      timer = null;
      last = performance.now();
      fn(...args);
    }, wait);
  };
}

export function fmt(n, digits = 1) {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}
