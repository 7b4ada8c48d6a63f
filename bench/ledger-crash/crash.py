"""Kills the application (and, every other round, PostgreSQL) while writers record stock events;
after each restart every acknowledged event must be there and every balance must equal the sum
of its events, never negative."""
import json, os, random, signal, subprocess, sys, tempfile, threading, time, urllib.request, uuid
from datetime import date, timedelta

ROOT, ROUNDS = sys.argv[1], int(sys.argv[2])
PORT, PASSWORD = 18182, "bench-crash-password"
DATA = tempfile.mkdtemp(prefix="weerbaar-crash-")
EXPIRY = (date.today() + timedelta(days=365)).isoformat()


def call(method, path, token=None, body=None, headers=None, timeout=10):
    request = urllib.request.Request(f"http://localhost:{PORT}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"null")


def serve():
    env = dict(os.environ, WEERBAAR_ADMIN_PASSWORD=PASSWORD, WEERBAAR_DEMO_LOAD_ON_FIRST_START="false")
    log = open(os.path.join(DATA, "serve.log"), "a")
    process = subprocess.Popen([os.path.join(ROOT, "weerbaar"), "serve", "--port", str(PORT), "--data", DATA],
                               env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://localhost:{PORT}/actuator/health", timeout=2)
            return process
        except Exception:
            time.sleep(0.3)
    raise SystemExit("serve did not come up; see " + log.name)


def psql(sql):
    port = open(os.path.join(DATA, "postgres", "postmaster.pid")).read().split("\n")[3]
    return subprocess.run(["psql", "-h", "localhost", "-p", port, "-U", "postgres", "-At", "-c", sql],
                          check=True, capture_output=True, text=True).stdout.split()


def token():
    request = urllib.request.Request(f"http://localhost:{PORT}/api/v1/tokens", method="POST")
    import base64
    request.add_header("Authorization", "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode())
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["token"]


acknowledged, lock = set(), threading.Lock()
totals = {"acknowledged": 0, "failed": 0}


def writer(tok, depots, stop):
    while not stop.is_set():
        document = str(uuid.uuid4())
        kind = random.choice(["receipt", "receipt", "issue", "transfer"])
        source, target = random.sample(depots, 2)
        body = {"type": kind, "depot": source, "item": "drinking-water", "quantity": random.randint(1, 5),
                "documentNumber": document}
        if kind == "receipt":
            body.update(lot="CRASH-%d" % random.randint(1, 5), expiry=EXPIRY)
        if kind == "transfer":
            body["toDepot"] = target
        try:
            status, _ = call("POST", "/api/v1/stock-events", tok, body, {"Idempotency-Key": document}, timeout=5)
            if 200 <= status < 300:
                with lock:
                    acknowledged.add(document)
                    totals["acknowledged"] += 1
        except Exception:
            totals["failed"] += 1  # refused (409: not enough stock) or cut off by the crash: not acknowledged


def kill_postgres():
    pid = int(open(os.path.join(DATA, "postgres", "postmaster.pid")).readline())
    children = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    for victim in [pid] + [int(c) for c in children]:
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            pass


def main():
    process = serve()
    tok = token()
    depots = []
    for name in ("A", "B", "C"):
        _, depot = call("POST", "/api/v1/depots", tok, {"name": f"Crash depot {name}", "level": "national",
                                                       "municipality": "GM0363", "lat": 52.37, "lon": 4.89})
        depots.append(depot["id"])
    problems = 0
    for round_number in range(1, ROUNDS + 1):
        stop = threading.Event()
        threads = [threading.Thread(target=writer, args=(tok, depots, stop)) for _ in range(8)]
        for thread in threads:
            thread.start()
        time.sleep(random.uniform(2, 6))
        power_cut = round_number % 2 == 0
        # kill -9 the JVM (the launcher execs java, so this is the JVM itself)
        os.kill(process.pid, signal.SIGKILL)
        if power_cut:
            kill_postgres()
        stop.set()
        for thread in threads:
            thread.join()
        process.wait()
        process = serve()
        tok = token()
        present = set(psql("select document_number from stock_event where document_number is not null"))
        missing = acknowledged - present
        mismatched = int(psql("""select count(*) from stock_balance b where b.quantity <>
            (select coalesce(sum(e.quantity), 0) from stock_event e where e.depot_id = b.depot_id and e.lot_id = b.lot_id)""")[0])
        negative = int(psql("select count(*) from stock_balance where quantity < 0")[0])
        events = int(psql("select count(*) from stock_event")[0])
        print(f"round {round_number} ({'app + database killed' if power_cut else 'app killed'}): "
              f"acknowledged so far {len(acknowledged)}, missing {len(missing)}, events {events}, "
              f"balances not equal to their events {mismatched}, negative {negative}", flush=True)
        problems += len(missing) + mismatched + negative
    process.send_signal(signal.SIGTERM)
    process.wait()
    print(f"\n{ROUNDS} rounds, {len(acknowledged)} acknowledged events, {totals['failed']} requests refused or cut off, "
          f"{problems} problems")
    sys.exit(1 if problems else 0)


main()
