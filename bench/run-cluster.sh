#!/usr/bin/env bash
# The lookup through three servers on PostgreSQL and Redis against one server on SQLite, in the same run
# (see bench/README.md). Release build; the same generated certificates imported into both databases; the limits and
# the CAPTCHA stay ON but out of reach (their counters are asked on every lookup: in memory on one server, in Redis on
# three); wrk at 64 connections on 127.0.0.1, through nginx's round robin for the three.
# Usage: bash bench/run-cluster.sh [ROWS] [SECONDS]       Needs: apt-get install -y wrk nginx postgresql redis-server
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-200000}"
seconds="${2:-30}"
work=$(mktemp -d)
single=""
cluster=""
cleanup() {
  set +e
  [[ -f "$work/nginx.pid" ]] && kill "$(cat "$work/nginx.pid")"
  [[ -n "$single" ]] && kill "$single"
  [[ -n "$cluster" ]] && kill -TERM "$cluster" && wait "$cluster"
  rm -rf "$work"
} 2>/dev/null
trap cleanup EXIT

dotnet build -c Release src/CertificateInquiry.Web -v quiet -nologo
dotnet build -c Release bench/ImportBenchmark -v quiet -nologo
dotnet build -c Release tests/CertificateInquiry.FakeProviders -v quiet -nologo
dotnet build -c Release tests/CertificateInquiry.RoundRobin -v quiet -nologo
web=src/CertificateInquiry.Web/bin/Release/net10.0

# Both set-ups: Production, counters asked on every lookup but never reached, Serilog at Warning.
export RateLimiting__InquiriesPerWindow=1000000000 Captcha__FreeInquiriesPerWindow=1000000000
export Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft=Warning

echo "== $rows certificates"
dotnet bench/ImportBenchmark/bin/Release/net10.0/ImportBenchmark.dll generate "$rows" "$work/certificates.csv"
tail -n +2 "$work/certificates.csv" | shuf -n 20000 --random-source=<(yes) | awk -F, '{print $3","$1}' > "$work/keys.csv"
export KEYS_FILE="$work/keys.csv"

measure() { # name url
  wrk -t2 -c64 -d20s -s bench/lookup.lua "$2" >/dev/null # warm-up: JIT tiers, connection pools, page caches
  local result
  result=$(wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s bench/lookup.lua "$2" | grep RESULT)
  echo "$1 ${result#RESULT }"
}
check_found() { # url
  local found
  found=$(curl -fs -X POST "$1/certificates/lookup" -H "Host: 127.0.0.1" -H "Sec-Fetch-Site: same-origin" \
    --data-urlencode "NationalCode=$(head -1 "$KEYS_FILE" | cut -d, -f1)" --data-urlencode "CertificateNumber=$(head -1 "$KEYS_FILE" | cut -d, -f2)")
  grep -q 'class="record"' <<<"$found" || { echo "the first key pair found no certificate at $1" >&2; exit 1; }
}

echo "== one server, SQLite"
bash scripts/make-production-keys.sh "$work" bench
(
  export ASPNETCORE_ENVIRONMENT=Production Portal__StagingCopy=true Portal__PublicAddress="http://127.0.0.1"
  export AgencyApi__TokenCertificatePath="$work/tokens.pfx" AgencyApi__TokenCertificatePassword=bench
  export AnswerSigning__Keys__0__Path="$work/answer-signing.pem" AnswerSigning__Keys__0__Status=Current
  export ConnectionStrings__Default="Data Source=$work/single.db" Audit__JournalFolder="$work/single-journal"
  export Serilog__WriteTo__1__Args__path="$work/logs/single-.log"
  (cd "$web" && dotnet CertificateInquiry.Web.dll import-certificates "$work/certificates.csv" | tail -1)
  exec dotnet "$web/CertificateInquiry.Web.dll" --contentRoot "$PWD/src/CertificateInquiry.Web" --urls "http://127.0.0.1:5190"
) &
single=$!
for _ in $(seq 1 120); do curl -fs -H "Host: 127.0.0.1" "http://127.0.0.1:5190/health" >/dev/null && break; sleep 1; done
check_found "http://127.0.0.1:5190"
one=$(measure "one server, SQLite              " "http://127.0.0.1:5190")
kill "$single"; wait "$single" 2>/dev/null || true; single=""

echo "== three servers, PostgreSQL and Redis, behind nginx"
mkdir -p "$work/cluster"
(
  export Portal__PublicAddress="http://127.0.0.1" Portal__StagingCopy=true
  export CLUSTER_DIR="$work/cluster" CLUSTER_PORT=5200 CLUSTER_NO_BUILD=1 CLUSTER_CONFIGURATION=Release
  exec bash scripts/cluster.sh
) >"$work/cluster.log" 2>&1 &
cluster=$!
for _ in $(seq 1 300); do [[ -f "$work/cluster/ready" ]] && break; sleep 1; done
[[ -f "$work/cluster/ready" ]] || { cat "$work/cluster.log" >&2; exit 1; }
(
  while IFS= read -r setting; do export "$setting"; done <"$work/cluster/portal.env"
  cd "$web" && Database__DataFolder="$work/cluster/operator" dotnet CertificateInquiry.Web.dll import-certificates "$work/certificates.csv" | tail -1
)
cat >"$work/nginx.conf" <<EOF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  upstream portals { server 127.0.0.1:5201; server 127.0.0.1:5202; server 127.0.0.1:5203; keepalive 64; }
  server {
    listen 127.0.0.1:5180;
    location / {
      proxy_pass http://portals;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_set_header X-Forwarded-Proto \$scheme;
    }
  }
}
EOF
nginx -c "$work/nginx.conf"
check_found "http://127.0.0.1:5180"
three=$(measure "three servers, PostgreSQL+Redis " "http://127.0.0.1:5180")

echo "$one"
echo "$three"
a=$(grep -o 'requests_per_second=[0-9]*' <<<"$one" | cut -d= -f2)
b=$(grep -o 'requests_per_second=[0-9]*' <<<"$three" | cut -d= -f2)
python3 -c "print(f'three / one = {$b/$a:.2f}')"
