// Runs a piece of work in a forked child process, with a time limit.
//
// Used for Graphviz layouts: a layout that runs too long is killed, and a
// crash inside Graphviz ends the child, not the caller.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <string>

#include "storage/status.h"

namespace copmap::visualize {

// Forks; the child runs `work` and sends its bytes (or its error) back
// through a pipe, then ends with _exit (no destructors or atexit handlers of
// the parent run in the child). The parent reads until the child is done or
// `time_limit` has passed; then it kills the child (SIGKILL) and returns
// Timeout. A child killed by a signal gives Internal naming the signal.
// `fork_lock` is held while forking, so that no other thread of this
// process is inside the same library at that moment; the child must not
// take it (its copy may be held).
// Error codes survive the trip: the child's Status code and message are
// returned as they were.
Result<std::string> RunIsolated(const std::function<Result<std::string>()>& work,
                                std::chrono::milliseconds time_limit, std::mutex& fork_lock,
                                std::string_view what);

}  // namespace copmap::visualize
