#!/usr/bin/env bash
# Every check, in one command for developers and CI alike (npm test). Each step runs even when an
# earlier one failed, so one run shows every problem; the build gates the steps that need it.
#   SKIP_E2E=1 npm test      everything but the browser tests
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }
run() {
  local name="$1"
  shift
  step "$name"
  if ! "$@"; then
    failed+=("$name")
    return 1
  fi
}

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ "${SKIP_E2E:-0}" != 1 ] && [ ! -x "$chromium_path" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "Installing Chromium (Debian package) for the browser tests"
    DEBIAN_FRONTEND=noninteractive apt-get update -q &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium || exit 1
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
export CHROMIUM_PATH="$chromium_path"

run "Lint (ESLint, engine import cycles)" npm run --silent lint
run "Format (Prettier)" prettier --check .
run "Types (astro check)" astro check
run "Unit tests (Vitest)" vitest run

build_start=$(date +%s)
if run "Build ($SITE_DIR, base $BASE_PATH)" bash scripts/build.sh "$SITE_DIR"; then
  echo "Built in $(($(date +%s) - build_start)) s"
  run "Size budgets" node scripts/check-size.mjs "$SITE_DIR"
  if [ "${SKIP_E2E:-0}" = 1 ]; then
    echo "SKIP_E2E=1: browser tests skipped"
  else
    run "End-to-end tests (Playwright, Chromium)" playwright test
  fi
else
  failed+=("Size budgets and end-to-end tests (not run: the build failed)")
fi

if [ ${#failed[@]} -gt 0 ]; then
  printf '\n\033[1;31mFailed:\033[0m\n' >&2
  printf '  - %s\n' "${failed[@]}" >&2
  exit 1
fi
step "All checks passed"
