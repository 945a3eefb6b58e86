#!/usr/bin/env bash
# Installs code-server (VS Code 1.100 in the browser, on our Node 20) for the end-to-end test, into a
# cache folder outside the repo's dependency tree. Idempotent: a finished install is reused.
#
#   bash scripts/install-code-server.sh        # prints the code-server binary's path on the last line
#
# Env: CODE_SERVER_CACHE (default ~/.cache/keepalived-e2e), CODE_SERVER_VERSION (default 4.100.3),
#      CODE_SERVER_ROUTE=1|2 to force one route (default: 1, then 2 if 1 fails).
#
# Network: only the npm registry and Debian packages. The two things code-server would fetch
# elsewhere are avoided: ripgrep (GitHub release) comes from Debian's package, and the native
# modules (prebuilt binaries on GitHub) are compiled from source.
#   Route 1: npm install with scripts, ripgrep pre-seeded in @vscode/ripgrep's download cache.
#   Route 2: npm install --ignore-scripts everywhere, then node-gyp per native module by hand.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE="${CODE_SERVER_CACHE:-$HOME/.cache/keepalived-e2e}"
PREFIX="$CACHE/code-server-$VERSION"
BIN="$PREFIX/node_modules/.bin/code-server"
MARKER="$PREFIX/.installed"
LOG="$CACHE/install-code-server.log"
# code-server writes a default config.yaml on first start; keep it in the cache, not in ~/.config.
export XDG_CONFIG_HOME="$CACHE/config"

say() { echo "install-code-server: $*" >&2; }
# step NAME CMD...: runs CMD with its output in $LOG; on failure names the step and shows the log's tail.
step() {
  local name="$1"
  shift
  say "$name"
  echo "== $name: $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    say "FAILED at step '$name' (command: $*)"
    say "last lines of $LOG:"
    tail -n 25 "$LOG" | sed 's/^/    /' >&2
    return 1
  fi
}

works() { [ -f "$MARKER" ] && [ -x "$BIN" ] && "$BIN" --version >/dev/null 2>&1; }

mkdir -p "$CACHE"
if works; then
  say "code-server $VERSION already installed in $PREFIX"
  echo "$BIN"
  exit 0
fi
: >"$LOG"

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != 20 ]; then
  say "FAILED at step 'check node': code-server $VERSION needs Node 20, found $(node -v)"
  exit 1
fi

# --- Debian packages: ripgrep and the headers the native modules compile against ---------------
need=()
for p in ripgrep libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev make g++ python3 pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "FAILED at step 'apt packages': missing ${need[*]} and not root; run: sudo apt-get install -y ${need[*]}"
    exit 1
  fi
  step "apt-get update" apt-get update -qq
  step "apt-get install ${need[*]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
# node-gyp compiles against the running Node's headers; point it at the ones installed beside node
# (nodesource and nodejs.org builds ship them) so it does not download them from nodejs.org.
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  if [ -f "$node_prefix/include/node/node.h" ]; then
    export npm_config_nodedir="$node_prefix"
  else
    say "note: no Node headers in $node_prefix/include/node; node-gyp will download them from nodejs.org"
  fi
fi

RG="$(command -v rg || true)"
[ -n "$RG" ] || { say "FAILED at step 'find rg': ripgrep installed but rg not on PATH"; exit 1; }

# --- Route 1 --------------------------------------------------------------------------------------
# @vscode/ripgrep's lib/download.js looks for `ripgrep-<VERSION>-<target>.tar.gz` (VERSION from its
# lib/postinstall.js) in os.tmpdir()/vscode-ripgrep-cache-<package version>/ before downloading,
# and expects `rg` at the top of the archive.
seed_ripgrep() {
  local pkg="$1" tmp="$2"
  local pver rgver dir
  pver="$(node -p "require('$pkg/package.json').version")"
  rgver="$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$pkg/lib/postinstall.js")"
  [ -n "$rgver" ] || { echo "no VERSION in $pkg/lib/postinstall.js"; return 1; }
  dir="$tmp/vscode-ripgrep-cache-$pver"
  mkdir -p "$dir/x"
  cp "$RG" "$dir/x/rg"
  tar czf "$dir/ripgrep-$rgver-x86_64-unknown-linux-musl.tar.gz" -C "$dir/x" rg
  echo "seeded $dir/ripgrep-$rgver-x86_64-unknown-linux-musl.tar.gz"
}

route1() {
  local tmp="$CACHE/tmp"
  rm -rf "$PREFIX" "$tmp"
  mkdir -p "$PREFIX" "$tmp"
  echo '{"name":"keepalived-e2e-code-server","private":true}' >"$PREFIX/package.json"
  # The ripgrep version code-server's VS Code pins, read from the package itself.
  step "route 1: fetch code-server $VERSION" npm pack --pack-destination "$tmp" "code-server@$VERSION" || return 1
  local rgpkgver
  rgpkgver="$(tar xzOf "$tmp/code-server-$VERSION.tgz" package/lib/vscode/npm-shrinkwrap.json |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).packages["node_modules/@vscode/ripgrep"].version))')" ||
    { say "FAILED at step 'route 1: read @vscode/ripgrep version'"; return 1; }
  step "route 1: fetch @vscode/ripgrep $rgpkgver" bash -c "cd '$tmp' && npm pack '@vscode/ripgrep@$rgpkgver' && mkdir -p rgpkg && tar xzf vscode-ripgrep-$rgpkgver.tgz -C rgpkg" || return 1
  step "route 1: seed ripgrep cache with Debian's rg" seed_ripgrep "$tmp/rgpkg/package" "$tmp" || return 1
  step "route 1: npm install code-server@$VERSION (compiles native modules, ~1 min)" \
    env -C "$PREFIX" TMPDIR="$tmp" npm_config_unsafe_perm=true npm_config_yes=true \
    npm install --no-audit --no-fund --no-save "$tmp/code-server-$VERSION.tgz" || return 1
}

# --- Route 2 --------------------------------------------------------------------------------------
gyp_all() {
  local d
  while IFS= read -r d; do
    echo "node-gyp rebuild in $d"
    (cd "$d" && npx --yes node-gyp rebuild) || { echo "node-gyp failed in $d"; return 1; }
  done < <(find node_modules -name binding.gyp -not -path '*/test/*' -not -path '*/deps/*' -not -path '*windows*' -printf '%h\n' | sort -u)
}

route2() {
  rm -rf "$PREFIX"
  mkdir -p "$PREFIX"
  echo '{"name":"keepalived-e2e-code-server","private":true}' >"$PREFIX/package.json"
  local vs="$PREFIX/node_modules/code-server/lib/vscode"
  step "route 2: npm install code-server@$VERSION --ignore-scripts" \
    env -C "$PREFIX" npm install --no-audit --no-fund --no-save --ignore-scripts "code-server@$VERSION" || return 1
  step "route 2: npm install in lib/vscode" env -C "$vs" npm install --omit=dev --ignore-scripts --no-audit --no-fund || return 1
  step "route 2: node-gyp rebuild of lib/vscode's native modules" env -C "$vs" bash -c "$(declare -f gyp_all); gyp_all" || return 1
  step "route 2: link Debian's rg" bash -c "mkdir -p '$vs/node_modules/@vscode/ripgrep/bin' && ln -sf '$RG' '$vs/node_modules/@vscode/ripgrep/bin/rg'" || return 1
  step "route 2: node_modules.asar link" ln -sfn node_modules "$vs/node_modules.asar" || return 1
  step "route 2: bin scripts" bash -c "cd '$vs/bin/remote-cli' && ln -sfn code-linux.sh code-server && cd ../helpers && ln -sfn browser-linux.sh browser.sh" || return 1
  step "route 2: npm install in lib/vscode/extensions" env -C "$vs/extensions" npm install --omit=dev --ignore-scripts --no-audit --no-fund || return 1
  step "route 2: npm rebuild argon2" env -C "$PREFIX/node_modules/code-server" npm rebuild argon2 || return 1
}

verify() {
  local vs="$PREFIX/node_modules/code-server/lib/vscode"
  [ -x "$BIN" ] || { echo "no $BIN"; return 1; }
  "$BIN" --version
  [ -x "$vs/node_modules/@vscode/ripgrep/bin/rg" ] || { echo "no ripgrep binary in $vs/node_modules/@vscode/ripgrep/bin"; return 1; }
  # The native modules the server loads at start.
  (cd "$vs" && node -e 'for (const m of ["@vscode/spdlog", "node-pty", "@parcel/watcher", "native-watchdog"]) require(m); console.log("native modules load")')
}

ok=""
case "${CODE_SERVER_ROUTE:-}" in
  1) route1 && step "verify" verify && ok=1 ;;
  2) route2 && step "verify" verify && ok=1 ;;
  *)
    if route1 && step "verify" verify; then
      ok=1
    else
      say "route 1 failed; trying route 2"
      route2 && step "verify" verify && ok=1
    fi
    ;;
esac
[ -n "$ok" ] || { say "code-server $VERSION could not be installed; full log: $LOG"; exit 1; }
touch "$MARKER"
say "code-server $VERSION installed in $PREFIX (log: $LOG)"
echo "$BIN"
