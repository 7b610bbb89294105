#!/usr/bin/env bash
# Runs every test project and ends with one summary line: "tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

projects=(tests/*/*.Tests.csproj)
passed=0 failed=0 skipped=0 status=0
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  echo "== $name"
  log=$(mktemp)
  dotnet test "$project" -c Release --nologo -v quiet --logger "console;verbosity=minimal" 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  # dotnet test ends with e.g. "Passed!  - Failed:     0, Passed:    42, Skipped:     0, Total:    42, ..."
  summary=$(grep -E "^(Passed|Failed)!" "$log" | tail -1 || true)
  if [ -z "$summary" ]; then
    echo "error: $name produced no test summary (build failure?)" >&2
    failed=$((failed + 1))
  else
    passed=$((passed + $(sed -E 's/.*Passed: *([0-9]+).*/\1/' <<<"$summary")))
    failed=$((failed + $(sed -E 's/.*Failed: *([0-9]+).*/\1/' <<<"$summary")))
    skipped=$((skipped + $(sed -E 's/.*Skipped: *([0-9]+).*/\1/' <<<"$summary")))
  fi
  [ "$code" -ne 0 ] && status=1
  rm -f "$log"
done
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
