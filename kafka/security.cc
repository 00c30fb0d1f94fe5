#include "kafka/security.h"

#include <fstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace warta::kafka {
namespace {

// librdkafka would also refuse a missing file, but naming the property, not
// the flag the user set.
absl::Status CheckReadable(const char* flag, const std::string& path) {
  if (path.empty() || std::ifstream(path).good()) return absl::OkStatus();
  return absl::NotFoundError(absl::StrCat("--", flag, ": cannot read ", path));
}

}  // namespace

void RegisterSecurityFlags(FlagSet& flags, SecurityOptions* security) {
  flags.String("kafka_security_protocol", &security->protocol,
               "PLAINTEXT, or SSL (TLS to the brokers; see --kafka_ssl_ca)");
  flags.String("kafka_ssl_ca", &security->ca_file,
               "with SSL: CA certificate(s) the brokers' certificates are checked against (PEM)");
  flags.String("kafka_ssl_cert", &security->cert_file,
               "with SSL: client certificate, for brokers with ssl.client.auth=required (PEM)");
  flags.String("kafka_ssl_key", &security->key_file, "the private key of --kafka_ssl_cert (PEM)");
}

absl::StatusOr<std::map<std::string, std::string>> SecurityProperties(
    const SecurityOptions& security) {
  const std::string protocol = absl::AsciiStrToUpper(security.protocol);
  const bool any_file =
      !security.ca_file.empty() || !security.cert_file.empty() || !security.key_file.empty();
  if (protocol == "PLAINTEXT") {
    if (any_file) {
      return absl::InvalidArgumentError(
          "--kafka_ssl_ca/--kafka_ssl_cert/--kafka_ssl_key need --kafka_security_protocol=SSL");
    }
    return std::map<std::string, std::string>{{"security.protocol", "plaintext"}};
  }
  if (protocol != "SSL") {
    return absl::InvalidArgumentError(absl::StrCat(
        "--kafka_security_protocol must be PLAINTEXT or SSL, not \"", security.protocol, "\""));
  }
  if (security.cert_file.empty() != security.key_file.empty()) {
    return absl::InvalidArgumentError(security.cert_file.empty()
                                          ? "--kafka_ssl_key needs --kafka_ssl_cert"
                                          : "--kafka_ssl_cert needs --kafka_ssl_key");
  }
  std::map<std::string, std::string> properties = {{"security.protocol", "ssl"}};
  const struct {
    const char* flag;
    const std::string& path;
    const char* property;
  } files[] = {{"kafka_ssl_ca", security.ca_file, "ssl.ca.location"},
               {"kafka_ssl_cert", security.cert_file, "ssl.certificate.location"},
               {"kafka_ssl_key", security.key_file, "ssl.key.location"}};
  for (const auto& file : files) {
    if (file.path.empty()) continue;
    if (absl::Status readable = CheckReadable(file.flag, file.path); !readable.ok()) {
      return readable;
    }
    properties[file.property] = file.path;
  }
  return properties;
}

}  // namespace warta::kafka
