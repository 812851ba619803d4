#!/usr/bin/env bash
# Two builds of baton side by side, alternating run by run so both see the same machine:
# start-up (`-c`, median of 30) and a 10,000-line script of questions (median of 9), with
# sqlite3's one-shot start in the same runs as the reference. Usage:
#   Benchmarks/compare-builds.sh BEFORE_BINARY AFTER_BINARY
set -euo pipefail
before=$1
after=$2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export BATON_TODAY=2026-11-23 NO_COLOR=1 HOME="$work"
# A workspace each: a build with a newer schema would migrate a shared one out of the
# older build's reach.
"$before" init "$work/before.sqlite" >/dev/null
"$after" init "$work/after.sqlite" >/dev/null
# shellcheck source=Benchmarks/timing.sh
source "$(dirname "$0")/timing.sh"
# Each build keeps its own saved engine: the cache holds one file per workspace, keyed by
# the binary, so two builds sharing it would each rebuild at every start.
with_cache() {
  local cache=$1
  shift
  BATON_CACHE_DIR="$work/$cache" "$@"
}
questions=("who owns stage exit criteria" "and who is consulted?" "how is NRR defined" "what is an SQL"
  "exit criteria for proposal" "summarize the pipeline" "forecast for this quarter" "which deals are stuck"
  "what is our win rate" "show deal 42" "open change requests" "who owns lead routing"
  "what about forecast categories" "and for negotiation?" "compare sales ops and revops" "my tasks")
for _ in $(seq 625); do printf '%s\n' "${questions[@]}"; done >"$work/questions.txt"
with_cache before "$before" --workspace "$work/before.sqlite" -c "help" >/dev/null
with_cache after "$after" --workspace "$work/after.sqlite" -c "help" >/dev/null
: >"$work/b.ms"
: >"$work/a.ms"
: >"$work/s.ms"
for _ in $(seq 30); do
  milliseconds with_cache before "$before" --workspace "$work/before.sqlite" -c "who owns stage exit criteria" >>"$work/b.ms"
  milliseconds with_cache after "$after" --workspace "$work/after.sqlite" -c "who owns stage exit criteria" >>"$work/a.ms"
  milliseconds sqlite3 "$work/after.sqlite" "select count(*) from deal" >>"$work/s.ms"
done
echo "start-up: before $(median <"$work/b.ms") ms, after $(median <"$work/a.ms") ms, sqlite3 $(median <"$work/s.ms") ms"
: >"$work/b.ms"
: >"$work/a.ms"
for _ in $(seq 9); do
  milliseconds with_cache before "$before" --workspace "$work/before.sqlite" -f "$work/questions.txt" >>"$work/b.ms"
  milliseconds with_cache after "$after" --workspace "$work/after.sqlite" -f "$work/questions.txt" >>"$work/a.ms"
done
echo "10,000 questions: before $(median <"$work/b.ms") ms, after $(median <"$work/a.ms") ms"
