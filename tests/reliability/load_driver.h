// RunLoad: many concurrent gRPC clients running the CoP mix against a
// server for a set time: 90% reads of one, two or three hops from a random
// person, 10% single-edge writes (a KNOWS relationship between two random
// people, its own durable transaction). Every call's outcome is tallied;
// nothing is retried except a write that lost a conflict (retryable by
// contract) and a call the server shed as busy (after a short pause).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace copmap::reliability {

struct LoadOptions {
  std::string address;          // "127.0.0.1:PORT"
  int clients = 64;             // threads, each calling in a loop
  int connections = 64;         // gRPC channels the clients share round-robin
  std::chrono::milliseconds duration{std::chrono::seconds(10)};
  int64_t people = 0;           // Person ids 1..people
  double write_fraction = 0.1;
  uint64_t seed = 20261123;
};

struct LoadTally {
  uint64_t reads = 0;           // answered reads
  uint64_t writes = 0;          // acknowledged writes
  std::vector<double> read_ms;  // latency of each answered read
  std::vector<double> write_ms;
  uint64_t conflicts = 0;       // writes that lost a conflict and were retried
  uint64_t shed = 0;            // calls refused with ResourceExhausted
  std::string shed_message;     // one of them
  std::map<std::string, uint64_t> errors;  // any other failure, by kind
  std::string first_error;
  uint64_t connect_failures = 0;
  double seconds = 0;           // wall time of the run
};

LoadTally RunLoad(const LoadOptions& options);

// Nearest-rank percentile (p in 0..100) of `ms`; 0 when empty.
double Percentile(std::vector<double> ms, double p);

}  // namespace copmap::reliability
