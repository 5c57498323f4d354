#!/usr/bin/env bash
# Sets up what is missing, builds the widget and the demo page, and serves them on
# http://127.0.0.1:8080/ (PORT=… to change the port). Ctrl-C stops the server.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
"$ROOT/scripts/setup.sh" build
source "$ROOT/scripts/env.sh"

echo "==> building the widget and the demo page"
trunk build

PORT="${PORT:-8080}"
echo "==> open http://127.0.0.1:${PORT}/"
exec node "$ROOT/tests/server.mjs" --root "$ROOT/dist" --port "$PORT"
