// copmap Status -> gRPC status with a structured detail, and back.
#include "server/error_mapping.h"

#include <gtest/gtest.h>

namespace copmap::server {
namespace {

TEST(ErrorMappingTest, CodesMapAsDocumented) {
  struct Case {
    Status status;
    grpc::StatusCode code;
  };
  const Case cases[] = {
      {Status::SyntaxError("1:1: x"), grpc::StatusCode::INVALID_ARGUMENT},
      {Status::SemanticError("x"), grpc::StatusCode::INVALID_ARGUMENT},
      {Status::TypeError("x"), grpc::StatusCode::INVALID_ARGUMENT},
      {Status::ParameterMissing("x"), grpc::StatusCode::INVALID_ARGUMENT},
      {Status::InvalidArgument("x"), grpc::StatusCode::INVALID_ARGUMENT},
      {Status::ConstraintError("x"), grpc::StatusCode::FAILED_PRECONDITION},
      {Status::Conflict("x"), grpc::StatusCode::ABORTED},
      {Status::EntityNotFound("x"), grpc::StatusCode::NOT_FOUND},
      {Status::NotFound("x"), grpc::StatusCode::NOT_FOUND},
      {Status::ResourceExhausted("x"), grpc::StatusCode::RESOURCE_EXHAUSTED},
      {Status::Timeout("x"), grpc::StatusCode::DEADLINE_EXCEEDED},
      {Status::Cancelled("x"), grpc::StatusCode::CANCELLED},
      {Status::PermissionDenied("x"), grpc::StatusCode::PERMISSION_DENIED},
      {Status::NotSupported("x"), grpc::StatusCode::UNIMPLEMENTED},
      {Status::Corruption("x"), grpc::StatusCode::DATA_LOSS},
      {Status::IOError("x"), grpc::StatusCode::INTERNAL},
      {Status::Internal("x"), grpc::StatusCode::INTERNAL},
  };
  for (const Case& c : cases) {
    grpc::Status g = ToGrpcStatus(c.status);
    EXPECT_EQ(g.error_code(), c.code) << c.status.ToString();
    EXPECT_EQ(g.error_message(), c.status.ToString());
    // Back on the client, the kind and message are restored exactly.
    Status back = FromGrpcStatus(g);
    EXPECT_EQ(back.code(), c.status.code()) << c.status.ToString();
    EXPECT_EQ(back.ToString(), c.status.ToString());
  }
  EXPECT_TRUE(ToGrpcStatus(Status::OK()).ok());
}

TEST(ErrorMappingTest, SyntaxErrorCarriesPositionAndDetail) {
  const Status syntax = Status::SyntaxError(
      "2:14: UnexpectedSyntax: expected ')'\n  MATCH (p:Person\n             ^");
  grpc::Status g = ToGrpcStatus(syntax);
  v1::ErrorDetail detail;
  ASSERT_TRUE(ExtractErrorDetail(g, &detail));
  EXPECT_EQ(detail.kind(), "SyntaxError");
  EXPECT_EQ(detail.cypher_detail(), "UnexpectedSyntax");
  EXPECT_EQ(detail.line(), 2u);
  EXPECT_EQ(detail.column(), 14u);
  EXPECT_EQ(detail.message(), syntax.message());
}

TEST(ErrorMappingTest, NoPositionOrDetailWhenTheMessageHasNone) {
  v1::ErrorDetail detail = MakeErrorDetail(Status::ConstraintError("Person.email 'a' exists"));
  EXPECT_EQ(detail.kind(), "ConstraintError");
  EXPECT_EQ(detail.line(), 0u);
  EXPECT_EQ(detail.column(), 0u);
  EXPECT_EQ(detail.cypher_detail(), "");
  // A name inside a longer word is not a detail name.
  EXPECT_EQ(MakeErrorDetail(Status::SemanticError("NotUndefinedVariables")).cypher_detail(), "");
  EXPECT_EQ(MakeErrorDetail(Status::ParameterMissing("$who")).cypher_detail(), "MissingParameter");
}

TEST(ErrorMappingTest, UnauthenticatedHasItsOwnKind) {
  grpc::Status g = UnauthenticatedStatus("no token");
  EXPECT_EQ(g.error_code(), grpc::StatusCode::UNAUTHENTICATED);
  v1::ErrorDetail detail;
  ASSERT_TRUE(ExtractErrorDetail(g, &detail));
  EXPECT_EQ(detail.kind(), "Unauthenticated");
  EXPECT_EQ(FromGrpcStatus(g).code(), Status::Code::kPermissionDenied);
}

TEST(ErrorMappingTest, PlainGrpcErrorsMapBack) {
  Status s = FromGrpcStatus(grpc::Status(grpc::StatusCode::UNAVAILABLE, "connect failed"));
  EXPECT_EQ(s.ToString(), "IOError: server unavailable: connect failed");
}

}  // namespace
}  // namespace copmap::server
