#include "server/render_call.h"

namespace copmap::server {

RenderCall::RenderCall(ServiceState* state, grpc::CallbackServerContext* context,
                       const v1::RenderRequest* request)
    : ChunkCall(state, context, Method::kRender), request_(request) {
  Start();
}

Status RenderCall::Produce() {
  // visualize/ has the renderer (RenderMap) but not yet the map builder that
  // turns query results and named maps into a Map; until it lands the method
  // says so instead of drawing something half-styled.
  (void)request_;
  return Status::NotSupported(
      "Render is not available in this build: the map builder (visualize/map_builder.h) is "
      "not part of it yet");
}

}  // namespace copmap::server
