#!/usr/bin/env python3
"""Turns a PostgreSQL jsonlog (log_min_duration_statement = 0) of the previous release serving its read
paths into previous-release-reads.json: every distinct read statement it executed, with the parameters
of its first execution. Usage: extract-read-statements.py LOG.json... > previous-release-reads.json"""
import json
import re
import sys

EXECUTE = re.compile(r"duration: [0-9.]+ ms  execute [^:]+: (.*)", re.S)
PARAMETER = re.compile(r"\$(\d+) = (NULL|'(?:[^']|'')*')")
# Not reads, or not the application's own: the driver's and Flyway's catalogue queries, locking reads
# of write paths, sequences and notifications.
SKIP = re.compile(r"flyway_schema_history|pg_catalog|information_schema|\bfor (no key )?update\b|skip locked|"
                  r"nextval|pg_advisory|pg_try_advisory|pg_notify|set_config|txid_current|pg_roles|pg_namespace|"
                  r"\b(delete from|insert into|update \w+ set)\b", re.I)

statements = {}
for path in sys.argv[1:]:
    with open(path) as log:
        for line in log:
            entry = json.loads(line)
            match = EXECUTE.match(entry.get("message", ""))
            if not match:
                continue
            sql = match.group(1).strip()
            if not re.match(r"(select|with)\b", sql, re.I) or not re.search(r"\bfrom\b", sql, re.I) or SKIP.search(sql) or sql in statements:
                continue
            detail = entry.get("detail", "")
            params = {}
            for number, value in PARAMETER.findall(detail):
                params[int(number)] = None if value == "NULL" else value[1:-1].replace("''", "'")
            statements[sql] = [params[i] for i in sorted(params)]
json.dump([{"sql": sql, "parameters": params} for sql, params in statements.items()], sys.stdout, indent=1, ensure_ascii=False)
print()
