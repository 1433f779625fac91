#!/bin/bash
# Builds one libFuzzer binary quickly on a loaded machine: the target and the
# sources named here carry coverage + ASan + UBSan (clang-14, the flags of
# COPMAP_FUZZ=ON); everything else is linked from a plain build's static
# libraries (uninstrumented: no coverage feedback or ASan checks there). Use
# `make fuzz` when the full instrumented build fits in the time.
#
#   tests/fuzz/build_partial_fuzzer.sh NAME ENTRY PLAIN_BUILD_DIR OUT_DIR "SOURCES..." "LIBS..."
#
# e.g. csv_import FuzzCsvImport build-rel /tmp/pf "tests/fuzz/throwaway_engine.cc
# storage/interchange/csv_reader.cc ..." "storage/interchange/libcopmap_interchange.a ...";
# LIBS are relative to PLAIN_BUILD_DIR. docs/RELIABILITY.md has the full command used.
set -e
name=$1; entry=$2; plain=$(cd "$3" && pwd); out=$4; srcs=$5; libs=$6
cd "$(dirname "$0")/../.."
mkdir -p "$out"
objs=()
for src in tests/fuzz/fuzzer_main.cc tests/fuzz/fuzz_$name.cc tests/fuzz/fuzz_input.cc tests/fuzz/temp_dir.cc $srcs; do
  obj=$out/$(echo "$src" | tr / _).o
  [ -f "$obj" ] && [ "$obj" -nt "$src" ] || ccache clang++-14 -std=c++20 -O1 -gline-tables-only \
    -DNDEBUG -I. -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer \
    -DCOPMAP_FUZZ_ENTRY="$entry" -c "$src" -o "$obj"
  objs+=("$obj")
done
libpaths=()
for l in $libs; do libpaths+=("$plain/$l"); done
# Twice: the libraries refer to each other in both directions.
clang++-14 -fsanitize=fuzzer,address,undefined "${objs[@]}" -o "$out/fuzz_$name" \
  "${libpaths[@]}" "${libpaths[@]}" /usr/lib/x86_64-linux-gnu/librocksdb.so.7.8.3 -lpthread
echo "built $out/fuzz_$name"
