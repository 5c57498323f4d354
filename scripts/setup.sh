#!/usr/bin/env bash
# Installs what Candor needs to build and test, skipping whatever is already there.
# Safe to run again and again. Every version comes from one place:
#   Rust toolchain and target  rust-toolchain.toml
#   trunk                      TRUNK_VERSION below (Trunk.toml checks it)
#   wasm-bindgen-cli           the wasm-bindgen version in Cargo.lock
#   wasm-opt (binaryen), terser tools/package-lock.json
#   test packages              tests/package-lock.json
#   chromium, chromedriver     Debian's packages
#   firefox-esr, webkit2gtk-driver, xvfb  Debian's packages (the cross-engine smoke suite)
#
# Usage: scripts/setup.sh [build|test]
#   build  what building and serving the demo needs
#   test   that, plus the browsers (Chromium, Firefox ESR, WebKitGTK) and the test
#          packages (the default)
set -euo pipefail

PURPOSE="${1:-test}"
case "$PURPOSE" in
  build | test) ;;
  *)
    echo "usage: scripts/setup.sh [build|test]" >&2
    exit 2
    ;;
esac

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

TRUNK_VERSION="0.21.14"

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
fail() {
  printf '\033[1;31msetup: %s\033[0m\n' "$*" >&2
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }

# Runs a system package command as root, or explains what to install when it cannot.
as_root() {
  if [ "$(id -u)" = 0 ]; then
    "$@"
  elif have sudo && sudo -n true 2>/dev/null; then
    sudo "$@"
  else
    return 1
  fi
}

# ---- Rust ----------------------------------------------------------------------------------
have rustup || fail "rustup is not installed. Install Rust from https://rustup.rs, then run this again."
have cargo || fail "cargo is not on PATH. Add ~/.cargo/bin to PATH (or install Rust from https://rustup.rs)."

channel="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)"
if ! rustup toolchain list | grep -q "^${channel}"; then
  say "installing Rust ${channel}"
  rustup toolchain install "$channel" --profile minimal --component rustfmt,clippy --target wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$channel" | grep -q '^wasm32-unknown-unknown$'; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add --toolchain "$channel" wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed --toolchain "$channel" | grep -q "^${component}"; then
    say "adding ${component}"
    rustup component add --toolchain "$channel" "$component"
  fi
done

# ---- trunk ---------------------------------------------------------------------------------
if ! trunk --version 2>/dev/null | grep -q "trunk ${TRUNK_VERSION}\$"; then
  say "installing trunk ${TRUNK_VERSION} (takes several minutes once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# ---- wasm-bindgen-cli, the exact version in Cargo.lock --------------------------------------
bindgen="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
[ -n "$bindgen" ] || fail "could not find the wasm-bindgen version in Cargo.lock"
if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen ${bindgen}\$"; then
  say "installing wasm-bindgen-cli ${bindgen} (takes a few minutes once)"
  # Not --locked: its own lock file pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "$bindgen" --force
fi

# ---- The browsers, from Debian: Chromium (every test), Firefox and WebKit (the smoke suite) ----
if [ "$PURPOSE" = test ]; then
  missing=()
  have chromium || missing+=(chromium)
  have chromedriver || missing+=(chromium-driver)
  have firefox-esr || missing+=(firefox-esr)
  have WebKitWebDriver || missing+=(webkit2gtk-driver)
  have Xvfb || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    if have apt-get && as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null; then
      :
    else
      fail "These Debian packages are missing and this user cannot install them: ${missing[*]}.
Ask an administrator to install them (apt-get install ${missing[*]}), then run this again."
    fi
  fi
fi

# ---- Node packages: wasm-opt for the build, Playwright and axe-core for the tests ------------
have npm || fail "Node.js 20 or newer with npm is needed. Install it (Debian: apt-get install nodejs npm), then run this again."
npm_dirs=(tools)
[ "$PURPOSE" = test ] && npm_dirs+=(tests)
for dir in "${npm_dirs[@]}"; do
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    say "installing npm packages in $dir/"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
wasm-opt --version 2>/dev/null | grep -q "version 132" \
  || fail "wasm-opt from tools/node_modules is not binaryen 132; delete tools/node_modules and run again."

# ---- Crates, fetched now so trunk can build offline --------------------------------------------
cargo fetch --locked --quiet

say "ready"
