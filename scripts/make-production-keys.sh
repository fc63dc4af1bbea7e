#!/usr/bin/env bash
# Production's two keys, made for a local run only: a token certificate (PKCS#12, FOLDER/tokens.pfx, with PASSWORD) for
# the agency API's tokens, and an answer signing key (P-256, FOLDER/answer-signing.pem). Used by run-with-fakes.sh,
# cluster.sh and bench/run-agency.sh; a real server's keys come from the operator (docs/operations.md).
# Usage: bash scripts/make-production-keys.sh FOLDER PASSWORD
set -euo pipefail
folder=$1 password=$2
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$folder/token.key" -out "$folder/token.crt" -days 2 -subj "/CN=local tokens" 2>/dev/null
openssl pkcs12 -export -inkey "$folder/token.key" -in "$folder/token.crt" -out "$folder/tokens.pfx" -passout "pass:$password"
rm -f "$folder/token.key"
openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$folder/answer-signing.pem"
