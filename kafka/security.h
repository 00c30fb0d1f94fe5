// How Warta's Kafka clients reach the broker: PLAINTEXT (the local default)
// or SSL with a CA and, for brokers that require them, a client certificate.
// Turned into librdkafka's security.protocol / ssl.*.location properties.
// Pure functions (plus a readability check of the named files); thread-safe.
#ifndef WARTA_KAFKA_SECURITY_H_
#define WARTA_KAFKA_SECURITY_H_

#include <map>
#include <string>

#include "absl/status/statusor.h"
#include "common/flags.h"

namespace warta::kafka {

struct SecurityOptions {
  std::string protocol = "PLAINTEXT";  // or "SSL"
  std::string ca_file;                 // CA that signed the broker's certificate (PEM)
  std::string cert_file;               // client certificate, when the broker requires one (PEM)
  std::string key_file;                // its private key (PEM)
};

// --kafka_security_protocol, --kafka_ssl_ca, --kafka_ssl_cert, --kafka_ssl_key.
void RegisterSecurityFlags(FlagSet& flags, SecurityOptions* security);

// The librdkafka properties for `security`. INVALID_ARGUMENT for an unknown
// protocol, SSL files with PLAINTEXT, or a certificate without its key;
// NOT_FOUND (naming the flag and path) for a file that cannot be read.
absl::StatusOr<std::map<std::string, std::string>> SecurityProperties(
    const SecurityOptions& security);

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_SECURITY_H_
