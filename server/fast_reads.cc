#include "server/fast_reads.h"

namespace copmap::server {

bool FastReads::Contains(std::string_view text) const {
  std::lock_guard<std::mutex> lock(mu_);
  return texts_.find(text) != texts_.end();
}

void FastReads::Observe(std::string_view text, std::chrono::microseconds elapsed,
                        bool one_message) {
  if (!one_message || elapsed >= kMaxInlineRun) return Forget(text);
  std::lock_guard<std::mutex> lock(mu_);
  if (texts_.size() >= kMaxStatements) texts_.clear();
  texts_.emplace(text);
}

void FastReads::Forget(std::string_view text) {
  std::lock_guard<std::mutex> lock(mu_);
  if (auto it = texts_.find(text); it != texts_.end()) texts_.erase(it);
}

}  // namespace copmap::server
