#!/usr/bin/env bash
# Sets up what is missing and runs every check and test, stopping at the first failure:
# formatting, lints, native unit and property tests, component tests in headless Chromium,
# the release build and its size budget, the end-to-end tests of the built site on a phone
# and a desktop, and a smoke run of every instrument in WebKit and Firefox.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh" test
source "$ROOT/scripts/env.sh"

started=$SECONDS
step() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$((SECONDS - started))"; }

step "formatting (cargo fmt --check)"
cargo fmt --all -- --check

step "lints (cargo clippy, native and wasm32)"
cargo clippy --workspace --all-targets --locked -- -D warnings
cargo clippy -p candor-web -p candor-take -p candor-widget -p candor-author --target wasm32-unknown-unknown --all-targets --locked -- -D warnings
# The facilitator's bundles and each model's shared result's bundle, as the build makes
# them: without Leptos; the facilitator's screen's top without the group's report, the
# whole screen with it; a shared result's with one model's result screen.
cargo clippy -p candor-widget --no-default-features --target wasm32-unknown-unknown --locked -- -D warnings
cargo clippy -p candor-widget --no-default-features --features group --target wasm32-unknown-unknown --locked -- -D warnings
for model in subscales levels ratio grid; do
  cargo clippy -p candor-widget --no-default-features --features "result-$model" --target wasm32-unknown-unknown --locked -- -D warnings
done

step "core, taking screens, the authoring page's logic and build steps: unit, property and doc tests"
cargo test -p candor-core -p candor-view -p candor-author -p xtask --locked

step "served files: public/questions, public/instruments and public/candor-data.js are what the code writes"
cargo xtask check

step "definitions: built-ins and the documented example against the JSON Schema"
node tests/schema-check.mjs

step "expected results for the end-to-end tests, computed by the core"
mkdir -p tests/.generated
cargo run -q -p candor-core --example e2e_expectations --locked > tests/.generated/expectations.json

step "browser crates: component tests in headless Chromium (wasm-bindgen-test)"
cargo test -p candor-web -p candor-take -p candor-widget -p candor-author --target wasm32-unknown-unknown --locked

step "release build (trunk)"
trunk build

step "built site, LMS packages and xAPI statements: candor.js in one file, every page's files present, manifests, launch pages, statements validated"
node --test tests/unit/

step "size budget: compressed bytes before the first question (tests/size-budget.json)"
node tests/size-budget.mjs

step "Lighthouse, mobile: accessibility must be 100 (performance reported)"
node tests/lighthouse.mjs --gate

step "end-to-end tests (Playwright, Debian Chromium, phone and desktop)"
(cd tests && npx playwright test)

step "cross-engine smoke suite: every instrument to its result in WebKit and Firefox"
node tests/engines/smoke.mjs

step "all checks passed"
