# The same monitor as event-stream.js, with Debian's python3-websocket (websocket-client) and
# python3-requests: refused without credentials, subscribes to SystemReady, restarts the camera over
# VAPIX and sees the stream close (mode "restart"); or subscribes and waits for ready=1 ("subscribe").
# Over http:// the upgrade answers the Digest challenge (requests' HTTPDigestAuth builds the header);
# over https:// it sends Basic (the `recommended` policy) on wss://, trusting exactly the certificate
# whose SHA-256 is given.
# Usage: python3 event-stream.py http(s)://127.0.0.1:PORT user password restart|subscribe [SHA256HEX]
# Prints one line per observation; exits 0 when all was seen, 1 otherwise.
import base64
import hashlib
import json
import ssl
import struct
import sys

import requests
import urllib3
import websocket
from requests.auth import HTTPDigestAuth
from requests.utils import parse_dict_header

urllib3.disable_warnings()
base, user, password, mode = sys.argv[1:5]
pinned = sys.argv[5] if len(sys.argv) > 5 else None
secure = base.startswith("https:")
target = "/vapix/ws-data-stream?sources=events"
url = ("wss" if secure else "ws") + base[base.index(":"):] + target
# The camera's certificate is self-signed: checked by its pinned fingerprint, not a CA.
sslopt = {"cert_reqs": ssl.CERT_NONE} if secure else {}
READY = "tns1:Device/tnsaxis:Status/SystemReady"


def authorization(method, uri):
    if secure:
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()
    challenge = requests.get(base + "/axis-cgi/pwdgrp.cgi?action=get", timeout=10).headers["www-authenticate"]
    auth = HTTPDigestAuth(user, password)
    auth.init_per_thread_state()
    auth._thread_local.chal = parse_dict_header(challenge.split(" ", 1)[1])
    return auth.build_digest_header(method, base + uri)


def anonymous():
    try:
        websocket.create_connection(url, sslopt=sslopt, timeout=30).close()
        return "open"
    except websocket.WebSocketBadStatusException as refused:
        return refused.status_code


def subscribe(label):
    ws = websocket.create_connection(url, header=["Authorization: " + authorization("GET", target)], sslopt=sslopt, timeout=30)
    if secure and hashlib.sha256(ws.sock.getpeercert(binary_form=True)).hexdigest() != pinned:
        raise RuntimeError("the certificate is not the pinned one")
    ws.send(json.dumps({"apiVersion": "1.0", "context": label, "method": "events:configure",
                        "params": {"eventFilterList": [{"topicFilter": READY}]}}))
    while True:
        message = json.loads(ws.recv())
        if message["method"] == "events:configure":
            print(f"{label} configure " + (f"error {message['error']['code']}" if "error" in message else f"ok context={message['context']}"))
            continue
        notification = message["params"]["notification"]
        ready = notification["message"]["data"]["ready"]
        print(f"{label} notify {notification['topic']} ready={ready}")
        if ready == "1":
            return ws


def restart():
    auth = (user, password) if secure else HTTPDigestAuth(user, password)
    return requests.get(base + "/axis-cgi/restart.cgi", auth=auth, verify=False, timeout=30).status_code


def until_closed(ws, label):
    while True:
        opcode, frame = ws.recv_data_frame(True)
        if opcode == websocket.ABNF.OPCODE_CLOSE:
            return struct.unpack("!H", frame.data[:2])[0] if len(frame.data) >= 2 else None
        if opcode == websocket.ABNF.OPCODE_TEXT:
            notification = json.loads(frame.data)["params"]["notification"]
            print(f"{label} notify {notification['topic']} ready={notification['message']['data']['ready']}")


try:
    if mode == "subscribe":
        subscribe("second").close()
        sys.exit(0)
    print(f"anonymous {anonymous()}")
    first = subscribe("first")
    print(f"restart {restart()}")
    print(f"closed {until_closed(first, 'first')}")
except (OSError, websocket.WebSocketException, RuntimeError, KeyError) as error:
    print(f"failed {error}")
    sys.exit(1)
