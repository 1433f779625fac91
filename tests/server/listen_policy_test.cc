// Where the server may listen, and with what protection.
#include "server/listen_policy.h"

#include <gtest/gtest.h>

namespace copmap::server {
namespace {

TEST(ListenPolicyTest, SplitsHostAndPort) {
  std::string host;
  int port = -1;
  ASSERT_TRUE(SplitHostPort("127.0.0.1:7688", &host, &port).ok());
  EXPECT_EQ(host, "127.0.0.1");
  EXPECT_EQ(port, 7688);
  ASSERT_TRUE(SplitHostPort("[::1]:0", &host, &port).ok());
  EXPECT_EQ(host, "::1");
  EXPECT_EQ(port, 0);
  EXPECT_EQ(SplitHostPort("localhost:99999", &host, &port).ToString(),
            "InvalidArgument: listen address 'localhost:99999': port '99999' is not a number in "
            "0..65535");
  EXPECT_EQ(SplitHostPort("::1:80", &host, &port).ToString(),
            "InvalidArgument: listen address '::1:80': expected host:port (IPv6 as [addr]:port)");
  EXPECT_FALSE(SplitHostPort(":80", &host, &port).ok());
  EXPECT_FALSE(SplitHostPort("[::1]80", &host, &port).ok());
}

TEST(ListenPolicyTest, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("127.1.2.3"));
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("127.0.0.1.evil.com"));
  EXPECT_FALSE(IsLoopbackHost("127.0.0.256"));
  EXPECT_FALSE(IsLoopbackHost("10.0.0.1"));
  EXPECT_FALSE(IsLoopbackHost("::"));
}

TEST(ListenPolicyTest, BeyondLoopbackNeedsTlsAndTokensOrInsecure) {
  ServerOptions o;
  o.listen = "127.0.0.1:0";
  EXPECT_TRUE(CheckListenPolicy(o).ok());
  o.listen = "0.0.0.0:7688";
  EXPECT_EQ(CheckListenPolicy(o).ToString(),
            "InvalidArgument: refusing to listen on 0.0.0.0:7688 (not loopback) without TLS "
            "(--tls-cert/--tls-key) and tokens (--tokens); add them, or pass --insecure to "
            "accept the risk");
  o.tokens_file = "t";
  EXPECT_EQ(CheckListenPolicy(o).ToString(),
            "InvalidArgument: refusing to listen on 0.0.0.0:7688 (not loopback) without TLS "
            "(--tls-cert/--tls-key); add them, or pass --insecure to accept the risk");
  o.tls_cert_file = "c";
  o.tls_key_file = "k";
  EXPECT_TRUE(CheckListenPolicy(o).ok());
  o.tokens_file.clear();
  EXPECT_FALSE(CheckListenPolicy(o).ok());
  o.insecure = true;
  EXPECT_TRUE(CheckListenPolicy(o).ok());
}

TEST(ListenPolicyTest, TlsFlagsComeInPairs) {
  ServerOptions o;
  o.listen = "127.0.0.1:0";
  o.tls_cert_file = "c";
  EXPECT_EQ(CheckListenPolicy(o).ToString(),
            "InvalidArgument: TLS needs both --tls-cert and --tls-key");
  o.tls_cert_file.clear();
  o.tls_client_ca_file = "ca";
  EXPECT_EQ(CheckListenPolicy(o).ToString(),
            "InvalidArgument: --tls-client-ca needs --tls-cert and --tls-key");
}

}  // namespace
}  // namespace copmap::server
