// A copmap gRPC client in C++: runs one query on a `copmap serve` server and
// prints the result as tab-separated lines (a header, one line per row, then
// a "# N rows in T us" summary). On an error it prints the gRPC status and the
// server's message on stderr and exits 1.
//
//   copmap_cpp_client --target 127.0.0.1:7688 [--token TOKEN] [--tls-ca ca.pem] \
//       --query 'MATCH (p:Person)-[:EXPERT_IN]->(:Domain {name: $d}) RETURN p.name' \
//       --param d=kubernetes
//
// It uses only the stubs generated from proto/copmap.proto (CMake target
// copmap_proto) and gRPC's C++ library: the whole client is this file.
#include <grpcpp/grpcpp.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "copmap.grpc.pb.h"

namespace {

std::string Text(const copmap::v1::Value& v);

std::string MapText(const copmap::v1::ValueMap& m) {
  std::string out = "{";
  for (int i = 0; i < m.entries_size(); ++i) {
    out += (i ? ", " : "") + m.entries(i).key() + ": " + Text(m.entries(i).value());
  }
  return out + "}";
}

std::string NodeText(const copmap::v1::Node& n) {
  std::string out = "(";
  for (const std::string& label : n.labels()) out += ":" + label;
  return out + " " + MapText(n.properties()) + ")";
}

// One value as text: strings bare, dates as day numbers since 1970 (a real
// client would format them), nodes and relationships with their properties.
std::string Text(const copmap::v1::Value& v) {
  using K = copmap::v1::Value;
  switch (v.kind_case()) {
    case K::kBoolValue: return v.bool_value() ? "true" : "false";
    case K::kIntValue: return std::to_string(v.int_value());
    case K::kFloatValue: {
      std::ostringstream s;
      s << v.float_value();
      return s.str();
    }
    case K::kStringValue: return v.string_value();
    case K::kDateValue: return "date(" + std::to_string(v.date_value().days()) + ")";
    case K::kDatetimeValue: return "datetime(" + std::to_string(v.datetime_value().micros()) + ")";
    case K::kListValue: {
      std::string out = "[";
      for (int i = 0; i < v.list_value().values_size(); ++i) {
        out += (i ? ", " : "") + Text(v.list_value().values(i));
      }
      return out + "]";
    }
    case K::kMapValue: return MapText(v.map_value());
    case K::kNodeValue: return NodeText(v.node_value());
    case K::kRelationshipValue: return "[:" + v.relationship_value().type() + "]";
    case K::kPathValue: return "<path of " + std::to_string(v.path_value().relationships_size()) + ">";
    default: return "null";
  }
}

// name=value: an integer, a float, true/false, or else a string.
void AddParam(const std::string& pair, copmap::v1::QueryRequest* request) {
  size_t eq = pair.find('=');
  std::string name = pair.substr(0, eq), raw = eq == std::string::npos ? "" : pair.substr(eq + 1);
  copmap::v1::MapEntry* entry = request->mutable_parameters()->add_entries();
  entry->set_key(name);
  copmap::v1::Value* value = entry->mutable_value();
  char* end = nullptr;
  long long integer = std::strtoll(raw.c_str(), &end, 10);
  if (!raw.empty() && *end == '\0') return value->set_int_value(integer);
  double real = std::strtod(raw.c_str(), &end);
  if (!raw.empty() && *end == '\0') return value->set_float_value(real);
  if (raw == "true" || raw == "false") return value->set_bool_value(raw == "true");
  value->set_string_value(raw);
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

int Usage() {
  std::cerr << "usage: copmap_cpp_client --target HOST:PORT --query TEXT [--param NAME=VALUE]... "
               "[--token TOKEN] [--tls-ca CA.pem]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string target, token, tls_ca;
  copmap::v1::QueryRequest request;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--target") target = value;
    else if (flag == "--token") token = value;
    else if (flag == "--tls-ca") tls_ca = value;
    else if (flag == "--query") request.set_query(value);
    else if (flag == "--param") AddParam(value, &request);
    else return Usage();
  }
  if (argc % 2 == 0 || target.empty() || request.query().empty()) return Usage();

  auto credentials = grpc::InsecureChannelCredentials();
  if (!tls_ca.empty()) {
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = ReadFile(tls_ca);
    credentials = grpc::SslCredentials(ssl);
  }
  auto stub = copmap::v1::Copmap::NewStub(grpc::CreateChannel(target, credentials));

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
  if (!token.empty()) context.AddMetadata("authorization", "Bearer " + token);
  auto stream = stub->Query(&context, request);
  copmap::v1::QueryResponse message;
  while (stream->Read(&message)) {  // a header, row batches, then the summary
    if (message.has_header()) {
      std::string line;
      for (const std::string& c : message.header().columns()) line += (line.empty() ? "" : "\t") + c;
      std::cout << line << "\n";
    }
    for (const auto& row : message.rows()) {
      std::string line;
      for (int i = 0; i < row.values_size(); ++i) line += (i ? "\t" : "") + Text(row.values(i));
      std::cout << line << "\n";
    }
    if (message.has_summary()) {
      std::cout << "# " << message.summary().row_count() << " rows in "
                << message.summary().elapsed_micros() << " us\n";
    }
  }
  grpc::Status status = stream->Finish();
  if (!status.ok()) {
    std::cerr << "error " << status.error_code() << ": " << status.error_message() << "\n";
    return 1;
  }
  return 0;
}
