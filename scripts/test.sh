#!/usr/bin/env bash
# Every check, in the order that fails fastest: the one command for developers and CI alike.
#   npm test                 everything
#   SKIP_E2E=1 npm test      everything but the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ "${SKIP_E2E:-0}" != 1 ] && [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Chromium (Debian package) for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "The browser tests need Debian's Chromium at $chromium_path, which is missing." >&2
    echo "Install it with:  sudo apt-get install -y chromium" >&2
    echo "(or set CHROMIUM_PATH to another Chromium binary; SKIP_E2E=1 skips the browser tests)" >&2
    exit 1
  fi
fi

export ASTRO_TELEMETRY_DISABLED=1
# Build under a non-root base path so any link that ignores the base fails the tests.
export BASE_PATH="${BASE_PATH:-/tcp-unplugged/}"
export SITE_DIR="${SITE_DIR:-dist}"

step "Lint (ESLint)"
eslint .

step "Format (Prettier)"
prettier --check .

step "Types (astro check)"
astro check

step "Unit tests (Vitest)"
vitest run

step "Build ($SITE_DIR, base $BASE_PATH)"
start=$(date +%s)
bash scripts/build.sh "$SITE_DIR"
echo "Built in $(($(date +%s) - start)) s"

step "Size budgets"
node scripts/check-size.mjs "$SITE_DIR"

if [ "${SKIP_E2E:-0}" = 1 ]; then
  echo "SKIP_E2E=1: browser tests skipped"
else
  step "End-to-end tests (Playwright, Chromium)"
  CHROMIUM_PATH="$chromium_path" playwright test
fi

step "All checks passed"
