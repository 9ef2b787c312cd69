#!/usr/bin/env bash
# Install the Debian packages Platforma needs that a fresh machine may lack, and only those.
#   runtime (always):
#     libpango*       WeasyPrint's text layout, for every PDF (minutes, reports)
#     fonts-*         fonts with Azerbaijani and Cyrillic letters for pages, PDFs, charts
#   with --test, also:
#     chromium        browser tests (Playwright drives Debian's build; it cannot download its own)
#     gettext         checking and compiling translation catalogues (msgfmt)
#     poppler-utils   pdftotext / pdftoppm, to test and look at generated PDFs
# Run as root (or through sudo). Safe to run again: it does nothing when all are present.
set -euo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core)
if [ "${1:-}" = "--test" ]; then
  PACKAGES+=(chromium gettext poppler-utils)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "Platforma needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
