#include "services/common/grpc_tls.h"

#include "absl/strings/str_cat.h"
#include "common/files.h"

namespace warta::services {
namespace {

// The PEM text of `path`, read for `flag`; empty when no path was given.
absl::StatusOr<std::string> ReadPem(const char* flag, const std::string& path) {
  if (path.empty()) return std::string();
  absl::StatusOr<std::string> pem = ReadFileToString(path);
  if (!pem.ok()) {
    return absl::NotFoundError(absl::StrCat("--", flag, ": cannot read ", path));
  }
  if (pem->empty()) {
    return absl::InvalidArgumentError(absl::StrCat("--", flag, ": ", path, " is empty"));
  }
  return pem;
}

struct KeyPair {
  std::string cert;
  std::string key;
};

// A certificate and its key come together or not at all (both empty).
absl::StatusOr<KeyPair> ReadKeyPair(const std::string& cert_file, const std::string& key_file) {
  if (cert_file.empty() != key_file.empty()) {
    return absl::InvalidArgumentError(cert_file.empty() ? "--tls_key needs --tls_cert"
                                                        : "--tls_cert needs --tls_key");
  }
  absl::StatusOr<std::string> cert = ReadPem("tls_cert", cert_file);
  if (!cert.ok()) return cert.status();
  absl::StatusOr<std::string> key = ReadPem("tls_key", key_file);
  if (!key.ok()) return key.status();
  return KeyPair{*std::move(cert), *std::move(key)};
}

}  // namespace

void RegisterServerTlsFlags(FlagSet& flags, ServerTlsOptions* tls) {
  flags.String("tls_cert", &tls->cert_file,
               "serve gRPC over TLS with this certificate chain (PEM; needs --tls_key)");
  flags.String("tls_key", &tls->key_file, "the private key of --tls_cert (PEM)");
  flags.String("tls_client_ca", &tls->client_ca_file,
               "mutual TLS: require client certificates signed by this CA (PEM)");
}

void RegisterClientTlsFlags(FlagSet& flags, ClientTlsOptions* tls) {
  flags.String("tls_ca", &tls->ca_file,
               "call the server over TLS, trusting this CA (PEM; empty: plaintext unless\n"
               "      another --tls_ flag is set, then the system's CAs)");
  flags.String("tls_cert", &tls->cert_file, "client certificate for mutual TLS (PEM)");
  flags.String("tls_key", &tls->key_file, "the private key of --tls_cert (PEM)");
  flags.String("tls_server_name", &tls->server_name,
               "name the server's certificate must carry, when not the address's host");
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeServerCredentials(
    const ServerTlsOptions& tls) {
  if (!tls.enabled()) return grpc::InsecureServerCredentials();
  if (tls.cert_file.empty() && tls.key_file.empty()) {
    return absl::InvalidArgumentError("--tls_client_ca needs --tls_cert and --tls_key");
  }
  absl::StatusOr<KeyPair> pair = ReadKeyPair(tls.cert_file, tls.key_file);
  if (!pair.ok()) return pair.status();
  absl::StatusOr<std::string> client_ca = ReadPem("tls_client_ca", tls.client_ca_file);
  if (!client_ca.ok()) return client_ca.status();
  grpc::SslServerCredentialsOptions options(
      client_ca->empty() ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                         : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  options.pem_root_certs = *client_ca;
  options.pem_key_cert_pairs.push_back({pair->key, pair->cert});
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> MakeChannelCredentials(
    const ClientTlsOptions& tls) {
  if (!tls.enabled()) return grpc::InsecureChannelCredentials();
  absl::StatusOr<std::string> ca = ReadPem("tls_ca", tls.ca_file);
  if (!ca.ok()) return ca.status();
  absl::StatusOr<KeyPair> pair = ReadKeyPair(tls.cert_file, tls.key_file);
  if (!pair.ok()) return pair.status();
  grpc::SslCredentialsOptions options;
  options.pem_root_certs = *std::move(ca);
  options.pem_cert_chain = std::move(pair->cert);
  options.pem_private_key = std::move(pair->key);
  return grpc::SslCredentials(options);
}

absl::StatusOr<std::shared_ptr<grpc::Channel>> CreateChannel(const std::string& address,
                                                             const ClientTlsOptions& tls,
                                                             grpc::ChannelArguments args) {
  absl::StatusOr<std::shared_ptr<grpc::ChannelCredentials>> credentials =
      MakeChannelCredentials(tls);
  if (!credentials.ok()) return credentials.status();
  if (!tls.server_name.empty()) args.SetSslTargetNameOverride(tls.server_name);
  return grpc::CreateCustomChannel(address, *credentials, args);
}

std::string DescribeTls(const ServerTlsOptions& tls) {
  if (!tls.enabled()) return "plaintext";
  return tls.client_ca_file.empty() ? "TLS" : "mutual TLS";
}

}  // namespace warta::services
