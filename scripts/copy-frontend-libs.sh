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

for package in bootstrap vazirmatn; do
  if [[ ! -d "$modules/$package" ]]; then
    echo "node_modules/$package is missing: run 'npm ci' in src/CertificateInquiry.Web first." >&2
    exit 1
  fi
done

rm -rf "$lib/bootstrap" "$lib/vazirmatn"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js" "$lib/vazirmatn/fonts/webfonts" "$lib/vazirmatn/fonts/ttf"

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

echo "Copied:"
(cd "$lib" && find bootstrap vazirmatn -type f | sort)
