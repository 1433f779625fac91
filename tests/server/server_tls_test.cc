// TLS end to end: a self-signed certificate made here with the openssl
// command, a server on 127.0.0.1 serving TLS with it, and clients that trust
// it (a query works), that do not speak TLS (refused), copmap's own
// RemoteClient (what `copmap query --remote --tls-ca` uses), and mutual TLS.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server/remote_client.h"
#include "tests/server/test_server.h"

namespace copmap::server::testing {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A fresh key and self-signed certificate for 127.0.0.1 and localhost.
class SelfSignedCert {
 public:
  SelfSignedCert() {
    std::string pattern = (std::filesystem::temp_directory_path() / "copmap-tls-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) ADD_FAILURE() << "mkdtemp failed";
    dir_ = pattern;
    const std::string command =
        "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost"
        " -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout " + key() + " -out " + cert() +
        " > " + dir_ + "/openssl.log 2>&1";
    const int status = std::system(command.c_str());
    if (status != 0) ADD_FAILURE() << "openssl failed: " << ReadAll(dir_ + "/openssl.log");
  }
  ~SelfSignedCert() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  std::string cert() const { return dir_ + "/cert.pem"; }
  std::string key() const { return dir_ + "/key.pem"; }

 private:
  std::string dir_;
};

class ServerTlsTest : public ::testing::Test {
 protected:
  // One key for the suite: making an RSA key is the slow part.
  static void SetUpTestSuite() { shared_cert = new SelfSignedCert; }
  static void TearDownTestSuite() {
    delete shared_cert;
    shared_cert = nullptr;
  }
  static ServerOptions TlsOptions(const SelfSignedCert& cert) {
    ServerOptions options;
    options.tls_cert_file = cert.cert();
    options.tls_key_file = cert.key();
    return options;
  }

  static SelfSignedCert* shared_cert;
  const SelfSignedCert& cert_ = *shared_cert;
  TestServer server_{TlsOptions(cert_)};
};

SelfSignedCert* ServerTlsTest::shared_cert = nullptr;

TEST_F(ServerTlsTest, ATrustingClientQueriesOverTls) {
  grpc::SslCredentialsOptions ssl;
  ssl.pem_root_certs = ReadAll(cert_.cert());
  auto stub = v1::Copmap::NewStub(grpc::CreateChannel(server_.target(), grpc::SslCredentials(ssl)));
  QueryOutcome out = RunQuery(*stub, kReaderToken, "RETURN 40 + 2 AS answer");
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_EQ(out.rows[0][0], Value(42));
}

TEST_F(ServerTlsTest, APlaintextClientIsRefused) {
  auto stub = server_.Stub();  // insecure channel credentials
  v1::QueryRequest request;
  QueryOutcome out = RunQuery(*stub, kReaderToken, "RETURN 1", {}, request);
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::UNAVAILABLE) << out.status.error_message();
  EXPECT_TRUE(out.rows.empty());
}

TEST_F(ServerTlsTest, AClientThatDoesNotTrustTheCertificateIsRefused) {
  // The system's roots do not include a certificate made a moment ago.
  auto stub = v1::Copmap::NewStub(
      grpc::CreateChannel(server_.target(), grpc::SslCredentials(grpc::SslCredentialsOptions())));
  QueryOutcome out = RunQuery(*stub, kReaderToken, "RETURN 1");
  EXPECT_EQ(out.status.error_code(), grpc::StatusCode::UNAVAILABLE) << out.status.error_message();
}

TEST_F(ServerTlsTest, RemoteClientConnectsWithTheCaFile) {
  RemoteOptions remote;
  remote.target = server_.target();
  remote.token = kReaderToken;
  remote.tls = true;
  remote.tls_ca_file = cert_.cert();
  auto client = RemoteClient::Connect(remote);
  ASSERT_TRUE(client.ok()) << client.status().ToString();
  auto result = (*client)->Run("RETURN 'over tls' AS how");
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(result->rows[0][0], Value("over tls"));
}

TEST_F(ServerTlsTest, MutualTlsNeedsAClientCertificateSignedByTheClientCa) {
  // The self-signed certificate doubles as the client CA and the client's
  // own certificate.
  ServerOptions options = TlsOptions(cert_);
  options.tls_client_ca_file = cert_.cert();
  TestServer mutual(options);
  grpc::SslCredentialsOptions with_cert;
  with_cert.pem_root_certs = ReadAll(cert_.cert());
  with_cert.pem_cert_chain = ReadAll(cert_.cert());
  with_cert.pem_private_key = ReadAll(cert_.key());
  auto stub = v1::Copmap::NewStub(grpc::CreateChannel(mutual.target(), grpc::SslCredentials(with_cert)));
  QueryOutcome out = RunQuery(*stub, kReaderToken, "RETURN 1 AS one");
  ASSERT_TRUE(out.status.ok()) << out.status.error_message();
  EXPECT_EQ(out.rows[0][0], Value(1));

  grpc::SslCredentialsOptions without_cert;
  without_cert.pem_root_certs = ReadAll(cert_.cert());
  auto refused =
      v1::Copmap::NewStub(grpc::CreateChannel(mutual.target(), grpc::SslCredentials(without_cert)));
  EXPECT_EQ(RunQuery(*refused, kReaderToken, "RETURN 1").status.error_code(),
            grpc::StatusCode::UNAVAILABLE);
}

}  // namespace
}  // namespace copmap::server::testing
