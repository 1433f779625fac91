#include "server/import_call.h"

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <set>

#include "server/error_mapping.h"

#include "storage/interchange/csv_importer.h"

namespace copmap::server {
namespace {

// Replaces every occurrence of the private directory in importer messages, so
// errors name the client's own files ("persons.csv:3: ...").
std::string HideDir(std::string text, const std::string& dir) {
  const std::string prefix = dir + "/";
  for (size_t at = text.find(prefix); at != std::string::npos; at = text.find(prefix, at)) {
    text.erase(at, prefix.size());
  }
  return text;
}

}  // namespace

ImportCall::ImportCall(ServiceState* state, grpc::CallbackServerContext* context,
                       v1::ImportResponse* response)
    : state_(state), record_(state, context, Method::kImport), response_(response) {
  grpc::Status admitted = record_.Admit();
  if (!admitted.ok()) {
    Finish(admitted);
    return;
  }
  if (!state->pool.TrySubmit([this] { Run(); })) Finish(record_.Busy());
}

void ImportCall::OnReadDone(bool ok) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    read_pending_ = false;
    read_ok_ = ok;
  }
  cv_.notify_all();
}

void ImportCall::OnCancel() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    cancelled_ = true;
  }
  cv_.notify_all();
}

bool ImportCall::Next() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (cancelled_) return false;
    read_pending_ = true;
  }
  StartRead(&request_);
  std::unique_lock<std::mutex> lock(mu_);
  cv_.wait(lock, [this] { return !read_pending_ || cancelled_; });
  // After a cancellation a read may still be outstanding; Finish() waits for
  // it inside gRPC before OnDone, so request_ stays valid.
  return !read_pending_ && read_ok_ && !cancelled_;
}

Status ImportCall::Receive(const std::string& dir, std::vector<std::string>* paths) {
  std::set<std::string> finished;
  std::string current;
  std::ofstream out;
  uint64_t total = 0;
  while (Next()) {
    const std::string& name = request_.file_name();
    if (name != current) {
      if (!IsPlainFileName(name)) {
        return Status::InvalidArgument("import file name '" + name +
                                       "' must be a plain name of letters, digits, '.', '_' and '-'");
      }
      if (!current.empty()) {
        out.close();
        if (!out) return Status::IOError("cannot write the upload of " + current);
        finished.insert(current);
      }
      if (finished.count(name)) {
        return Status::InvalidArgument("chunks of " + name +
                                       " are not consecutive: send each file's chunks together");
      }
      current = name;
      paths->push_back(dir + "/" + name);
      out.open(paths->back(), std::ios::binary | std::ios::trunc);
      if (!out) return Status::IOError("cannot create a temporary file for " + name);
    }
    total += request_.data().size();
    if (total > state_->options.max_import_bytes) {
      return Status::ResourceExhausted("the upload exceeds the server's import limit of " +
                                       std::to_string(state_->options.max_import_bytes) + " bytes");
    }
    out.write(request_.data().data(), static_cast<std::streamsize>(request_.data().size()));
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (cancelled_) return Status::Cancelled("the client cancelled the import");
  }
  if (!current.empty()) {
    out.close();
    if (!out) return Status::IOError("cannot write the upload of " + current);
  }
  if (paths->empty()) return Status::InvalidArgument("the import stream held no files");
  return Status::OK();
}

Status ImportCall::Load(const std::string& dir, const std::vector<std::string>& paths) {
  interchange::ImportOptions options;
  options.paths = paths;
  interchange::ImportSummary summary;
  std::vector<std::string> errors;
  Status status = interchange::ImportCsv(state_->engine->store(), options, &summary, &errors);
  if (!status.ok()) {
    std::string message = HideDir(status.message(), dir);
    for (const std::string& error : errors) message += "\n" + HideDir(error, dir);
    if (status.code() == Status::Code::kInvalidArgument) return Status::InvalidArgument(message);
    return status.WithContext("import");
  }
  response_->set_nodes_created(summary.nodes);
  response_->set_relationships_created(summary.relationships);
  response_->set_files(static_cast<uint32_t>(summary.files));
  return Status::OK();
}

void ImportCall::Run() {
  const auto start = std::chrono::steady_clock::now();
  std::string pattern =
      (std::filesystem::temp_directory_path() / "copmap-import-XXXXXX").string();
  Status status;
  if (mkdtemp(pattern.data()) == nullptr) {
    status = Status::IOError("cannot create a temporary directory for the import");
  } else {
    std::vector<std::string> paths;
    status = Receive(pattern, &paths);
    if (status.ok()) status = Load(pattern, paths);
    std::error_code ec;
    std::filesystem::remove_all(pattern, ec);
  }
  response_->set_elapsed_micros(static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                            start)
          .count()));
  Finish(ToGrpcStatus(status));
}

void ImportCall::Finish(const grpc::Status& status) {
  record_.Finished(status);
  // May delete this object: nothing may follow.
  grpc::ServerReadReactor<v1::ImportRequest>::Finish(status);
}

}  // namespace copmap::server
