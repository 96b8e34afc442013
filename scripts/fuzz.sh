#!/usr/bin/env bash
# Runs every fuzz target of the server in fuzzing mode (Jazzer, coverage-guided), one after the other, each for
# FuzzBudget.ON_DEMAND, and prints the executions per target. Plain `./mvnw verify` only replays the seeds.
# A finding stops that target and leaves the crashing input in server/ (move it into the target's
# src/test/resources/.../<Test>Inputs/<method>/ directory as a regression input once fixed).
set -uo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
targets=(
  "SmtpCommandFuzzTest#session"
  "ImapCommandFuzzTest#framesAndCommands"
  "ImapCommandFuzzTest#parser"
  "EncryptionCheckFuzzTest#encryptionCheck"
  "EncryptionCheckFuzzTest#openPgpPackets"
  "HttpHandlersFuzzTest#requests"
)
mkdir -p server/target/fuzz
./mvnw -q -B -pl server test-compile
status=0
for t in "${targets[@]}"; do
  log="server/target/fuzz/${t/\#/-}.log"
  JAZZER_FUZZ=1 ./mvnw -B -pl server surefire:test -Dtest="$t" >"$log" 2>&1 || status=1
  runs=$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -1)
  verdict=$(grep -q 'BUILD SUCCESS' "$log" && echo "no findings" || echo "FINDING or error, see $log")
  printf '%-42s %-36s %s\n' "$t" "${runs:-no run}" "$verdict"
done
exit $status
