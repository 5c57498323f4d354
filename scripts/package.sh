#!/usr/bin/env bash
# Writes LMS packages of one instrument into packages/ (set-up and build included):
#
#   ./scripts/package.sh scorm <instrument id | definition.json> [--locale fr]
#                        [--resume-in-lms] [--mastery 80]
#
# gives packages/candor-<id>-scorm12.zip and packages/candor-<id>-scorm2004.zip. A trainer's
# definition is checked first: an invalid one is never packaged. See docs/embedding.md,
# "Into an LMS", for the options and for uploading the packages.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
if [ "${1:-}" != scorm ] || [ -z "${2:-}" ]; then
  echo "usage: scripts/package.sh scorm <instrument id | definition.json> [--locale fr] [--resume-in-lms] [--mastery 80]" >&2
  exit 2
fi
shift
source="$1"
"$ROOT/scripts/setup.sh" build
source "$ROOT/scripts/env.sh"
case "$source" in
  *.json) cargo xtask validate "$source" ;;
esac
trunk build
node tools/scorm.mjs "$@" --out "$ROOT/packages"
