#!/usr/bin/env bash
# A Production-mode portal against the local fakes of its outside services (docs/providers/README.md): Kavenegar for
# SMS, Sep for the fee, the national sign-in for holders (/my). Starts the fakes on 127.0.0.1:5099 and the portal on http://localhost:5080 with keys made for
# this run in a temporary folder, and stops both on Ctrl+C. The codes the portal sends are at
# http://127.0.0.1:5099/kavenegar/sent. Shahkar and the civil registry stay off (their fake knows no one by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet build src/CertificateInquiry.Web -v quiet -nologo >/dev/null
dotnet build tests/CertificateInquiry.FakeProviders -v quiet -nologo >/dev/null
dotnet run --no-build --project tests/CertificateInquiry.FakeProviders -- --urls http://127.0.0.1:5099 >"$work/fakes.log" 2>&1 &
for _ in $(seq 1 30); do grep -q "listening" "$work/fakes.log" 2>/dev/null && break; sleep 1; done

# Production's keys: a token certificate (PKCS#12) and an answer signing key (P-256), for this run only.
bash scripts/make-production-keys.sh "$work" local

export ASPNETCORE_ENVIRONMENT=Production Portal__PublicAddress=http://localhost:5080
export Database__DataFolder="$work/data" Database__SeedDemoData=true
export AgencyApi__TokenCertificatePath="$work/tokens.pfx" AgencyApi__TokenCertificatePassword=local AgencyApi__RequireHttps=false
export AnswerSigning__Keys__0__Path="$work/answer-signing.pem" AnswerSigning__Keys__0__Status=Current
export Sms__Provider=Kavenegar Sms__Kavenegar__BaseUrl=http://127.0.0.1:5099/kavenegar \
       Sms__Kavenegar__ApiKey=fake-kavenegar-key-0f3c9a Sms__Kavenegar__Sender=10008663 Sms__Kavenegar__CodeTemplate=tvto-verify
export Payments__Gateway=Sep Payments__Sep__Enabled=true Payments__Sep__BaseAddress=http://127.0.0.1:5099/sep/ Payments__Sep__TerminalId=11223344
# Holders sign in at /my/sign-in through the fake national sign-in (plain HTTP on loopback, so metadata over HTTPS is not required).
export NationalSignIn__Authority=http://127.0.0.1:5099/national-sign-in NationalSignIn__ClientId=tvto-holders \
       NationalSignIn__ClientSecret=fake-national-secret-3b9c NationalSignIn__RequireHttpsMetadata=false
while read -r line; do
  case "$line" in Payments:TreasuryPaymentIds:*) key=${line%%=*}; export "${key//:/__}=${line#*=}";; esac
done < <(sed 's/^ *//' "$work/fakes.log")

echo "Portal: http://localhost:5080 (Production, SMS through the fake Kavenegar, fees through the fake Sep)"
echo "Codes sent: http://127.0.0.1:5099/kavenegar/sent"
echo "Holders: http://localhost:5080/my/sign-in (the fake national sign-in takes any valid national code)"
dotnet run --no-build --no-launch-profile --project src/CertificateInquiry.Web --urls http://localhost:5080
