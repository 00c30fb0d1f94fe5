// Builds an RdKafka::Conf from a property map, with a clear error naming the
// property librdkafka refused (and its value, unless it is a secret).
#ifndef WARTA_KAFKA_RDKAFKA_CONFIG_H_
#define WARTA_KAFKA_RDKAFKA_CONFIG_H_

#include <map>
#include <memory>
#include <string>

#include <librdkafka/rdkafkacpp.h>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace warta::kafka {

inline absl::StatusOr<std::unique_ptr<RdKafka::Conf>> MakeConf(
    const std::map<std::string, std::string>& properties) {
  std::unique_ptr<RdKafka::Conf> conf(RdKafka::Conf::create(RdKafka::Conf::CONF_GLOBAL));
  std::string error;
  for (const auto& [key, value] : properties) {
    if (conf->set(key, value, error) != RdKafka::Conf::CONF_OK) {
      // Error messages end up in logs: passwords (ssl.key.password,
      // sasl.password) and PEM text (ssl.key.pem) stay out.
      const bool secret = absl::StrContains(key, "password") || absl::StrContains(key, "secret") ||
                          absl::EndsWith(key, ".pem");
      return absl::InvalidArgumentError(
          absl::StrCat("Kafka property ", key, "=", secret ? "(hidden)" : value, ": ", error));
    }
  }
  return conf;
}

}  // namespace warta::kafka

#endif  // WARTA_KAFKA_RDKAFKA_CONFIG_H_
