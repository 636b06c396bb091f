#!/usr/bin/env bash
# The whole suite, in order: format/lint, astro check, Vitest, build, Playwright against the built server.
set -euo pipefail
cd "$(dirname "$0")/.."
chromium=$(bash scripts/ensure-chromium.sh | tail -n 1)
export CHROMIUM_PATH="$chromium"
bash scripts/ensure-runtimes.sh
bash scripts/ensure-redis.sh

echo "== Generate Astro types (the type-checked lint needs them on a fresh clone)"
npx astro sync
echo "== Format and lint"
npm run --silent lint
echo "== astro check"
npx astro check
echo "== Vitest (unit + integration)"
npx vitest run
echo "== Build"
npx astro build
echo "== Playwright (end to end, built server)"
npx playwright test
