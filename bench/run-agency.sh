#!/usr/bin/env bash
# Load test of the agency API against the home page in one run, then batch files of 10,000 and 100,000 rows
# (see bench/README.md). Release build, 1,000,000 imported certificates, Production settings with the public rate
# limits and CAPTCHA off; wrk at 64 connections on 127.0.0.1.
# Usage: bash bench/run-agency.sh [ROWS] [SECONDS]        Needs: apt-get install -y wrk openssl
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
seconds="${2:-30}"
port=5098
base="http://127.0.0.1:$port"
work=$(mktemp -d)
server=""
cleanup() { [[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

dotnet build -c Release bench/ImportBenchmark -v quiet -nologo
web=src/CertificateInquiry.Web/bin/Release/net10.0
export ASPNETCORE_ENVIRONMENT=Production Portal__StagingCopy=true # a benchmark, not a server applicants use
export ConnectionStrings__Default="Data Source=$work/bench.db"
export Audit__JournalFolder="$work/audit-journal"
export RateLimiting__Enabled=false
export Captcha__Enabled=false
export Serilog__MinimumLevel__Default=Warning Serilog__MinimumLevel__Override__Microsoft=Warning
export Serilog__WriteTo__1__Args__path="$work/logs/portal-.log"
export Portal__PublicAddress="http://127.0.0.1"
export Uploads__Folder="$work/uploads"
# Production's keys: a token certificate (PKCS#12) and an answer signing key (P-256), made for this run only.
bash scripts/make-production-keys.sh "$work" bench
export AgencyApi__TokenCertificatePath="$work/tokens.pfx" AgencyApi__TokenCertificatePassword=bench
export AgencyApi__RequireHttps=false
export AnswerSigning__Keys__0__Path="$work/answer-signing.pem" AnswerSigning__Keys__0__Status=Current
# One agency is the whole load here; its own per-second rate (100 by default) would measure the limiter, not the API.
export AgencyApi__RequestsPerSecond=1000000

echo "== $rows certificates"
dotnet bench/ImportBenchmark/bin/Release/net10.0/ImportBenchmark.dll generate "$rows" "$work/certificates.csv"
(cd "$web" && dotnet CertificateInquiry.Web.dll import-certificates "$work/certificates.csv" | tail -1)
tail -n +2 "$work/certificates.csv" | shuf -n 20000 --random-source=<(yes) | awk -F, '{print $3","$1}' > "$work/keys.csv"
credentials=$(cd "$web" && dotnet CertificateInquiry.Web.dll create-agency-client --name "دستگاه آزمون بار" --kind Government \
  --scopes inquiry.verify,batch --quota 10000000 2>/dev/null)
client_id=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["client_id"])' "$credentials")
client_secret=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["client_secret"])' "$credentials")

start_server() {
  dotnet "$web/CertificateInquiry.Web.dll" --contentRoot "$PWD/src/CertificateInquiry.Web" --urls "$base" &
  server=$!
  for _ in $(seq 1 60); do curl -fs "$base/health" >/dev/null && return; sleep 1; done
  echo "the portal did not start" >&2; exit 1
}
stop_server() { kill "$server"; wait "$server" 2>/dev/null || true; server=""; }
token() {
  curl -fs "$base/connect/token" -d grant_type=client_credentials -d "client_id=$client_id" \
    --data-urlencode "client_secret=$client_secret" -d "scope=inquiry.verify batch" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
rss_mb() { echo $(( $(ps -o rss= -p "$server") / 1024 )); }

# --- (a) the API beside the home page -------------------------------------------------------------------------
start_server
token > "$work/token"
export KEYS_FILE="$work/keys.csv" TOKEN_FILE="$work/token"
first=$(head -1 "$KEYS_FILE")
answer=$(curl -fs "$base/api/v1/inquiries" -H "Authorization: Bearer $(cat "$work/token")" -H "Content-Type: application/json" \
  -d "{\"nationalCode\":\"${first%,*}\",\"certificateNumber\":\"${first#*,}\",\"purpose\":\"employment\",\"caseReference\":\"BENCH-1403\",\"officerId\":\"bench-01\"}")
grep -q '"outcome":"verified"' <<<"$answer" || { echo "the first key pair was not verified: $answer" >&2; exit 1; }

warm_up() { wrk -t2 -c64 -d"$2" -s "bench/$1" "$base" >/dev/null; }
warm_up home.lua 10s
warm_up agency.lua 20s
measure() { # name script
  local result
  result=$(wrk -t2 -c64 -d"${seconds}s" --timeout 5s -s "bench/$2" "$base" | grep RESULT)
  echo "$1 ${result#RESULT } rss_mb=$(rss_mb)"
}
home=$(measure "a) home page        " home.lua)
api=$(measure "a) POST inquiries   " agency.lua)
echo "$home"
echo "$api"
a=$(grep -o 'requests_per_second=[0-9]*' <<<"$home" | cut -d= -f2)
b=$(grep -o 'requests_per_second=[0-9]*' <<<"$api" | cut -d= -f2)
python3 -c "print(f'ratio api/home = {$b/$a:.2f}   (targets: >= 0.6, p99 <= 30 ms)')"
stop_server

# --- (b) batches, each on a freshly started server so that its RSS is the batch's --------------------------------
batch_file() { # rows file: 90 % existing certificates (names given), 10 % unknown numbers
  echo "row_id,national_code,certificate_number,first_name,last_name" > "$2"
  tail -n +2 "$work/certificates.csv" | shuf -n "$1" --random-source=<(yes 7) \
    | awk -F, '{ n = ($1 ~ /^[0-9-]+$/ && NR % 10 == 0) ? "1399-99-" sprintf("%06d", NR % 1000000) : $1;
                 print "r" NR "," $3 "," n "," $4 "," $5 }' >> "$2"
}
run_batch() { # rows
  local file="$work/batch-$1.csv" peak=0 started location status rss
  batch_file "$1" "$file"
  start_server
  token > "$work/token"
  local auth="Authorization: Bearer $(cat "$work/token")"
  ( while kill -0 "$server" 2>/dev/null; do ps -o rss= -p "$server" >> "$work/rss-$1" || true; sleep 0.1; done ) &
  local sampler=$!
  started=$(date +%s.%N)
  location=$(curl -fs -D - -o /dev/null "$base/api/v1/batches" -H "$auth" -H "Idempotency-Key: bench-$1-$RANDOM" \
    -F "file=@$file;type=text/csv" -F purpose=employment -F caseReference=BENCH-1403 -F officerId=bench-01 \
    | tr -d '\r' | awk -F': ' 'tolower($1) == "location" {print $2}')
  while true; do
    status=$(curl -fs "$base$location" -H "$auth")
    grep -q '"status":"completed"' <<<"$status" && break
    grep -q '"status":"rejected"' <<<"$status" && { echo "batch rejected: $status" >&2; exit 1; }
    sleep 0.05
  done
  curl -fs "$base$location/results?format=csv" -H "$auth" -o "$work/results-$1.csv"
  local finished
  finished=$(date +%s.%N)
  kill "$sampler" 2>/dev/null || true
  peak=$(sort -n "$work/rss-$1" | tail -1)
  local lines
  lines=$(( $(wc -l < "$work/results-$1.csv") - 1 ))
  python3 -c "print(f'b) batch of $1 rows: {$finished - $started:.1f} s upload to results downloaded, $lines result rows, peak RSS {$peak / 1024:.0f} MB')"
  echo "   counts: $(grep -o '"counts":{[^}]*}' <<<"$status")"
  stop_server
}
run_batch 10000
run_batch 100000
echo "(targets: 10,000 rows <= 5 s; 100,000 rows <= 30 s with RSS <= 500 MB)"
