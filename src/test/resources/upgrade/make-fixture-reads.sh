#!/usr/bin/env bash
# The public and staff read paths whose SQL the read-path fixture captures.
set -euo pipefail
B=${BASE:-http://localhost:18180}
tok() { curl -sS -u "$1:$2" -X POST $B/api/v1/tokens | jq -r .token; }
R=$(tok coord-vr13 upgrade-fixture-coord-vr13); ADMIN=$(tok admin upgrade-fixture-admin-1)
get() { printf '%s %s\n' "$(curl -sS -o /dev/null -w '%{http_code}' "$@")" "${@: -1}"; }
BID=$(curl -sS "$B/api/v1/bulletins?area=GM0363" | jq -r '.items[0].id')
# finder
get "$B/api/v1/support-points/nearest?postcode=1012AB"
get "$B/api/v1/support-points/nearest?lat=52.37&lon=4.89&limit=5&status=open,full&capability=drinking-water"
get "$B/?postcode=1012AB"
# support points: list and detail, public and staff
get "$B/api/v1/support-points?municipality=GM0363"
get "$B/api/v1/support-points?region=VR13&status=full"
get "$B/api/v1/support-points/2998"
get "$B/api/v1/support-points/9563"
get -H "Authorization: Bearer $R" "$B/api/v1/support-points/2998"
get -H "Authorization: Bearer $R" "$B/api/v1/support-points/2998/status-history"
get "$B/api/v1/support-points/coverage?level=region"
# bulletins
get "$B/api/v1/bulletins?area=GM0363&inForce=true"
get "$B/api/v1/bulletins/$BID"
get "$B/api/v1/bulletins/$BID/cap"
get "$B/api/v1/areas/GM0363/bulletins.atom"
get "$B/.well-known/weerbaar-keys.json"
get -H "Authorization: Bearer $R" "$B/api/v1/claims?area=GM0363"
# stock balances
get -H "Authorization: Bearer $R" "$B/api/v1/stock?depot=44"
get -H "Authorization: Bearer $R" "$B/api/v1/stock?item=drinking-water"
get -H "Authorization: Bearer $R" "$B/api/v1/stock-events?depot=44&item=drinking-water"
get -H "Authorization: Bearer $R" "$B/api/v1/stock/coverage?area=VR13&item=drinking-water"
get -H "Authorization: Bearer $R" "$B/api/v1/stock/expiry?area=VR13"
get -H "Authorization: Bearer $R" "$B/api/v1/depots"
# funding reports
get -H "Authorization: Bearer $ADMIN" "$B/api/v1/funding/reports/regions?year=2026"
get -H "Authorization: Bearer $ADMIN" "$B/api/v1/funding/reports/nato-categories?year=2026"
get -H "Authorization: Bearer $ADMIN" "$B/api/v1/funding/reports/pledge"
get -H "Authorization: Bearer $ADMIN" "$B/api/v1/funding/allocations/1"
# planning
get -H "Authorization: Bearer $R" "$B/api/v1/scenarios"
get -H "Authorization: Bearer $R" "$B/api/v1/scenario-runs/1"
get -H "Authorization: Bearer $R" "$B/api/v1/scenario-runs/1/result"
# audit log
get "$B/api/v1/audit/tree-head"
get -H "Authorization: Bearer $ADMIN" "$B/api/v1/audit/verification"
