// The one place where copmap Status and gRPC status meet.
//
//   SyntaxError, SemanticError, TypeError,
//   ParameterMissing, InvalidArgument      -> INVALID_ARGUMENT
//   ConstraintError                        -> FAILED_PRECONDITION
//   Conflict                               -> ABORTED
//   EntityNotFound, NotFound               -> NOT_FOUND
//   ResourceExhausted                      -> RESOURCE_EXHAUSTED
//   Timeout                                -> DEADLINE_EXCEEDED
//   Cancelled                              -> CANCELLED
//   PermissionDenied                       -> PERMISSION_DENIED
//   NotSupported                           -> UNIMPLEMENTED
//   Corruption                             -> DATA_LOSS
//   IOError, Internal                      -> INTERNAL
//   (no or unknown token)                  -> UNAUTHENTICATED
//
// Every error also carries, in its binary details (the
// `grpc-status-details-bin` trailer), a google.rpc.Status holding one
// copmap.v1.ErrorDetail: kind, openCypher detail name, line, column, message.
#pragma once

#include <grpcpp/support/status.h>

#include <string>

#include "copmap.pb.h"
#include "storage/status.h"

namespace copmap::server {

grpc::Status ToGrpcStatus(const Status& status);
grpc::Status UnauthenticatedStatus(const std::string& message);

// The structured detail of a copmap error; `kind` is Status::CodeName, line
// and column come from a leading "line:column: " in the message, and
// cypher_detail from an openCypher TCK detail name the message mentions.
v1::ErrorDetail MakeErrorDetail(const Status& status);

// Reads the ErrorDetail back from a gRPC status (client side); nullopt-like
// false when the status carries none.
bool ExtractErrorDetail(const grpc::Status& status, v1::ErrorDetail* detail);

// Client side: a gRPC status as a copmap Status. Uses the ErrorDetail's kind
// when present, so a remote SyntaxError is a SyntaxError with the same text;
// otherwise maps the gRPC code back (UNAVAILABLE and the like -> IOError).
Status FromGrpcStatus(const grpc::Status& status);

}  // namespace copmap::server
