#!/usr/bin/env bash
# Load test of the online inquiry against the home page, in one run (see bench/README.md).
# Release build, 1,000,000 imported certificates, rate limits and CAPTCHA off; wrk at 64 connections on 127.0.0.1.
# Usage: bash bench/run-inquiry.sh [ROWS] [SECONDS]        Needs: apt-get install -y wrk
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
seconds="${2:-30}"
port=5099
work=$(mktemp -d)
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release bench/ImportBenchmark -v quiet -nologo
web=src/CertificateInquiry.Web/bin/Release/net10.0
export ASPNETCORE_ENVIRONMENT=Production Portal__StagingCopy=true # a benchmark, not a server applicants use
export ConnectionStrings__Default="Data Source=$work/bench.db"
# The inquiry audit's write-ahead journal (ADR-018) beside the database, not in the source tree.
export Audit__JournalFolder="$work/audit-journal"
export RateLimiting__Enabled=false
# wrk is one client address: with the CAPTCHA on, every lookup past the fifth would be refused.
export Captcha__Enabled=false
export Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft=Warning
export Serilog__WriteTo__1__Args__path="$work/logs/portal-.log"
# Production needs its public address; requests then carry it as Host (AllowedHosts: only that host).
export Portal__PublicAddress="http://127.0.0.1"

echo "== $rows certificates"
dotnet bench/ImportBenchmark/bin/Release/net10.0/ImportBenchmark.dll generate "$rows" "$work/certificates.csv"
(cd "$web" && dotnet CertificateInquiry.Web.dll import-certificates "$work/certificates.csv" | tail -1)
# 20,000 random existing (national code, number) pairs for the lookup requests.
tail -n +2 "$work/certificates.csv" | shuf -n 20000 --random-source=<(yes) | awk -F, '{print $3","$1}' > "$work/keys.csv"

# The project folder as content root: its wwwroot (fonts, styles) as a published site would have it.
dotnet "$web/CertificateInquiry.Web.dll" --contentRoot "$PWD/src/CertificateInquiry.Web" --urls "http://127.0.0.1:$port" &
server=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && break; sleep 1; done

export KEYS_FILE="$work/keys.csv"
# The keys must find their certificates: a benchmark of misses would measure another page.
found=$(curl -fs -X POST "http://127.0.0.1:$port/certificates/lookup" -H "Sec-Fetch-Site: same-origin" \
  --data-urlencode "NationalCode=$(head -1 "$KEYS_FILE" | cut -d, -f1)" --data-urlencode "CertificateNumber=$(head -1 "$KEYS_FILE" | cut -d, -f2)")
grep -q 'class="record"' <<<"$found" || { echo "the first key pair found no certificate" >&2; exit 1; }

# Both paths are warmed before either is measured: the JIT's second tier and the lookup connections' page caches
# take longer than a few seconds to settle, and a cold lookup measured against a warm home page says little.
warm_up() { wrk -t2 -c64 -d"$2" -s "bench/$1" "http://127.0.0.1:$port" >/dev/null; }
warm_up home.lua 10s
warm_up lookup.lua 20s
measure() { # name script
  local result
  result=$(wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s "bench/$2" "http://127.0.0.1:$port" | grep RESULT)
  local rss
  rss=$(( $(ps -o rss= -p "$server") / 1024 ))
  echo "$1 ${result#RESULT } rss_mb=$rss"
}
home=$(measure "a) home page     " home.lua)
lookup=$(measure "b) lookup POST   " lookup.lua)
echo "$home"
echo "$lookup"
a=$(grep -o 'requests_per_second=[0-9]*' <<<"$home" | cut -d= -f2)
b=$(grep -o 'requests_per_second=[0-9]*' <<<"$lookup" | cut -d= -f2)
python3 -c "print(f'ratio b/a = {$b/$a:.2f}   (targets: b/a >= 0.5, p99 <= 30 ms, RSS <= 400 MB)')"
