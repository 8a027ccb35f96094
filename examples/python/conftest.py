"""Starts the emulator for the tests: `axis-emulator serve --clock manual --ephemeral` on a free port.

The command comes from AXIS_EMULATOR_COMMAND (default `axis-emulator`, the .NET tool: `dotnet tool
install --global AxisEmulator.Tool`); CI sets it to the built `dotnet .../AxisEmulator.dll`.
"""
import os
import shlex
import socket
import subprocess
import time

import pytest
import requests


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ControlApi:
    """The emulator's control API over requests: JSON in, JSON out, problem details raised."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.session = requests.Session()

    def call(self, method: str, path: str, body=None, expect=(200, 201, 202, 204)):
        response = self.session.request(method, self.base_url + path, json=body, timeout=30)
        if response.status_code not in expect:
            problem = response.json() if response.headers.get("content-type", "").startswith("application/problem+json") else {}
            raise AssertionError(f"{method} {path}: {response.status_code} {problem.get('title')}: {problem.get('detail')}")
        return response.json() if response.content else None

    def advance_until(self, device_id: str, done, seconds: int):
        """Advances manual time a second at a time until done(state) holds, at most `seconds`."""
        for _ in range(seconds + 1):
            state = self.call("GET", f"/api/v1/devices/{device_id}")
            if done(state):
                return state
            self.call("POST", "/api/v1/clock/advance", {"seconds": 1})
        raise AssertionError(f"{device_id} did not get there within {seconds} s of simulated time: {state}")


@pytest.fixture(scope="session")
def emulator():
    port = _free_port()
    command = shlex.split(os.environ.get("AXIS_EMULATOR_COMMAND", "axis-emulator")) + [
        "serve", "--clock", "manual", "--ephemeral", "--devices", "0", "--device-base-port", "0",
        "--control-url", f"http://127.0.0.1:{port}",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    api = ControlApi(f"http://127.0.0.1:{port}")
    try:
        # The process's start-up is wall time; everything after it is manual simulated time.
        for _ in range(300):
            if process.poll() is not None:
                raise RuntimeError(f"the emulator exited with {process.returncode}: {process.stdout.read()}")
            try:
                if api.session.get(api.base_url + "/healthz", timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        else:
            raise RuntimeError("the emulator's /healthz did not answer within 30 s")
        yield api
    finally:
        process.kill()
        process.wait(timeout=10)
