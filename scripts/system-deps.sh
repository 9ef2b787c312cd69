#!/usr/bin/env bash
# Install the Debian packages Platforma needs that a fresh machine may lack, and only those.
#   runtime (always):
#     libpango*       WeasyPrint's text layout, for every PDF (minutes, reports)
#     fonts-*         fonts with Azerbaijani and Cyrillic letters for pages, PDFs, charts
#   with --test, also:
#     chromium        browser tests (Playwright drives Debian's build; it cannot download its own)
#     gettext         checking and compiling translation catalogues (msgfmt)
#     poppler-utils   pdftotext / pdftoppm, to test and look at generated PDFs
#     default-jre-headless  Java, for the W3C HTML checker (vnu.jar), unless a java is there
#     nodejs, npm     to fetch vnu.jar at the version pinned in package-lock.json, unless npm is there
#   and then, as the user who runs this script, `npm ci` puts vnu.jar in node_modules/ (git ignores it;
#   e2e/test_html_validity.py runs it).
# Run as root (or through sudo). Safe to run again: it does nothing when all are present.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fonts-noto-core)
test_tools=false
if [ "${1:-}" = "--test" ]; then
  test_tools=true
  PACKAGES+=(chromium gettext poppler-utils)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# A command from elsewhere (another JDK, NodeSource's node with its npm) does as well as Debian's.
if $test_tools; then
  command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
  command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
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
fi

# The W3C HTML checker, at the version package-lock.json pins (its install script, which would
# download a Java of its own, does not run: Debian's is used).
if $test_tools; then
  wanted=$(sed -n '/"node_modules\/vnu-jar"/,/}/s/.*"version": "\([^"]*\)".*/\1/p' package-lock.json)
  have=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' node_modules/vnu-jar/package.json 2>/dev/null || true)
  if [ "$have" != "$wanted" ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
    echo "Installing the W3C HTML checker (vnu-jar $wanted) into node_modules/"
    npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  fi
fi
