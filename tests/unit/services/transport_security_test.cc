// The TLS and Kafka SSL options turned into credentials and librdkafka
// properties: what each flag maps to, and the messages a user gets for a
// file that cannot be read or a certificate without its key.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kafka/security.h"
#include "services/common/grpc_tls.h"

namespace warta {
namespace {

using ::testing::HasSubstr;

// A file with PEM-looking text in the test's temporary folder.
std::string WriteFile(const std::string& name) {
  const std::filesystem::path path = std::filesystem::path(::testing::TempDir()) / name;
  std::ofstream(path) << "-----BEGIN CERTIFICATE-----\nnot checked here\n";
  return path.string();
}

TEST(KafkaSecurityTest, PlaintextByDefault) {
  auto properties = kafka::SecurityProperties({});
  ASSERT_TRUE(properties.ok()) << properties.status();
  EXPECT_EQ(*properties, (std::map<std::string, std::string>{{"security.protocol", "plaintext"}}));
}

TEST(KafkaSecurityTest, SslFlagsMapToLibrdkafkaLocations) {
  kafka::SecurityOptions options{.protocol = "ssl",
                                 .ca_file = WriteFile("ca.crt"),
                                 .cert_file = WriteFile("client.crt"),
                                 .key_file = WriteFile("client.key")};
  auto properties = kafka::SecurityProperties(options);
  ASSERT_TRUE(properties.ok()) << properties.status();
  EXPECT_EQ(*properties, (std::map<std::string, std::string>{
                             {"security.protocol", "ssl"},
                             {"ssl.ca.location", options.ca_file},
                             {"ssl.certificate.location", options.cert_file},
                             {"ssl.key.location", options.key_file}}));
}

TEST(KafkaSecurityTest, RefusesWhatWouldSilentlyStayPlaintextOrFailLater) {
  auto unknown = kafka::SecurityProperties({.protocol = "TLS"});
  EXPECT_THAT(unknown.status().message(), HasSubstr("must be PLAINTEXT or SSL, not \"TLS\""));
  auto files_without_ssl = kafka::SecurityProperties({.ca_file = WriteFile("ca.crt")});
  EXPECT_THAT(files_without_ssl.status().message(),
              HasSubstr("need --kafka_security_protocol=SSL"));
  auto cert_only = kafka::SecurityProperties({.protocol = "SSL", .cert_file = WriteFile("c.crt")});
  EXPECT_EQ(cert_only.status().message(), "--kafka_ssl_cert needs --kafka_ssl_key");
  auto missing = kafka::SecurityProperties({.protocol = "SSL", .ca_file = "/nonexistent/ca.crt"});
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message(), "--kafka_ssl_ca: cannot read /nonexistent/ca.crt");
}

TEST(GrpcTlsTest, PlaintextWithoutFlagsTlsWithThem) {
  services::ServerTlsOptions none;
  EXPECT_TRUE(services::MakeServerCredentials(none).ok());
  EXPECT_EQ(services::DescribeTls(none), "plaintext");
  services::ServerTlsOptions tls{.cert_file = WriteFile("s.crt"), .key_file = WriteFile("s.key")};
  EXPECT_TRUE(services::MakeServerCredentials(tls).ok());
  EXPECT_EQ(services::DescribeTls(tls), "TLS");
  tls.client_ca_file = WriteFile("ca.crt");
  EXPECT_TRUE(services::MakeServerCredentials(tls).ok());
  EXPECT_EQ(services::DescribeTls(tls), "mutual TLS");
  EXPECT_TRUE(services::MakeChannelCredentials({.ca_file = WriteFile("ca.crt")}).ok());
}

TEST(GrpcTlsTest, NamesTheFlagAndPathOfAFileThatCannotBeRead) {
  auto server = services::MakeServerCredentials(
      {.cert_file = WriteFile("s.crt"), .key_file = "/nonexistent/s.key"});
  EXPECT_EQ(server.status().code(), absl::StatusCode::kNotFound);
  EXPECT_EQ(server.status().message(), "--tls_key: cannot read /nonexistent/s.key");
  auto client = services::MakeChannelCredentials({.ca_file = "/nonexistent/ca.crt"});
  EXPECT_EQ(client.status().message(), "--tls_ca: cannot read /nonexistent/ca.crt");
}

TEST(GrpcTlsTest, ACertificateNeedsItsKey) {
  auto server = services::MakeServerCredentials({.cert_file = WriteFile("s.crt")});
  EXPECT_EQ(server.status().message(), "--tls_cert needs --tls_key");
  auto client_ca_only = services::MakeServerCredentials({.client_ca_file = WriteFile("ca.crt")});
  EXPECT_EQ(client_ca_only.status().message(), "--tls_client_ca needs --tls_cert and --tls_key");
  auto client = services::MakeChannelCredentials({.key_file = WriteFile("c.key")});
  EXPECT_EQ(client.status().message(), "--tls_key needs --tls_cert");
}

}  // namespace
}  // namespace warta
