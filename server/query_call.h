// QueryCall: one Copmap.Query stream, from request to summary.
//
// The handler constructs it on a gRPC thread: it authenticates the caller,
// reads the parameters and hands the query to the WorkerPool (or finishes at
// once with RESOURCE_EXHAUSTED when the pool is full). On the worker it checks
// whether the statement writes (a write needs `writer`), runs it through the
// Engine with this object as the RowSink, and streams rows in batches through
// WorkerStream's flow control. The client's cancellation and deadline reach
// the engine through QueryOptions::cancel and QueryOptions::timeout.
//
// The fast path: a statement the server has seen run as a quick, small read
// (FastReads) runs right on the gRPC thread, read-only, under a worker slot
// of the pool (so the concurrency limit still holds) and capped at
// kInlineCap; its whole answer goes out as one message. When the run hits the
// cap or its rows would need a second message, nothing has been sent yet: the
// statement is forgotten as fast and a worker runs it afresh.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "copmap.grpc.pb.h"
#include "query/engine.h"
#include "server/service_state.h"
#include "server/worker_stream.h"

namespace copmap::server {

class QueryCall final : public WorkerStream<v1::QueryResponse>, private query::RowSink {
 public:
  QueryCall(ServiceState* state, grpc::CallbackServerContext* context,
            const v1::QueryRequest* request);

 private:
  void Run();  // on a worker thread
  // On the gRPC thread; true when the call is finished, false when a worker
  // must run it (nothing was sent).
  bool RunInline();
  query::QueryOptions MakeOptions(std::chrono::milliseconds budget, bool read_only) const;
  void FinishWithSummary(const query::QuerySummary& summary);
  // The time the query may run: the earliest of the request's timeout, the
  // call's deadline and the server's limits. Zero or less: already expired.
  std::chrono::milliseconds Budget() const;
  void Finish(const grpc::Status& status, bool with_summary);

  Status OnHeader(const std::vector<std::string>& columns) override;
  Status OnRow(const std::vector<Value>& row) override;
  Status Flush();

  ServiceState* state_;
  grpc::CallbackServerContext* context_;
  CallRecord record_;
  std::string text_;
  ValueMap params_;
  bool read_only_;
  bool include_plan_;
  uint32_t timeout_ms_;
  uint64_t max_rows_;
  uint32_t batch_rows_;
  size_t batch_bytes_;

  v1::QueryResponse pending_;  // built by the worker, sent by Flush()
  size_t pending_bytes_ = 0;
  uint64_t rows_ = 0;
  bool flushed_ = false;         // a message went out before the summary
  bool inline_ = false;          // running on the gRPC thread (RunInline)
  bool inline_overflow_ = false; // the inline run's rows needed a second message
  bool holds_reserved_slot_ = false;  // a pool slot taken for RunInline
};

}  // namespace copmap::server
