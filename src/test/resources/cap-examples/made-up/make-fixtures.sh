#!/bin/sh
# Makes the signed made-up messages in this folder with the JDK's keytool and XML-DSig: fresh
# keys and certificates each run, fixed validity dates around the messages' sent times
# (28 November 2026). Run from this folder: sh make-fixtures.sh (JAVA_HOME set to a JDK 21+).
set -e
keytool="$JAVA_HOME/bin/keytool"
java="$JAVA_HOME/bin/java"
store=$(mktemp -d)/fixtures.p12
key() { # alias, subject, start, days, [issuer alias]
  "$keytool" -genkeypair -keystore "$store" -storepass fixtures -keyalg RSA -keysize 2048 -alias "$1" \
    -dname "$2" -startdate "$3" -validity "$4" ${6:+-ext "$6"} >/dev/null 2>&1
  if [ -n "$5" ]; then
    "$keytool" -certreq -keystore "$store" -storepass fixtures -alias "$1" \
      | "$keytool" -gencert -keystore "$store" -storepass fixtures -alias "$5" -startdate "$3" -validity "$4" \
      | "$keytool" -importcert -keystore "$store" -storepass fixtures -alias "$1" >/dev/null 2>&1
  fi
}
key seismic "CN=Seismic Alert Signer, O=Made-up Seismic Survey, C=CA" "2026/01/01 00:00:00" 730
key issuer "CN=Provincial Alert Issuer, O=Made-up Provincial Emergency Management, C=CA" "2026/01/01 00:00:00" 730
key aggregator "CN=Alert Aggregator, O=Made-up National Alert Aggregator, C=CA" "2026/01/01 00:00:00" 730
key ca "CN=Made-up Lagezentrum Root CA, O=Made-up Lagezentrum, C=DE" "2025/01/01 00:00:00" 3650 "" "bc:c"
key signer "CN=Warnungen, O=Made-up Lagezentrum, C=DE" "2026/01/01 00:00:00" 730 ca
key lapsed "CN=Warnungen 2025, O=Made-up Lagezentrum, C=DE" "2025/01/01 00:00:00" 180 ca

"$java" SignFixture.java "$store" templates/cap11-seismic-iso-8859-1.xml cap11-seismic-rsa-sha1-iso-8859-1.xml ISO-8859-1 seismic:sha1
# The same message changed after signing: the magnitude 4,1 reads 6,1.
sed 's/magnitude 4,1 a/magnitude 6,1 a/' cap11-seismic-rsa-sha1-iso-8859-1.xml > cap11-seismic-rsa-sha1-altered.xml
"$java" SignFixture.java "$store" templates/cap12-freezing-rain.xml cap12-two-signatures-rsa-sha1.xml UTF-8 issuer:sha1 aggregator:sha1
"$java" SignFixture.java "$store" templates/cap12-flood-warning.xml cap12-certificate-chain-rsa-sha256.xml UTF-8 signer:sha256
"$java" SignFixture.java "$store" templates/cap12-flood-warning.xml cap12-lapsed-certificate-rsa-sha256.xml UTF-8 lapsed:sha256
"$keytool" -exportcert -rfc -keystore "$store" -storepass fixtures -alias ca > foreign-authority-ca.pem
rm -r "$(dirname "$store")"
