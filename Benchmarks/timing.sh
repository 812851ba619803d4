# Timing helpers the whole-process scripts share; sourced, not run.

# Milliseconds of wall clock for one run of "$@", to a hundredth (start-up is a few ms).
milliseconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s%N)
  awk -v n=$((end - start)) 'BEGIN { printf "%.2f\n", n / 1000000 }'
}

# The median of the numbers on standard input, one a line.
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
