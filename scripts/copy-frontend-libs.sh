#!/usr/bin/env bash
# Copies the front-end files the portal serves from npm's node_modules into wwwroot/lib.
#
# The copied files are committed: the portal runs from a fresh clone with no npm and no internet.
# Run this only to change a library's version:
#   cd src/CertificateInquiry.Web && npm ci && bash ../../scripts/copy-frontend-libs.sh
# then update wwwroot/lib/README.md and commit wwwroot/lib.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
web="$root/src/CertificateInquiry.Web"
modules="$web/node_modules"
lib="$web/wwwroot/lib"

for package in altcha bootstrap chart.js vazirmatn; do
  if [[ ! -d "$modules/$package" ]]; then
    echo "node_modules/$package is missing: run 'npm ci' in src/CertificateInquiry.Web first." >&2
    exit 1
  fi
done

rm -rf "$lib/altcha" "$lib/bootstrap" "$lib/chartjs" "$lib/vazirmatn"
mkdir -p "$lib/altcha/i18n" "$lib/altcha/workers" "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/chartjs" "$lib/vazirmatn/fonts/webfonts" "$lib/vazirmatn/fonts/ttf"

# Bootstrap: the right-to-left stylesheet and the bundle (which includes Popper), with their source maps.
bootstrap="$modules/bootstrap"
cp "$bootstrap/dist/css/bootstrap.rtl.min.css" "$bootstrap/dist/css/bootstrap.rtl.min.css.map" "$lib/bootstrap/css/"
cp "$bootstrap/dist/js/bootstrap.bundle.min.js" "$bootstrap/dist/js/bootstrap.bundle.min.js.map" "$lib/bootstrap/js/"
cp "$bootstrap/LICENSE" "$lib/bootstrap/LICENSE"

# Vazirmatn: the variable web font for pages (renamed: brackets in a URL need escaping), and two static
# TTF files that the PDF reports embed.
vazirmatn="$modules/vazirmatn"
cp "$vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2" "$lib/vazirmatn/fonts/webfonts/Vazirmatn-Variable.woff2"
cp "$vazirmatn/fonts/ttf/Vazirmatn-Regular.ttf" "$vazirmatn/fonts/ttf/Vazirmatn-Bold.ttf" "$lib/vazirmatn/fonts/ttf/"
cp "$vazirmatn/OFL.txt" "$lib/vazirmatn/OFL.txt"

# ALTCHA (the CAPTCHA widget): the "external" build, which keeps its styles and proof-of-work workers in separate
# files so that the Content-Security-Policy needs no inline style or blob: worker; the SHA worker and the Persian
# strings are the only extras the portal uses (wwwroot/js/captcha.js loads them).
altcha="$modules/altcha"
cp "$altcha/dist/external/altcha.min.js" "$altcha/dist/external/altcha.css" "$lib/altcha/"
cp "$altcha/dist/workers/sha.js" "$lib/altcha/workers/"
cp "$altcha/dist/i18n/fa.js" "$lib/altcha/i18n/"
cp "$altcha/LICENSE.txt" "$lib/altcha/LICENSE.txt"

# Chart.js (the back-office dashboard's charts): the UMD build, which bundles its one dependency (@kurkle/color) and
# defines window.Chart for wwwroot/js/dashboard.js; it injects no stylesheet, so the Content-Security-Policy holds.
chartjs="$modules/chart.js"
cp "$chartjs/dist/chart.umd.min.js" "$chartjs/dist/chart.umd.min.js.map" "$lib/chartjs/"
cp "$chartjs/LICENSE.md" "$lib/chartjs/LICENSE.md"

echo "Copied:"
(cd "$lib" && find altcha bootstrap chartjs vazirmatn -type f | sort)
