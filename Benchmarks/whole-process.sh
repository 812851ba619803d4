#!/usr/bin/env bash
# Whole-process figures for the README's speed table: a release build of baton run as a
# user runs it, each figure a median, start-up as a ratio against sqlite3 measured in the
# same run (the machines are shared and noisy). Usage, from the repository's top folder:
#   Benchmarks/whole-process.sh            # demo workspace figures (about 2 minutes)
#   BIG=1 Benchmarks/whole-process.sh      # plus a 1,000,000-deal workspace (about 4 more)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib >/dev/null
baton="$PWD/.build/release/baton"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export BATON_TODAY=2026-11-23 NO_COLOR=1 HOME="$work"
"$baton" init "$work/demo.sqlite" >/dev/null

# shellcheck source=Benchmarks/timing.sh
source Benchmarks/timing.sh

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(swift --version 2>&1 | head -1)"

# Start-up: baton and sqlite3 alternate, 30 runs each.
: >"$work/baton.ms"
: >"$work/sqlite.ms"
for _ in $(seq 30); do
  milliseconds "$baton" --workspace "$work/demo.sqlite" -c "who owns stage exit criteria" >>"$work/baton.ms"
  milliseconds sqlite3 "$work/demo.sqlite" "select count(*) from deal" >>"$work/sqlite.ms"
done
b=$(median <"$work/baton.ms")
s=$(median <"$work/sqlite.ms")
echo "start-up: baton -c \"who owns stage exit criteria\" ${b} ms, sqlite3 one-shot ${s} ms: $(awk -v b="$b" -v s="$s" 'BEGIN { printf "%.1fx", b / (s > 0 ? s : 1) }')"
# The same with no saved engine: every start parses the intent files and trains the ranker.
cold=$(for _ in $(seq 9); do BATON_NO_CACHE=1 milliseconds "$baton" --workspace "$work/demo.sqlite" -c "who owns stage exit criteria"; done | median)
echo "  with no saved engine (BATON_NO_CACHE=1): ${cold} ms"

# Scripted sessions: questions, then workflows with --yes, then a soak of 100,000 lines.
questions=("who owns stage exit criteria" "and who is consulted?" "how is NRR defined" "what is an SQL"
  "exit criteria for proposal" "summarize the pipeline" "forecast for this quarter" "which deals are stuck"
  "what is our win rate" "show deal 42" "open change requests" "who owns lead routing"
  "what about forecast categories" "and for negotiation?" "compare sales ops and revops" "my tasks")
for _ in $(seq 625); do printf '%s\n' "${questions[@]}"; done >"$work/questions.txt"
workflows=("move deal 42 to discovery" "move deal 42 to proposal" "assign a follow-up on deal 42 to Priya by Friday"
  "mark task 1 done" "reassign Globex to Jordan" "reassign Globex to Sam")
for _ in $(seq 334); do printf '%s\n' "${workflows[@]}"; done | head -2000 >"$work/workflows.txt"
rate() { # lines file [flags…]: lines a second, median of 3
  local lines=$1 file=$2
  shift 2
  for _ in 1 2 3; do milliseconds "$baton" "$@" -f "$file"; done | median |
    awk -v n="$lines" '{ printf "%d lines/s (%.2f s)", n * 1000 / $1, $1 / 1000 }'
}
echo "10,000 questions: $(rate 10000 "$work/questions.txt" --workspace "$work/demo.sqlite")"
# Reference, same run: sqlite3 reading a script of 10,000 one-row lookups on the same file.
for i in $(seq 10000); do echo "SELECT name, stage_id, amount FROM deal WHERE id = $((i % 60 + 1));"; done >"$work/lookups.sql"
ref=$(for _ in 1 2 3; do milliseconds sh -c "sqlite3 '$work/demo.sqlite' <'$work/lookups.sql'"; done | median)
echo "  reference: sqlite3 running 10,000 one-row SELECTs from a script: $(awk -v r="$ref" 'BEGIN { printf "%d", 10000000 / (r > 0 ? r : 1) }') lines/s"
cp "$work/demo.sqlite" "$work/workflows.sqlite"
echo "2,000 workflows with --yes: $(rate 2000 "$work/workflows.txt" --workspace "$work/workflows.sqlite" --yes --as jordan)"
# Reference, same run: sqlite3 committing 2,000 one-row updates, one transaction each, on a
# copy of the same workspace (WAL, synchronous FULL as baton opens it): the disk's floor for
# 2,000 durable changes.
cp "$work/demo.sqlite" "$work/commits.sqlite"
{
  echo "PRAGMA synchronous = FULL;"
  for _ in $(seq 2000); do
    echo "UPDATE deal SET stage_id = CASE stage_id WHEN 'proposal' THEN 'discovery' ELSE 'proposal' END WHERE id = 42;"
  done
} >"$work/commits.sql"
ref=$(for _ in 1 2 3; do milliseconds sh -c "sqlite3 '$work/commits.sqlite' <'$work/commits.sql'"; done | median)
echo "  reference: sqlite3 committing 2,000 one-row updates: $(awk -v r="$ref" 'BEGIN { printf "%d", 2000000 / (r > 0 ? r : 1) }') lines/s"
for _ in $(seq 10); do cat "$work/questions.txt"; done >"$work/soak.txt"
rss() { /usr/bin/time -f %M "$baton" --workspace "$work/demo.sqlite" -f "$1" 2>&1 >/dev/null | tail -1; }
echo "soak: peak resident $(rss "$work/questions.txt") KB after 10,000 lines, $(rss "$work/soak.txt") KB after 100,000"

# Import: 100,000 Salesforce-style rows into a fresh demo workspace, median of 3.
awk 'BEGIN {
  print "Id,Name,Account Name,StageName,Amount,CloseDate,CreatedDate,Opportunity Owner"
  split("Prospecting,Qualification,Proposal/Price Quote,Negotiation/Review,Closed Won,Closed Lost", s, ",")
  srand(7)
  for (i = 0; i < 100000; i++)
    printf "006%012d,\"Deal %d, renewal\",Account %d,%s,\"$%d.00\",%d/%d/2026,%d/%d/2025,Rep %d\n",
      i, i, i % 3000, s[i % 6 + 1], 1000 + int(rand() * 499000), i % 12 + 1, i % 28 + 1, i % 12 + 1, i % 28 + 1, i % 80
}' >"$work/deals.csv"
for _ in 1 2 3; do
  "$baton" init "$work/import.sqlite" --force >/dev/null
  milliseconds "$baton" import deals "$work/deals.csv" --workspace "$work/import.sqlite"
done | median | awk '{ printf "import of 100,000 deal rows: %.2f s\n", $1 / 1000 }'
start=$(date +%s%N)
sqlite3 "$work/raw.sqlite" ".mode csv" ".import $work/deals.csv raw"
echo "  reference: sqlite3 .import of the same file into an unindexed table $((($(date +%s%N) - start) / 1000000)) ms"

if [[ "${BIG:-}" == 1 ]]; then
  start=$(date +%s%N)
  "$baton" init "$work/big.sqlite" --deals 1000000 >/dev/null
  echo "1,000,000-deal workspace made in $((($(date +%s%N) - start) / 1000000000)) s"
  for line in "show deal 500000" "summarize the pipeline" "pipeline by owner" "pipeline by segment" \
    "forecast for this quarter" "which deals are stuck" "what is our win rate"; do
    ms=$(for _ in $(seq 5); do milliseconds "$baton" --workspace "$work/big.sqlite" -c "$line"; done | median)
    kb=$(/usr/bin/time -f %M "$baton" --workspace "$work/big.sqlite" -c "$line" 2>&1 >/dev/null | tail -1)
    echo "1M deals, \"$line\": ${ms} ms, ${kb} KB resident"
  done
fi
