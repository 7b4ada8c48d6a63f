#!/usr/bin/env bash
# Writes in every module of a running Weerbaar (the previous release) so that its database makes an upgrade fixture.
set -euo pipefail
B=${BASE:-http://localhost:18180}
j() { curl -sS -H 'Content-Type: application/json' "$@"; }
ADMIN=$(curl -sS -u admin:upgrade-fixture-admin-1 -X POST $B/api/v1/tokens | jq -r .token)
A=(-H "Authorization: Bearer $ADMIN")
# access: a partner organisation and users (two coordinators of Amsterdam for four-eyes)
j "${A[@]}" -X POST $B/api/v1/organisations -d '{"code":"RODE-KRUIS-AMS","name":"Rode Kruis Amsterdam (demo)","areas":["GM0363"]}'; echo
for u in coord-ams-1 coord-ams-2; do
  j "${A[@]}" -X POST $B/api/v1/users -d "{\"username\":\"$u\",\"password\":\"upgrade-fixture-$u\",\"organisation\":\"GM0363\",\"role\":\"coordinator\"}"; echo
done
j "${A[@]}" -X POST $B/api/v1/users -d '{"username":"coord-vr13","password":"upgrade-fixture-coord-vr13","organisation":"VR13","role":"coordinator"}'; echo
j "${A[@]}" -X POST $B/api/v1/users -d '{"username":"oper-ams","password":"upgrade-fixture-oper-ams","organisation":"GM0363","role":"operator"}'; echo
C1=$(curl -sS -u coord-ams-1:upgrade-fixture-coord-ams-1 -X POST $B/api/v1/tokens | jq -r .token)
C2=$(curl -sS -u coord-ams-2:upgrade-fixture-coord-ams-2 -X POST $B/api/v1/tokens | jq -r .token)
OP=$(curl -sS -u oper-ams:upgrade-fixture-oper-ams -X POST $B/api/v1/tokens | jq -r .token)
R=$(curl -sS -u coord-vr13:upgrade-fixture-coord-vr13 -X POST $B/api/v1/tokens | jq -r .token)
# points: statuses on three Amsterdam points, one new point
for id in $(curl -sS "$B/api/v1/support-points?municipality=GM0363" | jq -r '.items[0:3][].id'); do
  etag=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $OP" $B/api/v1/support-points/$id | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
  j -H "Authorization: Bearer $OP" -H "If-Match: $etag" -X PUT $B/api/v1/support-points/$id/status \
    -d '{"status":"open","occupancy":12,"message":"Open tot 22:00 (demo)"}' | jq -c '{id,status,occupancy}'
  etag=$(curl -sS -D - -o /dev/null -H "Authorization: Bearer $OP" $B/api/v1/support-points/$id | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
  j -H "Authorization: Bearer $OP" -H "If-Match: $etag" -X PUT $B/api/v1/support-points/$id/status \
    -d '{"status":"full","occupancy":80}' | jq -c '{id,status,occupancy}'
done
NEWPOINT=$(j -H "Authorization: Bearer $C1" -X POST $B/api/v1/support-points -d '{"name":"Upgrade-fixture buurthuis (demo)","tier":"local","buildingKind":"community-centre","lat":52.37,"lon":4.89,"municipality":"GM0363","capabilities":["information","drinking-water"],"public":true}')
echo "$NEWPOINT" | jq -c .

# ---- writes2
B=${BASE:-http://localhost:18180}
j() { curl -sS -H 'Content-Type: application/json' "$@"; }
tok() { curl -sS -u "$1:$2" -X POST $B/api/v1/tokens | jq -r .token; }
ADMIN=$(tok admin upgrade-fixture-admin-1); C1=$(tok coord-ams-1 upgrade-fixture-coord-ams-1); C2=$(tok coord-ams-2 upgrade-fixture-coord-ams-2)
OP=$(tok oper-ams upgrade-fixture-oper-ams)
A=(-H "Authorization: Bearer $ADMIN")
# stock: a depot at the new point, a receipt, an issue, a transfer


SP=$(j -H "Authorization: Bearer $C1" -X POST $B/api/v1/depots -d '{"name":"Steunpuntdepot upgrade-fixture (demo)","level":"support-point","organisation":"GM0363","municipality":"GM0363","lat":52.37,"lon":4.89,"supportPoint":9563}')
echo "$SP" | jq -c .; SPD=$(echo "$SP" | jq -r .id)
j -H "Authorization: Bearer $OP" -X POST $B/api/v1/stock-events -d '{"type":"receipt","depot":44,"item":"drinking-water","lot":"UPG-2026-1","expiry":"2028-06-30","quantity":500,"documentNumber":"PB-1"}' | jq -c .
j -H "Authorization: Bearer $OP" -X POST $B/api/v1/stock-events -d '{"type":"issue","depot":44,"item":"drinking-water","lot":"UPG-2026-1","quantity":120,"reason":"uitgifte buurthuis"}' | jq -c .
j -H "Authorization: Bearer $OP" -X POST $B/api/v1/stock-events -d "{\"type\":\"transfer\",\"depot\":44,\"item\":\"drinking-water\",\"lot\":\"UPG-2026-1\",\"quantity\":100,\"toDepot\":$SPD}" | jq -c .

# ---- writes3
B=${BASE:-http://localhost:18180}
j() { curl -sS -H 'Content-Type: application/json' "$@"; }
tok() { curl -sS -u "$1:$2" -X POST $B/api/v1/tokens | jq -r .token; }
ADMIN=$(tok admin upgrade-fixture-admin-1); C1=$(tok coord-ams-1 upgrade-fixture-coord-ams-1); C2=$(tok coord-ams-2 upgrade-fixture-coord-ams-2)
OP=$(tok oper-ams upgrade-fixture-oper-ams); R=$(tok coord-vr13 upgrade-fixture-coord-vr13)
etag() { curl -sS -D - -o /dev/null -H "Authorization: Bearer $1" "$2" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p'; }
# bulletins: drafted by one coordinator, approved by the other, published (signed)
BUL=$(j -H "Authorization: Bearer $C1" -X POST $B/api/v1/bulletins -d '{"area":"GM0363","kind":"alert","event":"Drinkwaterstoring (demo)","category":"Infra","urgency":"Immediate","severity":"Severe","certainty":"Observed","headline":"Drinkwater in Amsterdam-Centrum uitgevallen (demo)","description":"Oefenbericht voor de upgradetest.","instruction":"Haal water bij een steunpunt.","effective":"2026-12-01T05:00:00Z","expires":"2027-12-01T05:00:00Z"}')
echo "$BUL" | jq -c '{id,status,version}'; BID=$(echo "$BUL" | jq -r .id)
j -H "Authorization: Bearer $C2" -H "If-Match: $(etag $C2 $B/api/v1/bulletins/$BID)" -X POST $B/api/v1/bulletins/$BID/approval | jq -c '{id,status}'
j -H "Authorization: Bearer $C1" -X POST $B/api/v1/bulletins/$BID/publication | jq -c '{id,status}'
# planning: a scenario and a run
SC=$(j -H "Authorization: Bearer $R" -X POST $B/api/v1/scenarios -d '{"name":"Drinkwater VR13 drie dagen (demo)","hazard":"drinking-water-outage","areas":["GM0363"],"start":"2026-12-02T06:00:00Z","durationHours":72}')
echo "$SC" | jq -c '{id,version}'; SCID=$(echo "$SC" | jq -r .id)
RUN=$(j -H "Authorization: Bearer $R" -X POST $B/api/v1/scenarios/$SCID/runs); echo "$RUN" | jq -c .
# household: two kit plans counted for the region of the postcode
curl -sS -o /dev/null -w '%{http_code}\n' "$B/denk-vooruit?adults=2&children=1&postcode=1012AB"
curl -sS -o /dev/null -w '%{http_code}\n' "$B/denk-vooruit?adults=1&postcode=9711AA"

# ---- writes4
B=${BASE:-http://localhost:18180}
j() { curl -sS -H 'Content-Type: application/json' "$@"; }
tok() { curl -sS -u "$1:$2" -X POST $B/api/v1/tokens | jq -r .token; }
ADMIN=$(tok admin upgrade-fixture-admin-1); OP=$(tok oper-ams upgrade-fixture-oper-ams); R=$(tok coord-vr13 upgrade-fixture-coord-vr13)
BID=$(curl -sS "$B/api/v1/bulletins?area=GM0363" | jq -r '.items[0].id')
j -H "Authorization: Bearer $OP" -X POST $B/api/v1/claims -d "{\"area\":\"GM0363\",\"text\":\"Het kraanwater is vergiftigd (demo)\",\"channel\":\"whatsapp\",\"firstSeenAt\":\"2026-11-30T20:00:00Z\",\"assessment\":\"false\",\"rebuttalBulletin\":\"$BID\"}" | jq -c .
j -H "Authorization: Bearer $ADMIN" -X POST $B/api/v1/funding/allocations -d '{"name":"Verdeling 2026 (demo)","year":2026,"budgetLineIds":[1],"baseCents":50000000,"areaSharePercent":20}' | tee /tmp/upg/al.json | jq -c "{id,status}"
ALID=$(jq -r .id /tmp/upg/al.json)
j -H "Authorization: Bearer $ADMIN" -X POST $B/api/v1/funding/allocations/$ALID/adoption | jq -c '{id,status}'
j -H "Authorization: Bearer $R" -X POST $B/api/v1/funding/expenditures -d '{"region":"VR13","municipality":"GM0363","year":2026,"bookedOn":"2026-11-30","kind":"spending","amountCents":1250000,"natoCategory":"civil-preparedness","referenceType":"support-point","referenceId":"9563","description":"Noodstroom buurthuis (demo)"}' | jq -c .
j -H "Authorization: Bearer $R" -X POST $B/api/v1/funding/expenditures -d '{"region":"VR13","year":2026,"bookedOn":"2026-11-30","kind":"commitment","amountCents":5000000,"natoCategory":"networks","description":"Satelliettelefoons (demo)"}' | jq -c .
curl -sS -H "Authorization: Bearer $R" $B/api/v1/scenario-runs/1 | jq -c '{status,progress,stage}'

# ---- writes5
B=${BASE:-http://localhost:18180}
j() { curl -sS -H 'Content-Type: application/json' "$@"; }
tok() { curl -sS -u "$1:$2" -X POST $B/api/v1/tokens | jq -r .token; }
ADMIN=$(tok admin upgrade-fixture-admin-1); OP=$(tok oper-ams upgrade-fixture-oper-ams)
# an idempotent write (the key is kept), a disabled user with its tokens revoked
j -H "Authorization: Bearer $OP" -H 'Idempotency-Key: upgrade-fixture-receipt-1' -X POST $B/api/v1/stock-events -d '{"type":"receipt","depot":44,"item":"blanket","lot":"UPG-DEK-1","quantity":40}' | jq -c '.items[0] | {id,type,quantity}'
j -H "Authorization: Bearer $ADMIN" -X POST $B/api/v1/users -d '{"username":"leaver-ams","password":"upgrade-fixture-leaver","organisation":"GM0363","role":"viewer"}' | jq -c '{id,username}'
tok leaver-ams upgrade-fixture-leaver >/dev/null
j -H "Authorization: Bearer $ADMIN" -X POST $B/api/v1/users/leaver-ams/disabling | jq -c '{username,enabled}'
