#!/usr/bin/env bash
# The whole test suite: installs what it needs, then runs every test on the embedded database (PGlite)
# and again on the PostgreSQL server. Browser tests run once, on PGlite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-system.sh
export PATH="$PWD/node_modules/.bin:$PATH"

node -e 'if (!process.version.startsWith("v24.")) { console.error("Node.js 24 expected, got " + process.version); process.exit(1) }'
tsc -p .
xss-scan >/dev/null || { xss-scan; echo "xss-scan found unescaped output" >&2; exit 1; }

mapfile -t all < <(find src test -name '*.test.ts' -o -name '*.test.tsx' | sort)
mapfile -t db_tests < <(printf '%s\n' "${all[@]}" | grep -v '^test/browser/')
filter=()
if [ $# -gt 0 ]; then filter=(--test-name-pattern "$1"); fi

report_dir=$(mktemp -d)
status=0
run() {
  local engine=$1; shift
  echo "== $engine"
  TEST_ENGINE=$engine node --import tsx --test --test-concurrency=2 "${filter[@]}" \
    --test-reporter=spec --test-reporter-destination=stdout \
    --test-reporter=tap --test-reporter-destination="$report_dir/$engine.tap" "$@" || status=1
}
run pglite "${all[@]}"
# The fuzz suite's full 25 cases a route ran on PGlite; on the server a third of them is enough to catch
# what only PostgreSQL would refuse, and keeps the whole suite within its 15 minutes.
export FUZZ_CASES="${FUZZ_CASES:-8}"
run postgres "${db_tests[@]}"

count() { grep -h "^# $1 " "$report_dir"/*.tap | awk '{s+=$3} END {print s+0}'; }
echo "tests: $(count pass) passed, $(count fail) failed, $(count skipped) skipped"
rm -rf "$report_dir"
exit $status
