# The two commands a user needs: `make demo` and `make test`.
# Everything else is plain CMake in build/.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: demo test build deps test-asan test-tsan fuzz bench clean

demo: build
	./$(BUILD_DIR)/cli/copmap demo --db $(BUILD_DIR)/demo.db

# A test must fail twice to fail the run: two tests (a Graphviz determinism check and a
# gRPC cancellation race) are known to be timing-sensitive on a heavily loaded machine.
test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS) -LE soak --repeat until-pass:2

deps:
	./scripts/install-deps.sh

build: deps
	cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD_DIR) -j $(JOBS)

# AddressSanitizer + UndefinedBehaviorSanitizer (and LeakSanitizer) over the default test
# set. -O0 -g1: the build compiles fastest and reports keep file:line. UBSan stops the
# test at its first report (it only prints by default); suppressions cover Debian's
# uninstrumented libraries only (tests/lsan.supp says why each one is there).
ASAN_ENV = ASAN_OPTIONS=detect_leaks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCOPMAP_SANITIZE=ON "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1"
	cmake --build build-asan -j $(JOBS)
	cd build-asan && $(ASAN_ENV) ctest --output-on-failure -j $(JOBS) -LE "soak|bench"

# ThreadSanitizer over the tests that run threads: the store's transactions, the ACID
# isolation tests and the gRPC server (RocksDB and gRPC themselves are not instrumented).
# suppress_equal_addresses=0: TSan otherwise checks every suppressed report against a list
# of all earlier racy addresses, one by one; gRPC's uninstrumented hand-overs give hundreds
# of thousands of suppressed reports, and that quadratic check stalled a gRPC thread for a
# minute (ServerLimitsTest.OversizedRequestAndRowAreRefused ran into its 60 s deadline).
# TSAN_SKIP: the two tests that render a map run Graphviz in a forked child, where Pango
# starts a thread; gcc's TSan runtime cannot start threads after a multi-threaded fork (it
# kills the child with exit code 66). docs/RELIABILITY.md (Sanitizers) has the details.
TSAN_TESTS ?= storage_txn_test reliability_isolation_test server_e2e_test
TSAN_SKIP ?= ServerMethodsTest.RenderStreamsNamedAndQueryMaps:ServerAuthTest.EveryMethodWithEveryCredential
test-tsan: deps
	cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=Debug -DCOPMAP_SANITIZE=thread "-DCMAKE_CXX_FLAGS_DEBUG=-O0 -g1"
	cmake --build build-tsan -j $(JOBS) --target $(TSAN_TESTS)
	for t in $(TSAN_TESTS); do \
	  COPMAP_SOURCE_DIR=$(CURDIR) TSAN_OPTIONS="halt_on_error=1 detect_deadlocks=0 suppress_equal_addresses=0 suppressions=$(CURDIR)/tests/tsan.supp" \
	    $$(find build-tsan/tests -name $$t -type f) --gtest_filter=-$(TSAN_SKIP) || exit 1; done

# libFuzzer (clang-14, installed when missing): builds tests/fuzz's targets with ASan and
# UBSan in build-fuzz-clang and runs each for FUZZ_SECONDS (scripts/run-fuzz.sh).
FUZZ_SECONDS ?= 60
fuzz:
	./scripts/install-deps.sh clang-14 libclang-rt-14-dev llvm-14
	cmake -S . -B build-fuzz-clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER=clang++-14 -DCOPMAP_FUZZ=ON \
	  "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only -DNDEBUG"
	cmake --build build-fuzz-clang -j $(JOBS) --target fuzz_all
	FUZZ_SECONDS=$(FUZZ_SECONDS) ./scripts/run-fuzz.sh build-fuzz-clang

bench: build
	./$(BUILD_DIR)/bench/copmap_bench

clean:
	rm -rf $(BUILD_DIR) build-asan build-tsan build-fuzz-clang
