#include "server/query_call.h"

#include <algorithm>

#include "server/error_mapping.h"
#include "server/value_codec.h"

namespace copmap::server {
namespace {

// Room left in a message for the framing around the rows.
constexpr size_t kMessageOverhead = 64 << 10;

// The longest an inline run may hold the gRPC thread before it gives the
// statement to a worker (and the gRPC thread back to other calls).
constexpr std::chrono::milliseconds kInlineCap{20};

}  // namespace

QueryCall::QueryCall(ServiceState* state, grpc::CallbackServerContext* context,
                     const v1::QueryRequest* request)
    : state_(state),
      context_(context),
      record_(state, context, Method::kQuery),
      text_(request->query()),
      read_only_(request->read_only()),
      include_plan_(request->include_plan()),
      timeout_ms_(request->timeout_ms()) {
  const ServerOptions& o = state->options;
  max_rows_ = request->max_rows() == 0 ? o.max_rows_per_query
                                       : std::min(request->max_rows(), o.max_rows_per_query);
  batch_rows_ = request->batch_size() == 0 ? o.batch_rows : std::min(request->batch_size(), 65536u);
  const size_t message_room = static_cast<size_t>(o.max_message_bytes) > 2 * kMessageOverhead
                                  ? static_cast<size_t>(o.max_message_bytes) - kMessageOverhead
                                  : static_cast<size_t>(o.max_message_bytes) / 2;
  batch_bytes_ = std::min<size_t>(o.batch_bytes, message_room);

  grpc::Status admitted = record_.Admit();
  if (!admitted.ok()) {
    Finish(admitted, false);
    return;
  }
  Result<ValueMap> params = FromProto(request->parameters(), "parameters");
  if (!params.ok()) {
    Finish(ToGrpcStatus(params.status()), false);
    return;
  }
  params_ = std::move(params).value();
  const bool fast = o.inline_fast_reads && !include_plan_ && state->fast_reads.Contains(text_);
  if (fast && state->pool.TryReserve()) {
    holds_reserved_slot_ = true;
    if (RunInline()) return;
    holds_reserved_slot_ = false;  // the worker's task takes the slot over
    if (!state->pool.SubmitReserved([this] { Run(); })) Finish(record_.Busy(), false);
    return;
  }
  if (!state->pool.TrySubmit([this] { Run(); })) Finish(record_.Busy(), false);
}

query::QueryOptions QueryCall::MakeOptions(std::chrono::milliseconds budget, bool read_only) const {
  query::QueryOptions options;
  options.params = params_;
  // The role check is the gate; read_only is the engine's own second guard so
  // that nothing a reader sends can write.
  options.read_only = read_only || read_only_ || record_.principal().role < Role::kWriter;
  options.max_rows = max_rows_;
  options.timeout = budget;
  options.cancel = cancel_flag();
  options.profile = include_plan_;
  return options;
}

bool QueryCall::RunInline() {
  const std::chrono::milliseconds budget = Budget();
  if (budget.count() <= 0) return false;  // the worker reports the expired deadline
  inline_ = true;
  Result<query::QuerySummary> summary =
      state_->engine->Execute(text_, MakeOptions(std::min(budget, kInlineCap), true), *this);
  inline_ = false;
  if (summary.ok()) {
    state_->fast_reads.Observe(text_, summary->elapsed, /*one_message=*/true);
    FinishWithSummary(*summary);
    return true;
  }
  const bool capped = summary.status().code() == Status::Code::kTimeout && budget > kInlineCap;
  if (!capped && !inline_overflow_) {
    Finish(ToGrpcStatus(summary.status()), false);
    return true;
  }
  state_->fast_reads.Forget(text_);
  pending_.Clear();
  pending_bytes_ = 0;
  rows_ = 0;
  inline_overflow_ = false;
  return false;
}

std::chrono::milliseconds QueryCall::Budget() const {
  using std::chrono::milliseconds;
  const ServerOptions& o = state_->options;
  milliseconds budget = timeout_ms_ == 0 ? o.default_timeout : milliseconds(timeout_ms_);
  budget = std::min(budget, o.max_timeout);
  const auto deadline = context_->deadline();
  if (deadline != std::chrono::system_clock::time_point::max()) {
    const auto left = std::chrono::duration_cast<milliseconds>(
        deadline - std::chrono::system_clock::now());
    budget = std::min(budget, left);
  }
  return budget;
}

void QueryCall::Run() {
  Result<bool> writes = state_->engine->IsWrite(text_);
  if (!writes.ok()) return Finish(ToGrpcStatus(writes.status()), false);
  if (*writes) {
    grpc::Status allowed = record_.Require(Role::kWriter, "run a query that writes");
    if (!allowed.ok()) return Finish(allowed, false);
    if (read_only_) {
      return Finish(ToGrpcStatus(Status::PermissionDenied(
                        "the request is read_only but the query writes")),
                    false);
    }
  }
  const std::chrono::milliseconds budget = Budget();
  if (budget.count() <= 0) {
    return Finish(ToGrpcStatus(Status::Timeout("the call's deadline passed before the query ran")),
                  false);
  }
  Result<query::QuerySummary> summary =
      state_->engine->Execute(text_, MakeOptions(budget, false), *this);
  if (!summary.ok()) {
    Status error = summary.status();
    // A call cancelled by gRPC because its deadline passed reports the deadline.
    if (error.code() == Status::Code::kCancelled &&
        context_->deadline() <= std::chrono::system_clock::now()) {
      error = Status::Timeout("the call's deadline passed while the query ran");
    }
    return Finish(ToGrpcStatus(error), false);
  }
  if (!*writes) state_->fast_reads.Observe(text_, summary->elapsed, /*one_message=*/!flushed_);
  FinishWithSummary(*summary);
}

void QueryCall::FinishWithSummary(const query::QuerySummary& summary) {
  v1::Summary* out = pending_.mutable_summary();
  const query::QueryCounters& c = summary.counters;
  v1::Counters* counters = out->mutable_counters();
  counters->set_nodes_created(c.nodes_created);
  counters->set_nodes_deleted(c.nodes_deleted);
  counters->set_relationships_created(c.relationships_created);
  counters->set_relationships_deleted(c.relationships_deleted);
  counters->set_properties_set(c.properties_set);
  counters->set_labels_added(c.labels_added);
  counters->set_labels_removed(c.labels_removed);
  counters->set_indexes_added(c.indexes_added);
  counters->set_indexes_removed(c.indexes_removed);
  counters->set_contains_updates(c.ContainsUpdates());
  out->set_elapsed_micros(static_cast<uint64_t>(summary.elapsed.count()));
  out->set_plan(summary.plan);
  out->set_row_count(rows_);
  Finish(grpc::Status::OK, true);
}

void QueryCall::Finish(const grpc::Status& status, bool with_summary) {
  AwaitWritten();
  if (holds_reserved_slot_) {
    holds_reserved_slot_ = false;
    state_->pool.Unreserve();
  }
  record_.Finished(status, rows_);
  // Close() may delete this object: nothing may follow it.
  Close(status, with_summary ? &pending_ : nullptr);
}

Status QueryCall::OnHeader(const std::vector<std::string>& columns) {
  v1::Header* header = pending_.mutable_header();
  for (const std::string& column : columns) header->add_columns(column);
  return Status::OK();
}

Status QueryCall::OnRow(const std::vector<Value>& row) {
  v1::Row* out = pending_.add_rows();
  out->mutable_values()->Reserve(static_cast<int>(row.size()));
  for (const Value& value : row) ToProto(value, out->add_values());
  const size_t row_bytes = out->ByteSizeLong();
  if (row_bytes + kMessageOverhead / 2 > static_cast<size_t>(state_->options.max_message_bytes)) {
    return Status::ResourceExhausted("row " + std::to_string(rows_ + 1) + " takes " +
                                     std::to_string(row_bytes) +
                                     " bytes, more than the server's max message size (" +
                                     std::to_string(state_->options.max_message_bytes) + ")");
  }
  ++rows_;
  pending_bytes_ += row_bytes;
  if (static_cast<uint32_t>(pending_.rows_size()) >= batch_rows_ || pending_bytes_ >= batch_bytes_) {
    if (inline_) {
      // More than one message: the worker path, with its flow control, runs it.
      inline_overflow_ = true;
      return Status::Cancelled("the answer needs more than one message");
    }
    return Flush();
  }
  return Status::OK();
}

Status QueryCall::Flush() {
  pending_bytes_ = 0;
  flushed_ = true;
  if (!Send(std::move(pending_))) {
    return Status::Cancelled("the client cancelled the call or stopped reading");
  }
  pending_.Clear();
  return Status::OK();
}

}  // namespace copmap::server
