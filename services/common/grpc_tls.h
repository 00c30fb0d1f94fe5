// TLS for Warta's gRPC servers and clients: flags naming PEM files, turned
// into grpc::SslServerCredentials / grpc::SslCredentials. Without the flags
// everything stays plaintext (the local default). A missing or unreadable
// file is an error naming the flag and the path; key contents are never put
// in a message. Pure functions over the file system; thread-safe.
#ifndef WARTA_SERVICES_COMMON_GRPC_TLS_H_
#define WARTA_SERVICES_COMMON_GRPC_TLS_H_

#include <memory>
#include <string>

#include <grpcpp/grpcpp.h>

#include "absl/status/statusor.h"
#include "common/flags.h"

namespace warta::services {

struct ServerTlsOptions {
  std::string cert_file;       // --tls_cert: the server's certificate chain (PEM)
  std::string key_file;        // --tls_key: its private key (PEM)
  std::string client_ca_file;  // --tls_client_ca: require client certificates signed by this CA
  bool enabled() const {
    return !cert_file.empty() || !key_file.empty() || !client_ca_file.empty();
  }
};

struct ClientTlsOptions {
  std::string ca_file;      // --tls_ca: trust this CA (empty: the system's roots)
  std::string cert_file;    // --tls_cert: client certificate for mutual TLS
  std::string key_file;     // --tls_key
  std::string server_name;  // --tls_server_name: name to verify instead of the address's host
  bool enabled() const {
    return !ca_file.empty() || !cert_file.empty() || !key_file.empty() || !server_name.empty();
  }
};

// --tls_cert, --tls_key, --tls_client_ca.
void RegisterServerTlsFlags(FlagSet& flags, ServerTlsOptions* tls);
// --tls_ca, --tls_cert, --tls_key, --tls_server_name.
void RegisterClientTlsFlags(FlagSet& flags, ClientTlsOptions* tls);

// Insecure credentials when !tls.enabled(); INVALID_ARGUMENT for a
// certificate without its key (or the reverse), NOT_FOUND for a file that
// cannot be read.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerTlsOptions& tls);
absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientTlsOptions& tls);

// A channel to `address` with MakeChannelCredentials(tls) and `args` (plus
// the server name override, if any).
absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateChannel(
    const std::string& address, const ClientTlsOptions& tls,
    grpc::ChannelArguments args = grpc::ChannelArguments());

// "plaintext", "TLS" or "mutual TLS", for start-up logs.
std::string DescribeTls(const ServerTlsOptions& tls);

}  // namespace warta::services

#endif  // WARTA_SERVICES_COMMON_GRPC_TLS_H_
