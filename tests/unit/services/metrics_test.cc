// The services' Prometheus metrics without a scraper: the text exposition
// format, per-topic counters under contention, the process metrics read
// from /proc, the Kafka hooks, and the gRPC call metrics through an
// in-process channel (no network).
#include <grpcpp/grpcpp.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>

#include "grpc/health/v1/health.grpc.pb.h"
#include "services/common/grpc_metrics.h"
#include "services/common/message_metrics.h"
#include "services/common/metrics.h"
#include "services/common/metrics_server.h"
#include "services/common/process_metrics.h"
#include "services/ingest/ingest_service.h"
#include "tests/unit/services/metric_values.h"

namespace warta::services {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using warta::testing::HasMetric;
using warta::testing::MetricValue;

TEST(RenderMetricsTest, CountersGaugesAndHistogramsInTheTextFormat) {
  prometheus::Registry registry;
  auto& requests = prometheus::BuildCounter()
                       .Name("t_requests_total")
                       .Help("Requests handled.")
                       .Register(registry);
  requests.Add({{"method", "Get"}, {"code", "OK"}}).Increment(3);
  prometheus::BuildGauge().Name("t_lag_messages").Help("Lag.").Register(registry).Add({}).Set(7);
  auto& seconds = prometheus::BuildHistogram()
                      .Name("t_duration_seconds")
                      .Help("Durations.")
                      .Register(registry)
                      .Add({}, prometheus::Histogram::BucketBoundaries{0.1, 1});
  for (double s : {0.05, 0.5, 5.0}) seconds.Observe(s);

  const std::string text = RenderMetrics(registry.Collect());
  EXPECT_THAT(text, HasSubstr("# HELP t_requests_total Requests handled.\n"
                              "# TYPE t_requests_total counter\n"
                              "t_requests_total{code=\"OK\",method=\"Get\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE t_lag_messages gauge\nt_lag_messages 7\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE t_duration_seconds histogram\n"));
  // Buckets are cumulative and end with +Inf, which equals the count.
  EXPECT_THAT(text, HasSubstr("t_duration_seconds_bucket{le=\"0.1\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("t_duration_seconds_bucket{le=\"1\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("t_duration_seconds_bucket{le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("t_duration_seconds_count 3\n"));
  EXPECT_THAT(text, HasSubstr("t_duration_seconds_sum 5.55\n"));
}

// (prometheus-cpp 1.0 does not escape help texts: Warta's hold no backslash
// and no newline.)
TEST(RenderMetricsTest, LabelValuesAreEscaped) {
  prometheus::Registry registry;
  prometheus::BuildCounter()
      .Name("t_total")
      .Help("Help.")
      .Register(registry)
      .Add({{"topic", "say \"hi\"\\\n"}})
      .Increment();
  EXPECT_THAT(RenderMetrics(registry.Collect()),
              HasSubstr("t_total{topic=\"say \\\"hi\\\"\\\\\\n\"} 1\n"));
}

TEST(RenderMetricsTest, AFamilyWithoutChildrenIsLeftOut) {
  prometheus::Registry registry;
  prometheus::BuildCounter().Name("t_unused_total").Help("Never used.").Register(registry);
  EXPECT_EQ(RenderMetrics(registry.Collect()), "");
}

TEST(CollectMetricsTest, GathersEverySourceInOrder) {
  prometheus::Registry a, b;
  prometheus::BuildGauge().Name("t_a").Help("a").Register(a).Add({}).Set(1);
  prometheus::BuildGauge().Name("t_b").Help("b").Register(b).Add({}).Set(2);
  auto families = CollectMetrics({&a, &b});
  ASSERT_EQ(families.size(), 2u);
  EXPECT_EQ(families[0].name, "t_a");
  EXPECT_EQ(families[1].name, "t_b");
}

TEST(TopicCountersTest, OneChildPerTopicCountingEveryIncrementFromManyThreads) {
  prometheus::Registry registry;
  auto& family = prometheus::BuildCounter().Name("t_messages_total").Help("m").Register(registry);
  TopicCounters counters(family);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&counters, t] {
      for (int i = 0; i < 1000; ++i) counters.For(t % 2 ? "odd" : "even").Increment();
    });
  }
  for (std::thread& t : threads) t.join();
  auto families = registry.Collect();
  ASSERT_EQ(families.size(), 1u);
  EXPECT_EQ(families[0].metric.size(), 2u);
  EXPECT_EQ(MetricValue(families, "t_messages_total", {{"topic", "even"}}), 2000);
  EXPECT_EQ(MetricValue(families, "t_messages_total", {{"topic", "odd"}}), 2000);
  EXPECT_EQ(&counters.For("odd"), &counters.For("odd"));
}

// A /proc/self/stat line whose command name holds spaces and parentheses.
constexpr char kStat[] =
    "4242 (warta (enrich) x) S 1 4242 4242 0 -1 4194560 2714 0 0 0 250 150 0 0 20 0 "
    "7 0 500 1234567890 1000 18446744073709551615 1 1 0 0 0 0 0 4096 0 0 0 0 17 1 0 0 0 0 0\n";

TEST(ProcessMetricsTest, ParsesTheStatLineAfterTheCommandName) {
  auto stats = ParseProcSelfStat(kStat, /*boot_time_s=*/1700000000, /*ticks_per_second=*/100,
                                 /*page_size=*/4096);
  ASSERT_TRUE(stats.ok()) << stats.status();
  EXPECT_DOUBLE_EQ(stats->cpu_seconds, 4.0) << "(250 + 150) ticks at 100 per second";
  EXPECT_DOUBLE_EQ(stats->resident_bytes, 1000.0 * 4096);
  EXPECT_DOUBLE_EQ(stats->virtual_bytes, 1234567890.0);
  EXPECT_DOUBLE_EQ(stats->start_time_seconds, 1700000005.0) << "boot + 500 ticks";
  EXPECT_EQ(stats->threads, 7);
}

TEST(ProcessMetricsTest, TextThatIsNotAStatLineIsAnError) {
  EXPECT_FALSE(ParseProcSelfStat("", 0, 100, 4096).ok());
  EXPECT_FALSE(ParseProcSelfStat("4242 (short) S 1 2 3", 0, 100, 4096).ok());
  EXPECT_FALSE(ParseProcSelfStat(kStat, 0, 0, 4096).ok()) << "no clock ticks";
}

TEST(ProcessMetricsTest, BootTimeComesFromTheBtimeLine) {
  EXPECT_EQ(ParseBootTime("cpu  1 2 3\nctxt 99\nbtime 1700000000\nprocesses 5\n"), 1700000000);
  EXPECT_EQ(ParseBootTime("cpu 1 2 3\n"), std::nullopt);
}

TEST(ProcessMetricsTest, StandardNamesAndTypes) {
  ProcessStats stats;
  stats.cpu_seconds = 1.5;
  stats.resident_bytes = 2048;
  const std::string text = RenderMetrics(ProcessMetricFamilies(stats, 12, 1024));
  EXPECT_THAT(text, HasSubstr("# TYPE process_cpu_seconds_total counter\n"
                              "process_cpu_seconds_total 1.5\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE process_resident_memory_bytes gauge\n"
                              "process_resident_memory_bytes 2048\n"));
  EXPECT_THAT(text, HasSubstr("process_open_fds 12\n"));
  EXPECT_THAT(text, HasSubstr("process_max_fds 1024\n"));
  EXPECT_THAT(RenderMetrics(ProcessMetricFamilies(stats, std::nullopt, std::nullopt)),
              Not(HasSubstr("process_open_fds")));
}

TEST(ProcessMetricsTest, ThisProcessHasMemoryAndADescriptorOrTwo) {
  auto families = ProcessCollector().Collect();
  EXPECT_GT(MetricValue(families, "process_resident_memory_bytes"), 1 << 20);
  EXPECT_GT(MetricValue(families, "process_virtual_memory_bytes"), 1 << 20);
  EXPECT_GE(MetricValue(families, "process_cpu_seconds_total"), 0);
  EXPECT_GE(MetricValue(families, "process_open_fds"), 3) << "stdin, stdout, stderr";
  const double started = MetricValue(families, "process_start_time_seconds");
  const double now = absl::ToDoubleSeconds(absl::Now() - absl::UnixEpoch());
  EXPECT_LE(started, now + 1);
  EXPECT_GT(started, now - 3600) << "this test started less than an hour ago";
}

TEST(ProducedMessagesTest, CountsAcknowledgedAndRefusedMessagesPerTopic) {
  auto count = CountProducedMessages();
  count("t.produced", true);
  count("t.produced", true);
  count("t.produced", false);
  count("t.other", true);
  EXPECT_EQ(MetricValue("warta_messages_produced_total", {{"topic", "t.produced"}}), 2);
  EXPECT_EQ(MetricValue("warta_messages_produce_failed_total", {{"topic", "t.produced"}}), 1);
  EXPECT_EQ(MetricValue("warta_messages_produced_total", {{"topic", "t.other"}}), 1);
}

TEST(ConsumerLagTest, OneGaugePerPartitionAndRevokedPartitionsDisappear) {
  auto record = RecordConsumerLag();
  record({{"t.lag", 0, 25}, {"t.lag", 1, 2}});
  EXPECT_EQ(MetricValue("warta_consumer_lag_messages", {{"topic", "t.lag"}, {"partition", "0"}}),
            25);
  EXPECT_EQ(MetricValue("warta_consumer_lag_messages", {{"topic", "t.lag"}, {"partition", "1"}}),
            2);
  record({{"t.lag", 1, 0}});
  EXPECT_FALSE(HasMetric("warta_consumer_lag_messages", {{"topic", "t.lag"}, {"partition", "0"}}))
      << "partition 0 was revoked";
  EXPECT_TRUE(HasMetric("warta_consumer_lag_messages", {{"topic", "t.lag"}, {"partition", "1"}}));
  EXPECT_EQ(MetricValue("warta_consumer_lag_messages", {{"topic", "t.lag"}, {"partition", "1"}}),
            0);
}

// IngestService (refusing what it cannot validate before any Kafka is
// needed) and the default health service, behind the metrics interceptor.
class GrpcMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    grpc::EnableDefaultHealthCheckService(true);
    grpc::ServerBuilder builder;
    builder.RegisterService(&ingest_);
    std::vector<std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>> creators;
    creators.push_back(NewGrpcMetricsInterceptorFactory());
    builder.experimental().SetInterceptorCreators(std::move(creators));
    server_ = builder.BuildAndStart();
    ASSERT_NE(server_, nullptr);
    auto channel = server_->InProcessChannel(grpc::ChannelArguments());
    health_ = grpc::health::v1::Health::NewStub(channel);
    ingest_stub_ = warta::v1::IngestService::NewStub(channel);
  }
  void TearDown() override { server_->Shutdown(); }

  grpc::Status Check(const std::string& service) {
    grpc::ClientContext context;
    grpc::health::v1::HealthCheckRequest request;
    request.set_service(service);
    grpc::health::v1::HealthCheckResponse response;
    return health_->Check(&context, request, &response);
  }

  grpc::Status SubmitEmptyArticle() {
    grpc::ClientContext context;
    warta::v1::SubmitRequest request;
    warta::v1::SubmitResponse response;
    return ingest_stub_->Submit(&context, request, &response);
  }

  IngestServiceImpl ingest_{/*producer=*/nullptr, IngestOptions{}};
  std::unique_ptr<grpc::Server> server_;
  std::unique_ptr<grpc::health::v1::Health::Stub> health_;
  std::unique_ptr<warta::v1::IngestService::Stub> ingest_stub_;
};

TEST_F(GrpcMetricsTest, CountsCallsByMethodAndCodeAndTimesThem) {
  const std::string method = "grpc.health.v1.Health/Check";
  const double ok_before = MetricValue("warta_grpc_requests_total", {{"method", method}, {"code", "OK"}});
  const double timed_before = MetricValue("warta_grpc_request_duration_seconds", {{"method", method}});
  ASSERT_TRUE(Check("").ok());
  ASSERT_TRUE(Check("").ok());
  EXPECT_EQ(Check("no.such.Service").error_code(), grpc::StatusCode::NOT_FOUND);
  EXPECT_EQ(MetricValue("warta_grpc_requests_total", {{"method", method}, {"code", "OK"}}),
            ok_before + 2);
  EXPECT_EQ(MetricValue("warta_grpc_requests_total", {{"method", method}, {"code", "NOT_FOUND"}}),
            1);
  EXPECT_EQ(MetricValue("warta_grpc_request_duration_seconds", {{"method", method}}),
            timed_before + 3)
      << "every call is timed, whatever its code";

  EXPECT_EQ(SubmitEmptyArticle().error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  EXPECT_EQ(MetricValue("warta_grpc_requests_total", {{"method", "warta.v1.IngestService/Submit"},
                                                      {"code", "INVALID_ARGUMENT"}}),
            1);
}

}  // namespace
}  // namespace warta::services
