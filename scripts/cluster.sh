#!/usr/bin/env bash
# Three portals on one machine, as production runs them behind a load balancer (docs/operations.md): one PostgreSQL
# database, one Redis, one shared folder for uploaded documents, and a round-robin helper in front
# (tests/CertificateInquiry.RoundRobin) that sends each request to the next portal in turn. For watching the portal
# work as a cluster and for its tests (tests/CertificateInquiry.ClusterTests); not a production set-up.
#
#   scripts/cluster.sh            starts everything, prints the addresses, stops everything on Ctrl+C
#
# Needs PostgreSQL and Redis (Debian: apt-get install postgresql redis-server). Settings, all optional:
#   CLUSTER_POSTGRES  an Npgsql connection string to a server where the script may create and drop a database; unset:
#                     the local Debian cluster is started and a role made for this run (needs root or sudo)
#   CLUSTER_REDIS     host:port of a Redis to use; unset: a redis-server of this run's own on port CLUSTER_PORT+10
#   CLUSTER_PORT      the round-robin address's port (default 5080); portals on the next three, the fakes on +19
#   CLUSTER_DIR       the run's folder (default: a new temporary one, deleted at the end); it gets server-N.pid,
#                     server-N.log, server-N.sh (its launcher), portal.env (the portals' settings, one NAME=VALUE a
#                     line, unquoted: read it line by line, never source it) and, once all answer, ready
#   CLUSTER_NO_BUILD  1: use what the last build made
#   CLUSTER_CONFIGURATION  Debug (default) or Release
# Any portal setting exported beforehand (e.g. RateLimiting__InquiriesPerWindow=6) reaches all three portals.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

port=${CLUSTER_PORT:-5080}
dir=${CLUSTER_DIR:-}
own_dir=false
if [[ -z "$dir" ]]; then
  dir=$(mktemp -d)
  own_dir=true
fi
mkdir -p "$dir/shared/documents"
database="ci_cluster_$(od -An -N4 -tx4 /dev/urandom | tr -d ' \n')"
admin_connection=""

stop() {
  trap - EXIT INT TERM
  kill $(jobs -p) 2>/dev/null || true
  wait 2>/dev/null || true
  if [[ -n "$admin_connection" ]]; then
    psql "$admin_connection" -q -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  if [[ "$own_dir" == true ]]; then rm -rf "$dir"; fi
}
trap stop EXIT
trap 'exit 130' INT TERM

as_postgres() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi
}

# PostgreSQL: the given server, or the local Debian cluster with a role of this run's.
if [[ -n "${CLUSTER_POSTGRES:-}" ]]; then
  base=$(sed -E 's/(^|;) *[Dd]atabase *=[^;]*//g' <<<"$CLUSTER_POSTGRES") # the run's own database is added below
else
  version=$(pg_lsclusters --no-header | awk 'NR==1 {print $1}')
  [[ -n "$version" ]] || { echo "no PostgreSQL cluster: apt-get install postgresql, or set CLUSTER_POSTGRES" >&2; exit 1; }
  pg_ctlcluster "$version" main start 2>/dev/null || as_postgres pg_ctlcluster "$version" main start 2>/dev/null || true
  password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  as_postgres psql -q -c "DROP ROLE IF EXISTS ci_cluster" -c "CREATE ROLE ci_cluster LOGIN CREATEDB PASSWORD '$password'" >/dev/null
  base="Host=127.0.0.1;Port=5432;Username=ci_cluster;Password=$password"
fi
# psql takes a URI; Npgsql's key=value string is turned into one for the two commands the script runs itself.
admin_connection=$(python3 - "$base" <<'PY'
import sys, urllib.parse
parts = dict(p.split("=", 1) for p in sys.argv[1].split(";") if "=" in p)
get = lambda *names: next((parts[k] for k in parts if k.lower() in names), "")
user = urllib.parse.quote(get("username", "user id", "userid", "user"), safe="")
password = urllib.parse.quote(get("password"), safe="")
print(f"postgresql://{user}:{password}@{get('host', 'server') or '127.0.0.1'}:{get('port') or 5432}/postgres")
PY
)
psql "$admin_connection" -q -c "CREATE DATABASE $database" >/dev/null
connection="$base;Database=$database"

# Redis: the given one, or one of this run's own that keeps nothing on disk.
if [[ -n "${CLUSTER_REDIS:-}" ]]; then
  redis="$CLUSTER_REDIS"
else
  redis="127.0.0.1:$((port + 10))"
  redis-server --bind 127.0.0.1 --port $((port + 10)) --save '' --appendonly no >"$dir/redis.log" 2>&1 &
fi

configuration=${CLUSTER_CONFIGURATION:-Debug}
if [[ "${CLUSTER_NO_BUILD:-}" != 1 ]]; then
  for project in src/CertificateInquiry.Web tests/CertificateInquiry.FakeProviders tests/CertificateInquiry.RoundRobin; do
    dotnet build "$project" -c "$configuration" -v quiet -nologo >/dev/null
  done
fi
web="$root/src/CertificateInquiry.Web"
web_dll="$web/bin/$configuration/net10.0/CertificateInquiry.Web.dll"

wait_for() { # url, seconds[, pid of the process that should answer]
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null -H "Host: $public_host" "$1" 2>/dev/null && return 0
    if [[ -n "${3:-}" ]] && ! kill -0 "$3" 2>/dev/null; then echo "the process for $1 ended" >&2; return 1; fi
    sleep 1
  done
  echo "no answer from $1 within $2 s" >&2; return 1
}

fakes="http://127.0.0.1:$((port + 19))"
dotnet "$root/tests/CertificateInquiry.FakeProviders/bin/$configuration/net10.0/CertificateInquiry.FakeProviders.dll" --urls "$fakes" >"$dir/fakes.log" 2>&1 &
for _ in $(seq 1 30); do grep -q "listening" "$dir/fakes.log" 2>/dev/null && break; sleep 1; done

# Production's keys, shared by the three: a token certificate (PKCS#12) and an answer signing key (P-256).
bash scripts/make-production-keys.sh "$dir" cluster

# What the three share: settings exported before the script runs come first and win over these defaults.
{
  env | grep -E '^[A-Z][A-Za-z]+__' | grep -vE '^(ConnectionStrings__Default|Database__Provider|Database__DataFolder|Redis__Configuration|Uploads__Folder)=' || true
  echo "ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Production}"
  echo "Portal__PublicAddress=http://localhost:$port"
  echo "Database__Provider=PostgreSql"
  echo "ConnectionStrings__Default=$connection"
  echo "Redis__Configuration=$redis"
  echo "Uploads__Folder=$dir/shared/documents"
  # The secrets every server must share (docs/operations.md): one random value each for this run.
  for secret in Captcha__Secret Audit__ClientAddressKey Verification__CodeKey; do
    echo "$secret=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
  done
  echo "ForwardedHeaders__Enabled=true"
  echo "ForwardedHeaders__KnownProxies__0=127.0.0.1"
  echo "AgencyApi__TokenCertificatePath=$dir/tokens.pfx"
  echo "AgencyApi__TokenCertificatePassword=cluster"
  echo "AgencyApi__RequireHttps=false"
  echo "AnswerSigning__Keys__0__Path=$dir/answer-signing.pem"
  echo "AnswerSigning__Keys__0__Status=Current"
  echo "Sms__Provider=Kavenegar"
  echo "Sms__Kavenegar__BaseUrl=$fakes/kavenegar"
  echo "Sms__Kavenegar__ApiKey=fake-kavenegar-key-0f3c9a"
  echo "Sms__Kavenegar__Sender=10008663"
  echo "Sms__Kavenegar__CodeTemplate=tvto-verify"
  echo "Payments__Gateway=Sep"
  echo "Payments__Sep__Enabled=true"
  echo "Payments__Sep__BaseAddress=$fakes/sep/"
  echo "Payments__Sep__TerminalId=11223344"
  # Holders sign in at /my through the fake national sign-in (plain HTTP on loopback).
  echo "NationalSignIn__Authority=$fakes/national-sign-in"
  echo "NationalSignIn__ClientId=tvto-holders"
  echo "NationalSignIn__ClientSecret=fake-national-secret-3b9c"
  echo "NationalSignIn__RequireHttpsMetadata=false"
  # The fakes print the treasury ids the portal needs as "  Payments:TreasuryPaymentIds:KEY=VALUE".
  while read -r line; do
    case "$line" in Payments:TreasuryPaymentIds:*) key=${line%%=*}; echo "${key//:/__}=${line#*=}";; esac
  done < <(sed 's/^ *//' "$dir/fakes.log")
} | awk -F= '!seen[$1]++' >"$dir/portal.env"

# Production answers only requests for its public host (ADR-014), the health checks' included.
public_host=$(sed -n 's|^Portal__PublicAddress=[a-z]*://\([^:/]*\).*|\1|p' "$dir/portal.env")

# Each portal is started by a launcher of its own (server-N.sh), which the cluster tests run again to bring back a
# server they killed. Its local folder holds what is the server's alone: its audit journal and its logs.
start_server() { # n, extra settings…
  local n=$1; shift
  mkdir -p "$dir/server-$n"
  {
    echo '#!/usr/bin/env bash'
    printf 'cd %q\n' "$web"
    printf 'while IFS= read -r setting; do export "$setting"; done < %q\n' "$dir/portal.env"
    printf 'export Database__DataFolder=%q Serilog__WriteTo__1__Args__path=%q' "$dir/server-$n" "$dir/server-$n/logs/portal-.log"
    printf ' %q' "$@"
    printf '\nexec dotnet %q --urls %q\n' "$web_dll" "http://127.0.0.1:$((port + n))"
  } >"$dir/server-$n.sh"
  bash "$dir/server-$n.sh" >>"$dir/server-$n.log" 2>&1 &
  echo $! >"$dir/server-$n.pid"
}

# As in a rolling upgrade (docs/operations.md): the schema first, by the operator command, then the servers, none of
# which migrates. The first fills the empty database with the demo certificates before the others start.
(
  cd "$web"; while IFS= read -r setting; do export "$setting"; done <"$dir/portal.env"
  Database__DataFolder="$dir/operator" dotnet "$web_dll" migrate
) >"$dir/migrate.log" 2>&1 || { cat "$dir/migrate.log" >&2; exit 1; }
start_server 1 Database__MigrateOnStartup=false Database__SeedDemoData=true
wait_for "http://127.0.0.1:$((port + 1))/health" 180 "$(cat "$dir/server-1.pid")"
start_server 2 Database__MigrateOnStartup=false
start_server 3 Database__MigrateOnStartup=false
wait_for "http://127.0.0.1:$((port + 2))/health" 120 "$(cat "$dir/server-2.pid")"
wait_for "http://127.0.0.1:$((port + 3))/health" 120 "$(cat "$dir/server-3.pid")"

dotnet "$root/tests/CertificateInquiry.RoundRobin/bin/$configuration/net10.0/CertificateInquiry.RoundRobin.dll" --listen "http://127.0.0.1:$port" \
  --backend "http://127.0.0.1:$((port + 1))" --backend "http://127.0.0.1:$((port + 2))" --backend "http://127.0.0.1:$((port + 3))" >"$dir/round-robin.log" 2>&1 &
wait_for "http://127.0.0.1:$port/health" 30

cat <<EOF
Cluster ready: http://localhost:$port (round robin over http://127.0.0.1:$((port + 1)), :$((port + 2)), :$((port + 3)))
  PostgreSQL database $database, Redis $redis, shared documents in $dir/shared/documents
  Codes sent by SMS: $fakes/kavenegar/sent   Logs: $dir/server-N.log   Stop: Ctrl+C
  Operator commands with the cluster's settings, e.g. a national admin:
    (while IFS= read -r s; do export "\$s"; done <$dir/portal.env; cd $web; dotnet $web_dll create-user --email E --password P --role NationalAdmin)
EOF
touch "$dir/ready"
wait
