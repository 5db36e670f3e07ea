#!/usr/bin/env bash
# Builds the static site and its search index. Usage: scripts/build.sh [outDir]   (default: dist)
# BASE_PATH sets the base path the site is served under, e.g. BASE_PATH=/tcp-unplugged/.
set -euo pipefail
out="${1:-dist}"
export ASTRO_TELEMETRY_DISABLED=1
astro build --outDir "$out"
# Pagefind indexes each <html lang> separately, so Chinese pages get Chinese word segmentation.
pagefind --site "$out" --quiet
# The service worker lists every file of this build, so it comes after the last step that adds one.
node --disable-warning=ExperimentalWarning scripts/service-worker.ts "$out"
# Compressed copies for static servers that send them (the site's own server does).
node scripts/precompress.mjs "$out"
