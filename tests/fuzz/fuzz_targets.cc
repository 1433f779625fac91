#include "tests/fuzz/fuzz_targets.h"

namespace copmap::fuzz {

std::span<const FuzzTarget> AllFuzzTargets() {
  static constexpr FuzzTarget kTargets[] = {
      {"parser", FuzzParser},         {"query", FuzzQuery},         {"csv_import", FuzzCsvImport},
      {"value_codec", FuzzValueCodec}, {"key_codec", FuzzKeyCodec}, {"map_model", FuzzMapModel},
  };
  return kTargets;
}

}  // namespace copmap::fuzz
