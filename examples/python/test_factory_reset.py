"""A button factory reset and a too-early release, driven over the control API in manual time."""


def test_holding_the_button_through_power_on_restores_factory_defaults(emulator):
    camera = emulator.call("POST", "/api/v1/devices", {"profile": "P3265-LVE", "id": "py-lobby", "power": {"on": True}})
    emulator.advance_until(camera["id"], lambda s: s["phase"] == "ready", 180)

    emulator.call("PUT", "/api/v1/devices/py-lobby/power", {"on": False})
    emulator.call("POST", "/api/v1/devices/py-lobby/button", {"action": "press"})
    powered = emulator.call("PUT", "/api/v1/devices/py-lobby/power", {"on": True})
    armed = emulator.advance_until("py-lobby", lambda s: s["leds"]["status"]["pattern"] == "flashing", 30)
    assert armed["leds"]["status"]["color"] == "amber"
    assert armed["phase"] == "reset-armed"
    emulator.call("POST", "/api/v1/devices/py-lobby/button", {"action": "release"})

    done = emulator.advance_until("py-lobby", lambda s: s["phase"] == "ready", 180)
    assert done["leds"]["status"] == {"color": "green", "pattern": "steady"}
    timeline = emulator.call("GET", f"/api/v1/devices/py-lobby/timeline?since={powered['lastSequence']}")
    release = next(e for e in timeline["entries"] if e["event"] == "reset-release")
    assert release["data"]["outcome"] == "factory-reset"
    assert any(e["event"] == "factory-reset" for e in timeline["entries"])


def test_releasing_too_early_boots_normally_with_the_device_s_own_explanation(emulator):
    emulator.call("POST", "/api/v1/devices", {"profile": "P3265-LVE", "id": "py-hall", "power": {"on": True}})
    emulator.advance_until("py-hall", lambda s: s["phase"] == "ready", 180)

    emulator.call("PUT", "/api/v1/devices/py-hall/power", {"on": False})
    emulator.call("POST", "/api/v1/devices/py-hall/button", {"action": "press"})
    powered = emulator.call("PUT", "/api/v1/devices/py-hall/power", {"on": True})
    emulator.call("POST", "/api/v1/clock/advance", {"seconds": 5})
    emulator.call("POST", "/api/v1/devices/py-hall/button", {"action": "release"})

    emulator.advance_until("py-hall", lambda s: s["phase"] == "ready", 180)
    timeline = emulator.call("GET", f"/api/v1/devices/py-hall/timeline?since={powered['lastSequence']}")
    release = next(e for e in timeline["entries"] if e["event"] == "reset-release")
    assert release["data"]["outcome"] == "too-early"
    assert "released too early, normal boot, configuration kept" in release["message"]
    assert not any(e["event"] == "factory-reset" for e in timeline["entries"])


def test_a_bad_request_is_a_problem_details_answer(emulator):
    response = emulator.session.post(emulator.base_url + "/api/v1/devices", json={"profile": "NO-SUCH-MODEL"}, timeout=30)
    assert response.status_code in (400, 404)
    assert response.headers["content-type"].startswith("application/problem+json")
    assert response.json()["title"]
