// ImportCall: one Copmap.Import stream (client streaming).
//
// The call takes a worker at once (or fails with RESOURCE_EXHAUSTED). The
// worker drives the reads: it asks for the next chunk, waits (on the worker,
// never in a reaction) for OnReadDone, and appends the bytes to a file of a
// private temporary directory, so an upload is never held in memory. When
// the client half-closes, the files go to the CSV importer in one all-or-
// nothing load; the temporary directory is removed in every case. Client
// file names are plain names only (no paths); chunks of one file must be
// consecutive; the total upload is capped by ServerOptions::max_import_bytes.
#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "copmap.grpc.pb.h"
#include "server/service_state.h"

namespace copmap::server {

class ImportCall final : public grpc::ServerReadReactor<v1::ImportRequest> {
 public:
  ImportCall(ServiceState* state, grpc::CallbackServerContext* context,
             v1::ImportResponse* response);

  void OnReadDone(bool ok) override;
  void OnCancel() override;
  void OnDone() override { delete this; }

 private:
  void Run();  // on a worker thread
  // Worker: reads the next message into request_; false at the end of the
  // stream or when the call was cancelled.
  bool Next();
  // Worker: receives every chunk into files under `dir`.
  Status Receive(const std::string& dir, std::vector<std::string>* paths);
  Status Load(const std::string& dir, const std::vector<std::string>& paths);
  void Finish(const grpc::Status& status);

  ServiceState* state_;
  CallRecord record_;
  v1::ImportResponse* response_;
  v1::ImportRequest request_;

  std::mutex mu_;
  std::condition_variable cv_;
  bool read_pending_ = false;
  bool read_ok_ = false;
  bool cancelled_ = false;
};

}  // namespace copmap::server
