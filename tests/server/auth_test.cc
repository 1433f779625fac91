// Tokens file parsing, hashing and lookup.
#include "server/auth.h"

#include <gtest/gtest.h>

#include "server/sha256.h"

namespace copmap::server {
namespace {

TEST(Sha256Test, KnownVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(TokenStoreTest, LooksUpPresentedTokensByHash) {
  const std::string text = "# copmap tokens\n\n" + Sha256Hex("r-secret") + " reader dashboards\n" +
                           "sha256:" + Sha256Hex("w-secret") + "\twriter\r\n" +
                           Sha256Hex("a-secret") + " admin ops  \n";
  Result<TokenStore> store = TokenStore::Parse(text, "tokens.txt");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ(store->size(), 3u);
  auto reader = store->Lookup("r-secret");
  ASSERT_TRUE(reader);
  EXPECT_EQ(reader->role, Role::kReader);
  EXPECT_EQ(reader->name, "dashboards");
  auto writer = store->Lookup("w-secret");
  ASSERT_TRUE(writer);
  EXPECT_EQ(writer->role, Role::kWriter);
  EXPECT_EQ(writer->name, "token-line-4");
  EXPECT_EQ(store->Lookup("a-secret")->role, Role::kAdmin);
  EXPECT_FALSE(store->Lookup("r-secreT"));
  EXPECT_FALSE(store->Lookup(""));
  // The file holds hashes: presenting the hash itself is not the token.
  EXPECT_FALSE(store->Lookup(Sha256Hex("r-secret")));
}

TEST(TokenStoreTest, BadLinesNameFileLineAndProblem) {
  auto err = [](const std::string& text) { return TokenStore::Parse(text, "t.txt").status(); };
  EXPECT_EQ(err("\nplain-token reader\n").ToString(),
            "InvalidArgument: t.txt:2: 'plain-token' is not a SHA-256 hash (64 lowercase hex "
            "digits; make one with `printf %s \"$TOKEN\" | sha256sum`)");
  EXPECT_EQ(err(Sha256Hex("x") + " root\n").ToString(),
            "InvalidArgument: t.txt:1: unknown role 'root' (expected reader, writer or admin)");
  EXPECT_EQ(err(Sha256Hex("x") + "\n").ToString(),
            "InvalidArgument: t.txt:1: expected '<sha256-hex> <role> [name]', got 1 fields");
  EXPECT_EQ(err(Sha256Hex("x") + " reader\n" + Sha256Hex("x") + " admin\n").ToString(),
            "InvalidArgument: t.txt:2: the same token appears twice");
}

TEST(TokenStoreTest, MissingFileIsAnIOError) {
  Result<TokenStore> store = TokenStore::LoadFile("/nonexistent/copmap/tokens");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), Status::Code::kIOError);
}

TEST(RoleTest, NamesRoundTrip) {
  for (Role role : {Role::kReader, Role::kWriter, Role::kAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_FALSE(ParseRole("none"));
  EXPECT_LT(Role::kReader, Role::kWriter);
  EXPECT_LT(Role::kWriter, Role::kAdmin);
}

}  // namespace
}  // namespace copmap::server
