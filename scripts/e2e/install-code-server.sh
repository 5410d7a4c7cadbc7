#!/usr/bin/env bash
# Installs what the end-to-end tier (test/e2e/) needs: code-server (VS Code served to a browser),
# Debian's Chromium and the CJK fonts. Idempotent and cached: a second run does nothing and takes
# about a second. See /work/shared/docs/real-vscode.md for why each step is here.
#
#   scripts/e2e/install-code-server.sh            # as root (CI), or with sudo available
#   CODE_SERVER_VERSION=4.100.3 (default)         # the 4.100.x line is the one built for Node 20
#   CODE_SERVER_DIR=.vscode-test/code-server      # where it goes (ignored by git; NOT the project's node_modules)
set -euo pipefail
cd "$(dirname "$0")/../.."

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
DIR="${CODE_SERVER_DIR:-.vscode-test/code-server}"
# Debian packages: native-module headers for code-server's postinstall, the browser, CJK fonts (or every
# Chinese character is an empty box in screenshots) and ripgrep (its binary stands in for the GitHub download).
# build-essential and python3 (node-gyp) are normally already there.
PACKAGES=(libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config build-essential python3
          chromium fonts-noto-cjk ripgrep)
# @vscode/ripgrep's postinstall looks for this tarball in its cache before trying GitHub.
RG_PKG_VERSION="${RG_PKG_VERSION:-1.15.11}"
RG_TARBALL="ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }
T0=$(now)

# --- 1. Debian packages (skipped when all are installed) ------------------------------------------
t=$(now)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "e2e-install: apt: all ${#PACKAGES[@]} packages already installed ($(elapsed "$t"))"
else
  echo "e2e-install: apt: installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
  echo "e2e-install: apt: done ($(elapsed "$t"))"
fi

# --- 2. code-server (skipped when this version is already there) -----------------------------------
t=$(now)
installed=""
if [ -f "$DIR/node_modules/code-server/package.json" ]; then
  installed=$(node -p "require('./$DIR/node_modules/code-server/package.json').version" 2>/dev/null || true)
fi
if [ "$installed" = "$VERSION" ] && [ -x "$DIR/node_modules/.bin/code-server" ] \
   && [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
   && [ -x "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "e2e-install: code-server $VERSION already installed in $DIR ($(elapsed "$t"))"
else
  # The ripgrep cache: Debian's rg, alone in a gzipped tar with the release's name.
  cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_PKG_VERSION"
  if [ ! -s "$cache/$RG_TARBALL" ]; then
    mkdir -p "$cache"
    tar -czf "$cache/$RG_TARBALL" -C "$(dirname "$(command -v rg)")" rg
  fi
  echo "e2e-install: installing code-server@$VERSION into $DIR (about 300 MB, 40 s or more)"
  rm -rf "$DIR"
  mkdir -p "$DIR"
  cat > "$DIR/package.json" <<JSON
{
  "name": "nianbao-e2e-code-server",
  "private": true,
  "description": "code-server for the end-to-end tests (scripts/e2e/install-code-server.sh); not a dependency of the project",
  "dependencies": { "code-server": "$VERSION" }
}
JSON
  # --unsafe-perm: as root, code-server's postinstall stops otherwise.
  # npm_config_yes: a nested postinstall runs `npx node-gyp`, cancelled unless npx may install.
  ( cd "$DIR" && npm_config_yes=true npm install --unsafe-perm --no-audit --no-fund --loglevel=error )
  v=$(node -p "require('./$DIR/node_modules/code-server/package.json').version")
  [ "$v" = "$VERSION" ] || { echo "e2e-install: expected code-server $VERSION, got $v" >&2; exit 1; }
  [ -f "$DIR/node_modules/code-server/lib/vscode/out/server-main.js" ] \
    || { echo "e2e-install: code-server installed but its VS Code server is missing (postinstall failed?)" >&2; exit 1; }
  [ -x "$DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    || { echo "e2e-install: @vscode/ripgrep has no rg binary (the cache trick in $cache did not take?)" >&2; exit 1; }
  echo "e2e-install: code-server $VERSION installed ($(elapsed "$t"))"
fi

echo "e2e-install: code-server $VERSION · $(/usr/bin/chromium --version 2>/dev/null) · total $(elapsed "$T0")"
