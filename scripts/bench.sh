#!/usr/bin/env bash
# Benchmarks (figures to read, not pass/fail tests): the facilitator's group profile for
# 1,000 and 100,000 codes, natively (criterion) and in Debian's Chromium; the first
# question's load on a throttled phone profile against a hand-written vanilla quiz and
# the same quiz as a plain Leptos CSR app, measured in the same run; a returning reader's
# result, the facilitator's screen and a reader who left half-way, on the same profile;
# typing on the authoring page; the size of what loads before the first question.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh" test
source "$ROOT/scripts/env.sh"

echo "==> native: cargo bench (criterion)"
cargo bench -p candor-core --bench group -- --noplot 2>&1 | grep -E "^group_profile|time:"

echo "==> in the browser"
trunk build
for instrument in trust-equation trust-roadmap; do
  node tests/bench/facilitator.mjs "$instrument"
done

echo "==> first question on a phone profile, against the vanilla baseline"
# The second reference: the same quiz as a plain Leptos CSR app (bench/leptos-quiz).
(cd bench/leptos-quiz && trunk build)
node tests/bench/speed.mjs 5

echo "==> later screens (a returning reader's result, the facilitator's, a reader who left half-way), same profile"
node tests/bench/later-screens.mjs 5

echo "==> later screens over one shared link, service workers included"
BENCH_LINK=1 node tests/bench/later-screens.mjs 5

echo "==> the authoring page: keys typed and a question added, phone CPU"
node tests/bench/authoring.mjs 20

echo "==> bytes before the first question"
node tests/size-budget.mjs

echo "==> Lighthouse, mobile preset"
node tests/lighthouse.mjs
