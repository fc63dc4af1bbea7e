#!/usr/bin/env bash
# Times the certificate import on 1,000,000 generated rows (or the number given) with a Release build.
# Run by hand, not in CI. Usage: bash bench/run-import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
dotnet build -c Release bench/ImportBenchmark -v quiet -nologo
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet bench/ImportBenchmark/bin/Release/net10.0/ImportBenchmark.dll "$rows" \
  src/CertificateInquiry.Web/bin/Release/net10.0/CertificateInquiry.Web.dll "$work"
