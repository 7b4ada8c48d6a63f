"""Stops the PostgreSQL primary while writers record stock receipts through Weerbaar, promotes the
synchronous standby and counts, on the new primary, whether every acknowledged receipt is there
exactly once. Weerbaar is the same process before and after: no restart."""
import base64, json, os, shutil, subprocess, sys, tempfile, threading, time, urllib.error, urllib.request, uuid
from datetime import date, timedelta

ROOT = sys.argv[1]
ASYNC = "--async" in sys.argv[2:]
APP, PRIMARY, STANDBY = 18130, 18131, 18132
PASSWORD = "bench-failover-password"
WRITERS, BEFORE, AFTER = 8, 8.0, 12.0  # writer threads; seconds of writes before the stop and after the promotion
WORK = tempfile.mkdtemp(prefix="weerbaar-failover-")
os.chmod(WORK, 0o755)  # the postgres user reaches its folders below
PG = os.path.join(WORK, "pg")
EXPIRY = (date.today() + timedelta(days=365)).isoformat()


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def setup():
    args = [os.path.join(ROOT, "deploy/postgres/replica-setup"), PG, "--primary-port", str(PRIMARY), "--standby-port", str(STANDBY)]
    out = subprocess.run(args + (["--async"] if ASYNC else []), check=True, capture_output=True, text=True)
    sys.stderr.write(out.stderr)
    return dict(line.split("=", 1) for line in out.stdout.split())


def pg(settings, *args):
    command = [os.path.join(settings["PG_BIN"], args[0])] + list(args[1:])
    if os.getuid() == 0:
        command = ["runuser", "-u", "postgres", "--"] + command
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def psql(settings, port, sql):
    return pg(settings, "psql", "-At", "-h", PG, "-p", str(port), "-U", "postgres", "-d", "weerbaar", "-c", sql).split()


def call(method, path, token=None, body=None, headers=None, timeout=10):
    request = urllib.request.Request(f"http://localhost:{APP}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return response.status, json.loads(response.read() or b"null")


def serve(settings):
    env = dict(os.environ, WEERBAAR_ADMIN_PASSWORD=PASSWORD, WEERBAAR_DEMO_LOAD_ON_FIRST_START="false",
               WEERBAAR_FAST_START="false", WEERBAAR_MASTER_KEY=base64.b64encode(os.urandom(32)).decode(),
               **{k: v for k, v in settings.items() if k.startswith("WEERBAAR_")})
    output = open(os.path.join(WORK, "serve.log"), "a")
    process = subprocess.Popen([os.path.join(ROOT, "weerbaar"), "serve", "--port", str(APP), "--data", os.path.join(WORK, "data")],
                               env=env, stdout=output, stderr=subprocess.STDOUT)
    deadline = time.time() + 300
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit("Weerbaar stopped while starting; see " + output.name)
        try:
            urllib.request.urlopen(f"http://localhost:{APP}/actuator/health", timeout=2)
            return process
        except Exception:
            time.sleep(0.5)
    raise SystemExit("Weerbaar did not come up; see " + output.name)


def token():
    request = urllib.request.Request(f"http://localhost:{APP}/api/v1/tokens", method="POST")
    request.add_header("Authorization", "Basic " + base64.b64encode(f"admin:{PASSWORD}".encode()).decode())
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["token"]


lock = threading.Lock()
acknowledged = {}        # document number -> moment of the 2xx
counts = {"attempts": 0, "retries": 0, "errors": {}}


def writer(tok, depot, stop):
    while not stop.is_set():
        document = str(uuid.uuid4())
        body = {"type": "receipt", "depot": depot, "item": "drinking-water", "lot": "FAILOVER", "expiry": EXPIRY,
                "quantity": 1, "documentNumber": document}
        first = True
        while True:  # a write is retried with the same key until it is acknowledged: the client's side of exactly once
            with lock:
                counts["attempts"] += 1
                counts["retries"] += 0 if first else 1
            first = False
            try:
                status, _ = call("POST", "/api/v1/stock-events", tok, body, {"Idempotency-Key": document}, timeout=15)
                if 200 <= status < 300:
                    with lock:
                        acknowledged[document] = time.time()
                    break
            except urllib.error.HTTPError as e:
                with lock:
                    counts["errors"][e.code] = counts["errors"].get(e.code, 0) + 1
                    if e.code >= 500 and not counts.get("sample"):
                        counts["sample"] = f"{e.code} {e.read()[:200].decode(errors='replace')}"
                if 400 <= e.code < 500 and e.code not in (408, 429):
                    raise SystemExit(f"refused for good: {e.code} {e.read()[:300]}")
            except Exception as e:
                with lock:
                    name = type(e).__name__
                    counts["errors"][name] = counts["errors"].get(name, 0) + 1
            time.sleep(0.2)


def main():
    log(f"primary :{PRIMARY} and standby :{STANDBY} ({'ASYNCHRONOUS' if ASYNC else 'synchronous'} replication) in {PG}")
    settings = setup()
    process = serve(settings)
    pid = process.pid
    tok = token()
    _, depot = call("POST", "/api/v1/depots", tok, {"name": "Failover depot", "level": "national", "municipality": "GM0363",
                                                   "lat": 52.37, "lon": 4.89})
    log(f"Weerbaar (pid {pid}) serves on :{APP}; {WRITERS} writers start")
    stop = threading.Event()
    threads = [threading.Thread(target=writer, args=(tok, depot["id"], stop)) for _ in range(WRITERS)]
    for thread in threads:
        thread.start()
    time.sleep(BEFORE)
    with lock:
        before = len(acknowledged)
    stopped_at = time.time()
    pg(settings, "pg_ctl", "-D", os.path.join(PG, "primary"), "-m", "immediate", "-w", "stop")
    log(f"primary stopped (immediate) after {before} acknowledged receipts")
    time.sleep(1.0)  # what an HA manager takes at the least to decide
    pg(settings, "pg_ctl", "-D", os.path.join(PG, "standby"), "-w", "promote")
    promoted_at = time.time()
    log("standby promoted")
    time.sleep(AFTER)
    stop.set()
    for thread in threads:
        thread.join(120)
    alive = process.poll() is None
    health = None
    try:
        health = call("GET", "/actuator/health")[1].get("status")
    except Exception as e:
        health = repr(e)

    present = psql(settings, STANDBY, "select document_number, count(*) from stock_event group by document_number")
    per_document = {}
    for row in present:
        document, n = row.split("|")
        per_document[document] = int(n)
    missing = [d for d in acknowledged if per_document.get(d, 0) == 0]
    doubled = [d for d in acknowledged if per_document.get(d, 0) > 1]
    unacknowledged = [d for d in per_document if d not in acknowledged]
    balance = psql(settings, STANDBY, "select quantity from stock_balance")
    first_after = min((t for t in acknowledged.values() if t > stopped_at), default=None)
    moments = sorted([stopped_at] + [t for t in acknowledged.values() if t >= stopped_at])
    longest_gap = max((b - a for a, b in zip(moments, moments[1:])), default=0)
    after = sum(1 for t in acknowledged.values() if t > promoted_at)

    print()
    print(f"replication:                          {'asynchronous' if ASYNC else 'synchronous (FIRST 1 (standby1))'}")
    print(f"acknowledged receipts:                {len(acknowledged)} ({before} before the stop, {after} after the promotion)")
    print(f"present exactly once on new primary:  {sum(1 for d in acknowledged if per_document.get(d, 0) == 1)}")
    print(f"acknowledged but missing:             {len(missing)}")
    print(f"present more than once:               {len(doubled)}")
    print(f"present, never acknowledged:          {len(unacknowledged)} (cut off by the stop; their clients had no answer)")
    print(f"balance on the new primary:           {balance[0] if balance else 0} (events: {sum(per_document.values())})")
    print(f"requests: {counts['attempts']}, retried: {counts['retries']}, errors seen: {counts['errors']}")
    if counts.get("sample"):
        print(f"first error answer:                   {counts['sample']}")
    print(f"longest time without an acknowledged write from the stop on: {longest_gap:.1f} s "
          f"(the promotion came {promoted_at - stopped_at:.1f} s after the stop)" if first_after else "no write acknowledged after the stop")
    print(f"Weerbaar restarted:                   {'no, the same process (pid %d), health %s' % (pid, health) if alive else 'IT STOPPED'}")
    problems = len(missing) + len(doubled) + (0 if alive and first_after else 1)
    process.terminate()
    process.wait(60)
    pg(settings, "pg_ctl", "-D", os.path.join(PG, "standby"), "-m", "fast", "-w", "stop")
    if problems == 0:
        shutil.rmtree(WORK, ignore_errors=True)
    else:
        print(f"kept for a look: {WORK}")
    sys.exit(0 if problems == 0 or ASYNC else 1)


main()
