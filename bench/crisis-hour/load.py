#!/usr/bin/env python3
"""The crisis hour's writers, through the load balancer, with the retries a careful client makes.

Volunteers set statuses (GET for the ETag, PUT with If-Match and an Idempotency-Key), depots book
receipts and issues, one clerk imports 10,000 events, a coordinator runs a national scenario.
Halfway, the tree head is saved and one instance is killed with SIGKILL. A request that fails
for want of a server (connection lost, 502, 503, 504) is sent again with the same key and the
same If-Match. Writes carry their key as their message or reference, so the database can tell
afterwards whether each acknowledged write is there exactly once (see run).

Standard library only: python3 load.py BASE PASSWORD SECONDS KILL_PID WORK
"""
import base64
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
import urllib.parse
import uuid

BASE, PASSWORD, SECONDS, KILL_PID, WORK = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
HOST = urllib.parse.urlparse(BASE)
RETRYABLE = {502, 503, 504}
CONTRACT = {409, 412}
stop_at = time.monotonic() + SECONDS
lock = threading.Lock()
stats = {}  # kind -> {"latencies": [], "ok": 0, "contract": 0, "errors": 0, "retries": 0, "first_errors": []}
acknowledged = {"status": [], "receipt": [], "issue": [], "import": []}


def acknowledge(kind, key):
    """Kept at once, so what was acknowledged is known even if this driver is stopped."""
    with lock:
        acknowledged[kind].append(key)
        with open(os.path.join(WORK, f"acknowledged-{kind}.txt"), "a") as f:
            f.write(key + "\n")


def kind_stats(kind):
    with lock:
        return stats.setdefault(kind, {"latencies": [], "ok": 0, "contract": 0, "errors": 0, "retries": 0, "first_errors": []})


def send(method, path, token=None, body=None, headers=None, content_type="application/json", basic=None):
    connection = http.client.HTTPConnection(HOST.hostname, HOST.port, timeout=60)
    try:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = "Bearer " + token
        if basic:
            all_headers["Authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
        if body is not None:
            all_headers["Content-Type"] = content_type
            body = body if isinstance(body, (bytes, str)) else json.dumps(body)
        connection.request(method, path, body=body, headers=all_headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def call(kind, method, path, token, body=None, headers=None, content_type="application/json"):
    """One logical request: retried with the same headers (and so the same key) while no server could take it."""
    record = kind_stats(kind)
    started = time.monotonic()
    for attempt in range(40):
        try:
            status, response_headers, payload = send(method, path, token, body, headers, content_type)
        except (OSError, http.client.HTTPException) as e:
            status, response_headers, payload = None, {}, str(e).encode()
        if status is not None and status not in RETRYABLE:
            break
        with lock:
            record["retries"] += 1
        time.sleep(0.25 * (attempt + 1) if attempt < 8 else 2)
    elapsed = time.monotonic() - started
    with lock:
        record["latencies"].append(elapsed)
        if status is not None and 200 <= status < 300:
            record["ok"] += 1
        elif status in CONTRACT:
            record["contract"] += 1
        else:
            record["errors"] += 1
            if len(record["first_errors"]) < 3:
                record["first_errors"].append(f"{method} {path} -> {status}: {payload[:300]!r}")
    return status, response_headers, payload


def token():
    status, _, payload = send("POST", "/api/v1/tokens", basic="admin:" + PASSWORD)
    assert status == 201, f"no token: {status} {payload[:200]!r}"
    return json.loads(payload)["token"]


def volunteer(points, bearer):
    while time.monotonic() < stop_at:
        point = random.choice(points)
        status, headers, _ = call("status read", "GET", f"/api/v1/support-points/{point}", bearer)
        if status != 200:
            continue
        key = "crisis-" + str(uuid.uuid4())
        new_status = random.choice(["open", "open", "open", "full", "closed"])
        status, _, _ = call("status write", "PUT", f"/api/v1/support-points/{point}/status", bearer,
                            {"status": new_status, "occupancy": random.randint(0, 50), "message": key},
                            {"If-Match": headers.get("ETag", ""), "Idempotency-Key": key})
        if status == 200:
            acknowledge("status", key)
        time.sleep(random.uniform(0.5, 2.0))


def depot_clerk(depot, expiry, bearer):
    while time.monotonic() < stop_at:
        key = "crisis-" + str(uuid.uuid4())
        if random.random() < 0.6:
            event = {"type": "receipt", "depot": depot, "item": "drinking-water", "lot": f"CRISIS-{random.randint(1, 200)}",
                     "expiry": expiry, "quantity": 1, "reference": key}
            kind = "receipt"
        else:
            event = {"type": "issue", "depot": depot, "item": "drinking-water", "quantity": 1, "reference": key}
            kind = "issue"
        status, _, _ = call(kind, "POST", "/api/v1/stock-events", bearer, event, {"Idempotency-Key": key})
        if status == 201:
            acknowledge(kind, key)


def importer(depot, expiry, bearer):
    key = "crisis-import-" + str(uuid.uuid4())
    lines = ["type,depot,item,lot,expiry,quantity,toDepot,reason,documentNumber,reference"]
    lines += [f"receipt,{depot},water-all-uses,IMPORT-{i % 500},{expiry},2,,,,{key}" for i in range(10_000)]
    time.sleep(SECONDS * 0.3)
    status, _, _ = call("import 10,000", "POST", "/api/v1/stock-events/import", bearer, "\n".join(lines) + "\n",
                        {"Idempotency-Key": key}, "text/csv")
    if status == 201:
        acknowledge("import", key)


def planner(bearer, scenario_file):
    with open(scenario_file) as f:
        scenario = json.load(f)
    scenario["name"] = "Crisis hour bench " + str(uuid.uuid4())[:8]
    status, _, payload = call("scenario", "POST", "/api/v1/scenarios", bearer, scenario,
                              {"Idempotency-Key": "crisis-" + str(uuid.uuid4())})
    if status != 201:
        return
    scenario_id = json.loads(payload)["id"]
    for _ in range(3):  # a run on the killed instance fails; start it again on the survivor
        status, headers, payload = call("scenario", "POST", f"/api/v1/scenarios/{scenario_id}/runs", bearer, {},
                                        {"Idempotency-Key": "crisis-" + str(uuid.uuid4())})
        if status != 202:
            return
        run = json.loads(payload)["id"]
        started = time.monotonic()
        state = "running"
        while time.monotonic() < stop_at + 180:  # a national plan takes seconds on a quiet machine, minutes here
            status, _, payload = call("scenario poll", "GET", f"/api/v1/scenario-runs/{run}", bearer)
            state = json.loads(payload).get("status") if status == 200 else None
            if state in ("done", "failed", "interrupted", "cancelled"):
                break
            time.sleep(1)
        with lock:
            stats.setdefault("scenario runs", []).append(f"run {run}: {state} after {time.monotonic() - started:.1f} s")
        if state not in ("failed", "interrupted"):
            return


def killer():
    time.sleep(SECONDS / 2)
    status, _, payload = call("tree head", "GET", "/api/v1/audit/tree-head", None)
    with open(os.path.join(WORK, "head-before-kill.json"), "wb") as f:
        f.write(payload if status == 200 else b"")
    os.kill(KILL_PID, 9)
    print(f"t={SECONDS / 2:.0f}s: tree head saved ({status}), instance pid {KILL_PID} killed with SIGKILL", flush=True)


def main():
    bearer = token()
    _, _, payload = send("GET", "/api/v1/support-points?region=VR13", bearer)
    points = [p["id"] for p in json.loads(payload)["items"]][:400]
    _, _, payload = send("POST", "/api/v1/depots", bearer, {"name": "Crisis hour bench depot", "level": "national",
                                                             "municipality": "GM0363", "lat": 52.37, "lon": 4.89})
    depot = json.loads(payload)["id"]
    expiry = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 365 * 86400))
    threads = [threading.Thread(target=volunteer, args=(points, bearer)) for _ in range(200)]
    threads += [threading.Thread(target=depot_clerk, args=(depot, expiry, bearer)) for _ in range(16)]
    threads += [threading.Thread(target=importer, args=(depot, expiry, bearer)),
                threading.Thread(target=planner, args=(bearer, os.path.join(os.path.dirname(__file__), "..", "..", "examples",
                                                                            "scenarios", "drinking-water-2-weeks-national.json"))),
                threading.Thread(target=killer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{'kind':<16}{'requests':>9}{'2xx':>7}{'409/412':>9}{'errors':>8}{'retries':>9}{'p50 ms':>9}{'p99 ms':>9}")
    errors = 0
    for kind, record in stats.items():
        if kind == "scenario runs":
            continue
        latencies = sorted(record["latencies"])
        p50 = statistics.median(latencies) * 1000 if latencies else 0
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000 if latencies else 0
        print(f"{kind:<16}{len(latencies):>9}{record['ok']:>7}{record['contract']:>9}{record['errors']:>8}"
              f"{record['retries']:>9}{p50:>9.0f}{p99:>9.0f}")
        errors += record["errors"]
        for line in record["first_errors"]:
            print("   ", line)
    for line in stats.get("scenario runs", []):
        print("scenario", line)
    print(f"acknowledged: {', '.join(f'{len(v)} {k}' for k, v in acknowledged.items())}")
    sys.exit(1 if errors else 0)


main()
