#include "server/export_call.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include "storage/interchange/exporter.h"
#include "storage/interchange/graphml_exporter.h"

namespace copmap::server {
namespace {

// A private temporary directory, removed with the object.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "copmap-export-XXXXXX").string();
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace

ExportCall::ExportCall(ServiceState* state, grpc::CallbackServerContext* context,
                       const v1::ExportRequest* request)
    : ChunkCall(state, context, Method::kExport), request_(request) {
  Start();
}

Status ExportCall::Produce() {
  // The exporter writes files; they go to a private temporary directory (not
  // memory) and are streamed from there file by file, chunk by chunk.
  TempDir temp;
  if (temp.path().empty()) return Status::IOError("cannot create a temporary directory for the export");
  interchange::ExportSummary summary;
  switch (request_->format()) {
    case v1::EXPORT_FORMAT_UNSPECIFIED:
    case v1::EXPORT_FORMAT_CSV:
      COPMAP_RETURN_IF_ERROR(
          interchange::ExportCsv(state_->engine->store(), temp.path() + "/csv", &summary));
      break;
    case v1::EXPORT_FORMAT_JSONL:
      COPMAP_RETURN_IF_ERROR(interchange::ExportJsonl(state_->engine->store(),
                                                      temp.path() + "/graph.jsonl", &summary));
      break;
    case v1::EXPORT_FORMAT_GRAPHML:
      COPMAP_RETURN_IF_ERROR(interchange::ExportGraphml(state_->engine->store(),
                                                        temp.path() + "/graph.graphml", &summary));
      break;
    default:
      return Status::InvalidArgument("unknown export format " +
                                     std::to_string(static_cast<int>(request_->format())) +
                                     "; use EXPORT_FORMAT_CSV, EXPORT_FORMAT_JSONL or "
                                     "EXPORT_FORMAT_GRAPHML");
  }
  std::vector<char> buffer(kChunkBytes);
  for (const std::string& file : summary.files) {
    const std::filesystem::path path(file);
    std::ifstream in(path.is_absolute() ? path : std::filesystem::path(temp.path()) / path,
                     std::ios::binary);
    if (!in) return Status::IOError("cannot read the exported file " + path.filename().string());
    const std::string name = path.filename().string();
    bool first = true;
    while (first || in) {
      in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      const std::string_view bytes(buffer.data(), static_cast<size_t>(in.gcount()));
      if (bytes.empty() && !first) break;
      // Every chunk names its file, so a client can write chunks as they come.
      COPMAP_RETURN_IF_ERROR(SendBytes(bytes, [&](v1::ExportChunk* chunk) {
        chunk->set_file_name(name);
      }));
      first = false;
    }
    if (in.bad()) return Status::IOError("error reading the exported file " + name);
  }
  return Status::OK();
}

}  // namespace copmap::server
