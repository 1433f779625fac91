#include "server/grpc_runtime.h"

#include <absl/synchronization/mutex.h>

namespace copmap::server {

void UseReleaseModeAbseilMutexes() {
  // A plain atomic store inside Abseil: safe to repeat from any thread.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
}

}  // namespace copmap::server
