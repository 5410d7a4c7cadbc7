#!/usr/bin/env bash
# What the full test run needs beyond `npm ci`, installed once and cached:
# Debian's Neovim (the second LSP client of test/editors/), LibreOffice Writer and poppler (the exported
# Word file laid out as PDF: test/browser/word.test.ts), and code-server with Chromium and the CJK fonts
# for the end-to-end tier (scripts/e2e/install-code-server.sh). Run as root or with sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v nvim >/dev/null || ! command -v soffice >/dev/null || ! command -v pdftotext >/dev/null; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "setup: apt: installing neovim, libreoffice-writer-nogui, poppler-utils"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends neovim libreoffice-writer-nogui poppler-utils >/dev/null
fi
bash scripts/e2e/install-code-server.sh
