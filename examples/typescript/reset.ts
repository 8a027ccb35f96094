// A button factory reset in manual time, typed by the client openapi-typescript generates from
// docs/openapi/v1.json (`npm run generate`): a wrong path, body or field is a compile error (`npm run typecheck`).
// Run against an emulator: `axis-emulator serve --clock manual --ephemeral --devices 0`, then
// `node --experimental-strip-types reset.ts http://127.0.0.1:8080` (Node 22.6+).
import type { components, paths } from "./generated/control-api.js";

type DeviceState = components["schemas"]["DeviceState"];
type CreateDevice = paths["/api/v1/devices"]["post"]["requestBody"]["content"]["application/json"];
type Button = paths["/api/v1/devices/{id}/button"]["post"]["requestBody"]["content"]["application/json"];
type Advance = paths["/api/v1/clock/advance"]["post"]["requestBody"]["content"]["application/json"];
type Problem = components["schemas"]["ProblemDetails"];

export class ControlApi {
  constructor(private readonly baseUrl: string) {}

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = (await response.json()) as Problem;
      throw new Error(`${method} ${path}: ${response.status} ${problem.title ?? ""} ${problem.detail ?? ""}`);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  createDevice(body: CreateDevice) { return this.send<DeviceState>("POST", "/api/v1/devices", body); }
  device(id: string) { return this.send<DeviceState>("GET", `/api/v1/devices/${encodeURIComponent(id)}`); }
  button(id: string, body: Button) { return this.send<DeviceState>("POST", `/api/v1/devices/${encodeURIComponent(id)}/button`, body); }
  power(id: string, on: boolean) { return this.send<DeviceState>("PUT", `/api/v1/devices/${encodeURIComponent(id)}/power`, { on }); }
  advance(body: Advance) { return this.send<unknown>("POST", "/api/v1/clock/advance", body); }
}

/** Advances manual time one second at a time until the device satisfies `done` (at most `seconds`). */
async function advanceUntil(api: ControlApi, id: string, done: (s: DeviceState) => boolean, seconds: number): Promise<DeviceState> {
  for (let waited = 0; waited <= seconds; waited++) {
    const state = await api.device(id);
    if (done(state)) return state;
    await api.advance({ seconds: 1 });
  }
  throw new Error(`${id} did not get there within ${seconds} s of simulated time`);
}

export async function factoryResetWithTheButton(api: ControlApi): Promise<DeviceState> {
  const camera = await api.createDevice({ profile: "P3265-LVE", id: "ts-lobby", power: { on: true } });
  await advanceUntil(api, camera.id, (s) => s.phase === "ready", 180);
  await api.power(camera.id, false);
  await api.button(camera.id, { action: "press" });
  await api.power(camera.id, true);
  await advanceUntil(api, camera.id, (s) => s.leds.status.color === "amber" && s.leds.status.pattern === "flashing", 30);
  await api.button(camera.id, { action: "release" });
  return advanceUntil(api, camera.id, (s) => s.phase === "ready", 180);
}

declare const process: { argv: string[] }; // Node's, without pulling in @types/node
const [, , baseUrl] = process.argv;
if (baseUrl) {
  const done = await factoryResetWithTheButton(new ControlApi(baseUrl));
  console.log(`${done.id}: ${done.phase}, status LED ${done.leds.status.pattern} ${done.leds.status.color}, boot #${done.bootCount}`);
}
