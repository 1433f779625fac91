# The two commands a user needs: `make demo` and `make test`.
# Everything else is plain CMake in build/.
BUILD_DIR ?= build
JOBS ?= $(shell nproc)

.PHONY: demo test build deps test-asan bench clean

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

test-asan: deps
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DCOPMAP_SANITIZE=ON
	cmake --build build-asan -j $(JOBS)
	cd build-asan && ctest --output-on-failure -j $(JOBS) -LE "soak|bench"

bench: build
	./$(BUILD_DIR)/bench/copmap_bench

clean:
	rm -rf $(BUILD_DIR) build-asan
