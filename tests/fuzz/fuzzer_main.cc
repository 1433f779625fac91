// The libFuzzer entry point of one fuzz binary. CMake compiles this file once
// per target with COPMAP_FUZZ_ENTRY set to that target's function.
#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return copmap::fuzz::COPMAP_FUZZ_ENTRY(data, size);
}
