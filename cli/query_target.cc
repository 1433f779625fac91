#include "cli/query_target.h"

#include "cli/command.h"

namespace copmap::cli {

Result<std::unique_ptr<QueryTarget>> QueryTarget::Open(const TargetOptions& options) {
  auto target = std::unique_ptr<QueryTarget>(new QueryTarget);
  if (!options.remote.empty()) {
    server::RemoteOptions remote;
    remote.target = options.remote;
    remote.token = options.token;
    COPMAP_ASSIGN_OR_RETURN(target->remote_, server::RemoteClient::Connect(remote));
  } else {
    COPMAP_ASSIGN_OR_RETURN(auto store, OpenStore(options.db, /*create=*/false));
    target->engine_ = query::Engine::Wrap(std::move(store));
  }
  return target;
}

Result<query::QuerySummary> QueryTarget::Execute(std::string_view text,
                                                 const query::QueryOptions& options,
                                                 query::RowSink& sink) {
  if (remote_) return remote_->Execute(text, options, sink);
  return engine_->Execute(text, options, sink);
}

}  // namespace copmap::cli
