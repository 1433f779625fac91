// Process-wide settings of the libraries under gRPC, applied once by whatever
// starts gRPC in this process (the server, the remote client, the benchmark).
#pragma once

namespace copmap::server {

// Turns off Abseil's lock-order (deadlock) bookkeeping. Debian builds Abseil
// without NDEBUG, so by default every absl::Mutex lock and unlock inside gRPC
// records lock-order edges in one process-wide graph under a global lock (and
// aborts on a cycle). That is a debugging aid; on a server doing thousands of
// calls per second it is a shared hot spot (GraphCycles showed in the
// profile). Idempotent and thread-safe; call before the first gRPC object.
void UseReleaseModeAbseilMutexes();

}  // namespace copmap::server
