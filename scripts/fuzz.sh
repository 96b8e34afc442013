#!/usr/bin/env bash
# Fuzzes every fuzz target of the server coverage-guided (Jazzer), each in its own JVM for SECONDS (default 300),
# then prints executions per target and the total (also in server/target/fuzz-executions.md). `./mvnw verify` runs
# the same thing for 10 s per target (module fuzz, profile bounded-fuzzing); this is the longer run on demand.
# A finding fails the run and leaves the crashing input under the target's
# server/src/test/resources/org/relaycert/server/<area>/<Test>Inputs/<method>/ (keep it there as a regression input
# once fixed). Usage: scripts/fuzz.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
budget=${1:-300}
if ! [[ "$budget" =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: scripts/fuzz.sh [SECONDS]   (a positive number of seconds per fuzz target)" >&2
  exit 2
fi
mkdir -p fuzz/target
log=fuzz/target/fuzz.log
rm -f server/target/fuzz-executions.md
echo "fuzzing each target for ${budget} s; Maven log in $log"
./mvnw -B -pl fuzz -am verify -DskipUnitTests -Dfuzz.skip=false -Dfuzz.seconds="$budget" >"$log" 2>&1
status=$?
cat server/target/fuzz-executions.md 2>/dev/null || echo "no summary written"
if [ $status -ne 0 ]; then
  grep -E "ERROR|FAIL" "$log" | head -20
  echo "fuzzing FAILED (exit $status), see $log"
fi
exit $status
