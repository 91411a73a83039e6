#!/usr/bin/env bash
# The whole suite, as `npm test` runs it: typecheck, lint, unit + integration tests on embedded PGlite,
# integration tests again on a real PostgreSQL (started by the test setup from Debian's postgresql
# package, or TEST_DATABASE_URL), then Playwright end-to-end tests in Debian's Chromium with axe.
# Every step runs even when an earlier one failed; the last line counts the tests: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 FORCE_COLOR=0
results=$(mktemp -d)
status=0
step() {
  local name=$1; shift
  echo "::: ${name}"
  local t0=$SECONDS
  if "$@"; then echo "::: ${name}: ok ($((SECONDS - t0)) s)"; else echo "::: ${name}: FAILED ($((SECONDS - t0)) s)"; status=1; fi
}

step typecheck npx tsc -p tsconfig.json --noEmit
step lint npx biome check src e2e bench scripts
# Vitest's output is kept too: an unhandled error fails a run whose tests all passed, and its text is printed
# again at the end, where a CI excerpt shows it.
step "unit + integration (PGlite)" bash -c 'set -o pipefail; npx vitest run --reporter=default --reporter=json --outputFile.json="$1/pglite.json" 2>&1 | tee "$1/pglite.log"' _ "$results"
if [ -n "${TEST_DATABASE_URL:-}" ] || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  step "integration (PostgreSQL)" bash -c 'set -o pipefail; TEST_DB=pg npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$1/pg.json" 2>&1 | tee "$1/pg.log"' _ "$results"
else
  echo "::: integration (PostgreSQL): FAILED — no PostgreSQL server here (apt-get install postgresql, or set TEST_DATABASE_URL)"
  status=1
fi
step "build web" npx vite build --logLevel warn
step "end-to-end (Chromium)" env PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" npx playwright test --reporter=list,json

for f in pglite pg; do
  if grep -q "Unhandled Errors" "$results/$f.log" 2>/dev/null; then
    echo "::: unhandled errors in the ${f} run:"
    grep -A 40 "Unhandled Errors" "$results/$f.log" | head -120
  fi
done
node -e '
const fs = require("fs"); const dir = process.argv[1];
let passed = 0, failed = 0;
for (const f of ["pglite.json", "pg.json"]) {
  try {
    const r = JSON.parse(fs.readFileSync(`${dir}/${f}`, "utf8")); passed += r.numPassedTests; failed += r.numFailedTests;
    // The JSON report has no field for unhandled errors; the summary line ("Errors  1 error") does.
    const log = fs.existsSync(`${dir}/${f.replace(".json", ".log")}`) ? fs.readFileSync(`${dir}/${f.replace(".json", ".log")}`, "utf8") : "";
    const unhandled = Number(/^\s*Errors\s+(\d+) errors?/m.exec(log)?.[1] ?? 0);
    if (unhandled) { failed += unhandled; console.log(`${f.replace(".json", "")}: ${unhandled} unhandled error(s), printed above`); }
  }
  catch { failed += 1; console.log(`no results from ${f}`); }
}
try { const r = JSON.parse(fs.readFileSync(`${dir}/e2e.json`, "utf8")); passed += r.stats.expected; failed += r.stats.unexpected + r.stats.flaky; }
catch { failed += 1; console.log("no results from e2e"); }
console.log(`${passed} passed, ${failed} failed`);
' "$results"
rm -rf "$results"
exit $status
