#!/usr/bin/env bash
# race.sh: the CoP workload run by copmap and by both peers (Kùzu, SQLite) on
# one dataset, back to back in one go, then a side-by-side table with the
# ratios copmap / best peer (see ../shared/bench/README.md and WORKLOAD.md).
#
#   bench/race.sh DATASET_DIR [PEOPLE]
#
# DATASET_DIR is generated with ../shared/bench/gen_cop.py (seed 42) when it
# has no params.json yet; PEOPLE (default 10000) is its size then.
# Environment:
#   RACE_WORK        scratch directory outside the repository for the peers'
#                    node_modules, the databases and the JSON results
#                    (default /tmp/copmap-race)
#   COPMAP_WORKLOAD  the driver binary (default build-perf, then build)
#   RACE_ARGS        extra options for all three runners, e.g. "--draws 50 --writes 1000"
#   RACE_ENGINES     which runners, default "copmap kuzu sqlite"
# Each runner is timed with /usr/bin/time -v (CPU time and peak RSS in
# WORK/<engine>.time); `uptime` is recorded before and after.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
shared="$root/../shared/bench"
data=${1:?usage: bench/race.sh DATASET_DIR [PEOPLE]}
people=${2:-10000}
work=${RACE_WORK:-/tmp/copmap-race}
engines=${RACE_ENGINES:-copmap kuzu sqlite}
read -r -a extra <<< "${RACE_ARGS:-}"

driver=${COPMAP_WORKLOAD:-}
for b in build-perf build; do
  [[ -z "$driver" && -x "$root/$b/bench/query/workload/copmap_workload" ]] &&
    driver="$root/$b/bench/query/workload/copmap_workload"
done
[[ -x "$driver" ]] || { echo "race.sh: no copmap_workload binary; build the copmap_workload target or set COPMAP_WORKLOAD" >&2; exit 2; }

if [[ ! -f "$data/params.json" ]]; then
  echo "[race] generating $people people into $data" >&2
  python3 "$shared/gen_cop.py" --people "$people" --seed 42 --out "$data" >&2
fi
data=$(cd "$data" && pwd)
name=$(basename "$data")
mkdir -p "$work"

if [[ ! -f "$work/peers/.installed" ]]; then
  echo "[race] installing the peer runners in $work/peers" >&2
  rm -rf "$work/peers"
  cp -r "$shared/peers" "$work/peers"
  chmod -R u+w "$work/peers"
  (cd "$work/peers" && npm ci --no-audit --no-fund >&2)
  touch "$work/peers/.installed"
fi

run() {  # engine, command...
  local engine=$1; shift
  echo "[race] $engine: $(uptime)" >&2
  /usr/bin/time -v -o "$work/$name.$engine.time" "$@" > "$work/$name.$engine.txt"
  cat "$work/$name.$engine.txt"
}

uptime_before=$(uptime)
for engine in $engines; do
  case $engine in
    copmap)
      rm -rf "$work/$name.copmap.db"
      run copmap "$driver" --data "$data" --db "$work/$name.copmap.db" --out "$work/$name.copmap.json" "${extra[@]}" ;;
    kuzu)
      rm -rf "$work/$name.kuzu.db" "$work/$name.kuzu.db.wal"
      run kuzu node "$work/peers/kuzu_bench.js" --data "$data" --db "$work/$name.kuzu.db" --out "$work/$name.kuzu.json" "${extra[@]}" ;;
    sqlite)
      rm -f "$work/$name.sqlite.db"*
      run sqlite node "$work/peers/sqlite_bench.js" --data "$data" --db "$work/$name.sqlite.db" --out "$work/$name.sqlite.json" "${extra[@]}" ;;
    *) echo "race.sh: unknown engine '$engine'" >&2; exit 2 ;;
  esac
done
uptime_after=$(uptime)

du_mib() { [[ -e "$1" ]] && du -sm "$1"* 2>/dev/null | awk '{s+=$1} END {print s}' || echo 0; }
python3 "$here/race_table.py" --work "$work" --name "$name" \
  --disk "kuzu=$(du_mib "$work/$name.kuzu.db")" --disk "sqlite=$(du_mib "$work/$name.sqlite.db")" \
  --load-before "$uptime_before" --load-after "$uptime_after" --engines "$engines"

# Every runner's answers checked draw by draw against the reference.
ref_opts=()
for ((i = 0; i + 1 < ${#extra[@]}; i++)); do
  [[ ${extra[i]} == --draws || ${extra[i]} == --reps ]] && ref_opts+=("${extra[i]}" "${extra[i+1]}")
done
results=()
for engine in $engines; do results+=("$work/$name.$engine.json"); done
echo
python3 "$shared/ref_answers.py" --data "$data" "${ref_opts[@]}" --compare "${results[@]}"
