#include "server/render_call.h"

#include <algorithm>

#include "visualize/named_maps.h"

namespace copmap::server {

RenderCall::RenderCall(ServiceState* state, grpc::CallbackServerContext* context,
                       const v1::RenderRequest* request)
    : ChunkCall(state, context, Method::kRender),
      request_(request),
      context_deadline_(context->deadline()) {
  Start();
}

Status RenderCall::Produce() {
  visualize::RenderOptions render;
  if (!request_->format().empty()) {
    COPMAP_ASSIGN_OR_RETURN(render.format, visualize::ParseFormat(request_->format()));
  }
  if (!request_->layout().empty()) {
    COPMAP_ASSIGN_OR_RETURN(render.engine, visualize::ParseLayoutEngine(request_->layout()));
  }
  if (!request_->page().empty()) {
    COPMAP_ASSIGN_OR_RETURN(render.page, visualize::ParsePageSize(request_->page()));
  }
  render.landscape = request_->landscape();
  // Layout and queries get the same budget as a query: the server's default,
  // cut to the call's deadline.
  std::chrono::milliseconds budget = state_->options.default_timeout;
  const auto deadline = context_deadline_;
  if (deadline != std::chrono::system_clock::time_point::max()) {
    budget = std::min(budget, std::chrono::duration_cast<std::chrono::milliseconds>(
                                  deadline - std::chrono::system_clock::now()));
  }
  if (budget.count() <= 0) return Status::Timeout("the call's deadline passed before rendering");
  render.time_limit = budget;

  Result<visualize::RenderedMap> map = Status::Internal("not rendered");
  if (!request_->map().empty()) {
    visualize::MapRequest named;
    named.map = request_->map();
    named.argument = request_->argument();
    named.render = render;
    named.date = request_->date();
    if (request_->max_nodes() != 0) named.max_nodes = request_->max_nodes();
    named.query_timeout = budget;
    map = visualize::RenderNamedMap(*state_->engine, named);
  } else if (!request_->query().empty()) {
    // Render draws; it never writes, whatever the caller's role.
    COPMAP_ASSIGN_OR_RETURN(bool writes, state_->engine->IsWrite(request_->query()));
    if (writes) {
      return Status::PermissionDenied("Render draws read queries only; this query writes");
    }
    visualize::MapSpec spec;
    spec.title.date = request_->date();
    if (request_->max_nodes() != 0) spec.max_nodes = request_->max_nodes();
    map = visualize::RenderQueryMap(*state_->engine, request_->query(), render, spec);
  } else {
    return Status::InvalidArgument("Render needs a named map or a query");
  }
  if (!map.ok()) return map.status();
  const std::string media_type = map->media_type;
  const std::string title = map->title;
  return SendBytes(map->bytes, [&](v1::RenderChunk* chunk) {
    chunk->set_content_type(media_type);
    chunk->set_title(title);
  });
}

}  // namespace copmap::server
