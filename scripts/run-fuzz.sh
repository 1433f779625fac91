#!/usr/bin/env bash
# Runs each libFuzzer target of tests/fuzz for FUZZ_SECONDS and prints one line
# per target: executions, executions per second, CPU seconds, corpus size, crashes.
#
# Usage: scripts/run-fuzz.sh BUILD_DIR [target ...]   (default: every target)
# Env:   FUZZ_SECONDS (60), FUZZ_JOBS (1: libFuzzer processes per target),
#        FUZZ_ARGS (extra libFuzzer flags).
# New inputs go to BUILD_DIR/fuzz-corpus/<target> (the committed seeds in
# tests/fuzz/corpus stay untouched); crash inputs to BUILD_DIR/fuzz-crashes/<target>/.
# Exits 1 when any target found a crash: copy the input to
# tests/fuzz/regressions/<target>/ with the fix, so fuzz_corpus_test keeps it fixed.
set -uo pipefail

build_dir=${1:?usage: run-fuzz.sh BUILD_DIR [target ...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parser query csv_import value_codec key_codec map_model)
seconds=${FUZZ_SECONDS:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

dict_for() {
  case $1 in
    parser|query) echo "-dict=$root/tests/fuzz/cypher.dict" ;;
    csv_import) echo "-dict=$root/tests/fuzz/csv.dict" ;;
  esac
}

failed=0
printf '%-12s %10s %8s %8s %8s %7s %s\n' target execs exec/s cpu_s rss_mb corpus crashes
for t in "${targets[@]}"; do
  work="$build_dir/fuzz-corpus/$t"
  crashes="$build_dir/fuzz-crashes/$t"
  log="$build_dir/fuzz-$t.log"
  mkdir -p "$work" "$crashes"
  # Leaks are not findings here (Graphviz keeps caches for the process's life);
  # the ASan test run covers copmap's own leaks.
  /usr/bin/time -f 'cpu_seconds %U %S' "$build_dir/tests/fuzz/fuzz_$t" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=8192 \
    -print_final_stats=1 -artifact_prefix="$crashes/" $(dict_for "$t") ${FUZZ_ARGS:-} \
    "$work" "$root/tests/fuzz/corpus/$t" >"$log" 2>&1
  # libFuzzer may print its stats twice (at a crash and at exit): keep the last.
  stat() { awk -v key="stat::$1:" '$1 == key {v = $2} END {print v}' "$log"; }
  execs=$(stat number_of_executed_units)
  rate=$(stat average_exec_per_sec)
  rss=$(stat peak_rss_mb)
  cpu=$(awk '/^cpu_seconds/ {printf "%.0f", $2 + $3}' "$log")
  found=$(find "$crashes" -type f | wc -l)
  printf '%-12s %10s %8s %8s %8s %7s %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cpu:-?}" \
    "${rss:-?}" "$(find "$work" -type f | wc -l)" "$found"
  [ "$found" -gt 0 ] && failed=1
done
exit $failed
