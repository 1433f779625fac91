// The fuzz targets: one entry function per part of copmap that reads
// untrusted bytes. Each has LLVMFuzzerTestOneInput's contract: any byte
// string is a valid call, the return value is 0, and a broken invariant or a
// crash is a finding.
//
// The same functions run in two builds: as libFuzzer binaries (clang,
// COPMAP_FUZZ=ON, fuzzer_main.cc) and in the default test run, where
// corpus_replay_test.cc feeds them every seed and every past crash input.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace copmap::fuzz {

// Query text -> Parse(). Never crashes; a refusal is a SyntaxError with text.
int FuzzParser(const uint8_t* data, size_t size);
// Query text -> parse, bind, plan, execute on a small fixed CoP graph, with
// row, time and path-length limits. Writes land in a throw-away store that is
// checked and replaced every few hundred writing inputs.
int FuzzQuery(const uint8_t* data, size_t size);
// Bytes -> a CSV file -> CsvReader, then ImportCsv into a throw-away store.
// A failed import must leave the store unchanged.
int FuzzCsvImport(const uint8_t* data, size_t size);
// Bytes -> the record decoders; what decodes re-encodes to the same values.
int FuzzValueCodec(const uint8_t* data, size_t size);
// Bytes -> two property values -> the ordered index encoding: byte order
// agrees with the query language's order, and encodings are prefix-free;
// adjacency keys round-trip.
int FuzzKeyCodec(const uint8_t* data, size_t size);
// Bytes -> a small graph of query-result values and a map spec -> BuildMap,
// CheckMap and RenderMap (dot format, in process).
int FuzzMapModel(const uint8_t* data, size_t size);

struct FuzzTarget {
  std::string_view name;  // also the corpus and regression folder name
  int (*run)(const uint8_t* data, size_t size);
};

std::span<const FuzzTarget> AllFuzzTargets();

}  // namespace copmap::fuzz
