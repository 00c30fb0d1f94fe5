// warta publish: files → Kafka (binary warta.v1.Article keyed by id) or →
// warta-ingest over gRPC. Every bad article is reported with where it came
// from; the good ones still go out.
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <memory>

#include <grpcpp/grpcpp.h>

#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "article/article_validation.h"
#include "cli/article_files.h"
#include "cli/commands.h"
#include "common/flags.h"
#include "kafka/producer.h"
#include "services/common/grpc_tls.h"
#include "warta/v1/services.grpc.pb.h"

namespace warta::cli {
namespace {

// A one-line progress bar on stderr when it is a terminal; otherwise a
// line every 500 articles so logs stay short.
class Progress {
 public:
  explicit Progress(size_t total) : total_(total), start_(absl::Now()), tty_(isatty(2)) {}
  void Update(size_t done, size_t failed, bool final = false) {
    if (!tty_ && !final && done % 500 != 0) return;
    double secs = absl::ToDoubleSeconds(absl::Now() - start_);
    int width = 30, filled = total_ ? static_cast<int>(width * done / total_) : width;
    std::string bar(filled, '#');
    bar.resize(width, '.');
    std::fprintf(stderr, "%s[%s] %zu/%zu articles, %zu failed, %.0f/s%s", tty_ ? "\r" : "",
                 bar.c_str(), done, total_, failed, secs > 0 ? done / secs : 0.0,
                 (final || !tty_) ? "\n" : "");
  }

 private:
  size_t total_;
  absl::Time start_;
  bool tty_;
};

}  // namespace

int RunPublish(const Args& args) {
  std::string to = "kafka", brokers = "127.0.0.1:9092", topic = "articles.raw";
  std::string ingest = "127.0.0.1:50051", source;
  bool oldest_first = false;
  kafka::SecurityOptions kafka_security;
  services::ClientTlsOptions ingest_tls;
  FlagSet flags("warta publish [flags] PATH...",
                "Publishes articles from text pages, JSON, JSON lines (.jsonl) and folders of\n"
                "them; `-` reads JSON lines from stdin. Exits 1 if any article was refused.");
  flags.String("to", &to, "\"kafka\" (produce to --topic) or \"grpc\" (call warta-ingest at --ingest)");
  flags.String("brokers", &brokers, "Kafka bootstrap servers");
  flags.String("topic", &topic, "Kafka topic for --to=kafka");
  flags.String("ingest", &ingest, "warta-ingest address for --to=grpc");
  flags.String("source", &source, "source to set on articles that have none");
  flags.Bool("oldest_first", &oldest_first,
             "send in publication-time order, as a live feed would have (an archive or a\n"
             "backfill); undated articles and unreadable inputs first, in file order");
  kafka::RegisterSecurityFlags(flags, &kafka_security);
  services::RegisterClientTlsFlags(flags, &ingest_tls);
  Args paths = flags.ParseOrExit(args);
  if (paths.empty()) {
    std::fputs("warta publish: give at least one PATH (see --help)\n", stderr);
    return 2;
  }
  if (to != "kafka" && to != "grpc") {
    std::fputs("warta publish: --to must be kafka or grpc\n", stderr);
    return 2;
  }
  auto files = ExpandPaths(paths);
  if (!files.ok()) {
    std::fprintf(stderr, "warta publish: %s\n", std::string(files.status().message()).c_str());
    return 1;
  }
  std::vector<ArticleInput> inputs;
  for (const std::string& file : *files) {
    absl::Status read = ReadArticles(file, [&](ArticleInput in) { inputs.push_back(std::move(in)); });
    if (!read.ok()) inputs.push_back({file, read});
  }
  // The store links a report to the stories recently added to; an archive in
  // file order jumps between months and splits more of them.
  if (oldest_first) SortOldestFirst(inputs);

  std::unique_ptr<kafka::Producer> producer;
  std::unique_ptr<warta::v1::IngestService::Stub> stub;
  if (to == "kafka") {
    auto created = kafka::Producer::Create(
        {.brokers = brokers, .client_id = "warta-cli", .security = kafka_security});
    if (!created.ok()) {
      std::fprintf(stderr, "warta publish: %s\n", std::string(created.status().message()).c_str());
      return 1;
    }
    producer = std::move(*created);
  } else {
    auto channel = services::CreateChannel(ingest, ingest_tls);
    if (!channel.ok()) {
      std::fprintf(stderr, "warta publish: %s\n", std::string(channel.status().message()).c_str());
      return 2;
    }
    stub = warta::v1::IngestService::NewStub(*channel);
  }

  Progress progress(inputs.size());
  std::atomic<size_t> acked{0}, failed{0};
  size_t sent = 0;
  auto report = [&](const std::string& origin, const std::string& error) {
    failed++;
    std::fprintf(stderr, "%swarta publish: %s: %s\n", isatty(2) ? "\r\033[K" : "", origin.c_str(),
                 error.c_str());
  };
  for (ArticleInput& in : inputs) {
    if (!in.article.ok()) {
      report(in.origin, std::string(in.article.status().message()));
      continue;
    }
    warta::v1::Article& article = *in.article;
    if (article.source().empty() && !source.empty()) article.set_source(source);
    if (absl::Status valid = article::ValidateArticle(article); !valid.ok()) {
      report(in.origin, std::string(valid.message()));
      continue;
    }
    if (producer) {
      std::string origin = in.origin;
      absl::Status queued = producer->Produce(
          topic, article.id(), article.SerializeAsString(),
          {{"content-type", "application/x-protobuf; messageType=warta.v1.Article"}},
          [&, origin](const kafka::Delivery& d) {
            if (d.status.ok()) acked++;
            else report(origin, std::string(d.status.message()));
          });
      if (!queued.ok()) report(in.origin, std::string(queued.message()));
    } else {
      grpc::ClientContext context;
      context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
      warta::v1::SubmitRequest request;
      *request.mutable_article() = article;
      warta::v1::SubmitResponse response;
      grpc::Status status = stub->Submit(&context, request, &response);
      if (status.ok()) acked++;
      else report(in.origin, absl::StrFormat("%s (gRPC code %d)", status.error_message(),
                                            static_cast<int>(status.error_code())));
    }
    ++sent;
    progress.Update(acked + failed, failed);
  }
  if (producer) {
    int left = producer->Flush(absl::Seconds(60));
    if (left > 0) {
      failed += left;
      std::fprintf(stderr, "warta publish: %d article(s) not acknowledged by Kafka\n", left);
    }
  }
  progress.Update(acked + failed, failed, /*final=*/true);
  std::fprintf(stderr, "published %zu of %zu article(s) to %s\n", acked.load(), inputs.size(),
               producer ? ("Kafka topic " + topic).c_str() : ("warta-ingest at " + ingest).c_str());
  return failed > 0 ? 1 : 0;
}

}  // namespace warta::cli
