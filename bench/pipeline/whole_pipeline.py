#!/usr/bin/env python3
"""The whole-pipeline benchmark (`make bench` runs it after the C++ ones): in
one run, on this machine, with the same articles (the IndoSum news set, or
examples/articles without ../shared), it prints

  1. enrich-only: `warta enrich FILE` in one process (the baseline);
  2. Kafka pass-through: the same messages produced (acks=all) and consumed,
     no enrichment;
  3. the full pipeline warta-ingest -> Kafka -> warta-enrich -> Kafka ->
     warta-store (SQLite) at its maximum, then at fixed rates (100/s, 500/s
     and half the maximum), with publish-to-stored latency p50 / p99 / max,
     and each service's CPU time per article in the maximum run (steady on a
     shared machine, where the rates are not);
  4. gRPC Enrich: unary latency (one caller) and throughput (4 callers);
  5. the peak resident memory of each service;

and the ratios: full-pipeline maximum / enrich-only (goal >= 0.9) and p99
publish-to-stored at half the maximum rate (goal <= 50 ms). Figures only;
it never fails on them.

  bench/pipeline/whole_pipeline.py [--fixed-seconds 10] [--batch-wait-ms 5] [--linger-ms 5]
"""

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests" / "chaos"))
from harness import (BIN, KAFKA_SH, SHARED, Service, generated_modules,  # noqa: E402
                     load_articles, log)


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def peak_rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid):
    """User + system CPU time the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Bench:
    def __init__(self, options, workdir, pb):
        self.o, self.dir, self.pb = options, workdir, pb
        news = SHARED / "news" / "indosum_articles.jsonl"
        self.articles = load_articles(options.articles or (sum(1 for _ in news.open()) if
                                                            news.exists() else 12))
        self.rows = []

    def row(self, what, figure, unit, note=""):
        self.rows.append((what, figure, unit, note))
        log(f"{what}: {figure:.1f} {unit} {note}")

    def start_kafka(self):
        out = subprocess.run([str(KAFKA_SH), "start", str(self.dir / "kafka")],
                             capture_output=True, text=True, timeout=300, check=True)
        self.bootstrap = out.stdout.strip().splitlines()[-1]

    def topics(self, tag):
        from confluent_kafka.admin import AdminClient, NewTopic
        prefix = f"b{tag}{uuid.uuid4().hex[:6]}"
        admin = AdminClient({"bootstrap.servers": self.bootstrap})
        for f in admin.create_topics([NewTopic(f"{prefix}.{t}", n, 1) for t, n in
                                      (("raw", 3), ("enriched", 3), ("dlq", 1))]).values():
            f.result(30)
        return prefix

    # 1 -----------------------------------------------------------------------
    def enrich_only(self):
        path = self.dir / "articles.jsonl"
        path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in self.articles))
        started = time.time()
        subprocess.run([str(BIN / "warta"), "enrich", str(path)], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, check=True)
        self.enrich_only_rate = len(self.articles) / (time.time() - started)
        self.row("1 enrich-only, one process (baseline)", self.enrich_only_rate, "articles/s")

    # 2 -----------------------------------------------------------------------
    def pass_through(self):
        from confluent_kafka import Consumer, Producer
        prefix = self.topics("p")
        producer = Producer({"bootstrap.servers": self.bootstrap, "acks": "all",
                             "enable.idempotence": True, "linger.ms": 5})
        consumer = Consumer({"bootstrap.servers": self.bootstrap, "group.id": prefix,
                             "auto.offset.reset": "earliest"})
        consumer.subscribe([f"{prefix}.raw"])
        started = time.time()
        for a in self.articles:
            producer.produce(f"{prefix}.raw", key=a["id"], value=json.dumps(a))
            producer.poll(0)
        producer.flush(60)
        seen = 0
        while seen < len(self.articles) and time.time() - started < 120:
            m = consumer.poll(0.5)
            if m is not None and not m.error():
                seen += 1
        consumer.close()
        self.row("2 Kafka pass-through, no enrichment", seen / (time.time() - started),
                 "messages/s")

    # 3 -----------------------------------------------------------------------
    def pipeline(self, tag):
        prefix = self.topics(tag)
        common = ["--brokers", self.bootstrap]
        wait = ["--max_batch_wait_ms", str(self.o.batch_wait_ms)]
        linger = ["--linger_ms", str(self.o.linger_ms)]
        db = self.dir / f"{prefix}.db"
        services = {
            "warta-store": Service(f"{prefix}-store", "warta-store",
                                   [*common, *wait, "--enriched_topic", f"{prefix}.enriched",
                                    "--dlq_topic", f"{prefix}.dlq", "--group_id", f"{prefix}-s",
                                    "--db", str(db)], self.dir),
            "warta-enrich": Service(f"{prefix}-enrich", "warta-enrich",
                                    [*common, *wait, *linger, "--raw_topic", f"{prefix}.raw",
                                     "--enriched_topic", f"{prefix}.enriched",
                                     "--dlq_topic", f"{prefix}.dlq", "--group_id", f"{prefix}-e"],
                                    self.dir),
            "warta-ingest": Service(f"{prefix}-ingest", "warta-ingest",
                                    [*common, *linger, "--raw_topic", f"{prefix}.raw"], self.dir),
        }
        for s in services.values():
            s.start()
        # One article through first: the consumer groups have joined and the
        # topics' leaders are known before anything is timed.
        warm = dict(self.articles[0], id=f"{prefix}-warm-up")
        self.send(services, [warm])
        self.wait_stored(db, 1)
        return services, db

    def send(self, services, articles, rate=None):
        """Submits through warta-ingest (one stream); returns id -> send time."""
        import grpc
        _, services_pb2, services_grpc = self.pb
        ingest = services_grpc.IngestServiceStub(
            grpc.insecure_channel(services["warta-ingest"].address))
        sent_at = {}

        def requests():
            next_at = time.time()
            for a in articles:
                if rate:
                    delay = next_at - time.time()
                    if delay > 0:
                        time.sleep(delay)
                    next_at += 1.0 / rate
                sent_at[a["id"]] = time.time()
                yield services_pb2.SubmitRequest(article_json=json.dumps(a, ensure_ascii=False))

        for answer in ingest.SubmitStream(requests(), timeout=600):
            if answer.error_code:
                log("refused", answer.id, answer.error_message)
        return sent_at

    def wait_stored(self, db, count, timeout=600):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with sqlite3.connect(db) as c:
                    if c.execute("SELECT count(*) FROM articles").fetchone()[0] >= count:
                        return time.time()
            except sqlite3.OperationalError:
                pass
            time.sleep(0.02)
        raise RuntimeError(f"only part of {count} articles stored in {timeout}s")

    def latencies_ms(self, db, sent_at):
        with sqlite3.connect(db) as c:
            stored = dict(c.execute("SELECT id, stored_at FROM articles"))
        return [(stored[i] / 1e9 - t) * 1000 for i, t in sent_at.items() if i in stored]

    def stop(self, services):
        for s in services.values():
            s.stop()

    def full_maximum(self):
        services, db = self.pipeline("m")
        cpu = {name: cpu_seconds(s.proc.pid) for name, s in services.items()}
        started = time.time()
        sent_at = self.send(services, self.articles)
        done = self.wait_stored(db, len(self.articles) + 1)
        self.max_rate = len(self.articles) / (done - started)
        # CPU per article does not depend on what else runs on the machine, as the rates do.
        for name, s in services.items():
            cpu[name] = (cpu_seconds(s.proc.pid) - cpu[name]) * 1000 / len(self.articles)
        lat = self.latencies_ms(db, sent_at)
        self.row("3 full pipeline, maximum", self.max_rate, "articles/s",
                 f"(latency under full load: p50 {percentile(lat, 50):.0f} ms, "
                 f"max {max(lat):.0f} ms)")
        for name, s in services.items():
            self.row(f"3 CPU per article at the maximum, {name}", cpu[name], "ms")
        for name, s in services.items():
            self.row(f"5 peak resident memory, {name}", peak_rss_mb(s.proc.pid), "MB",
                     "(after the maximum run)")
        self.stop(services)

    def full_fixed(self, rate, tag):
        count = int(rate * self.o.fixed_seconds)
        articles = [dict(a, id=f"{a['id']}-{tag}") for a in load_articles(count)]
        services, db = self.pipeline(tag)
        sent_at = self.send(services, articles, rate)
        self.wait_stored(db, len(articles) + 1)
        lat = self.latencies_ms(db, sent_at)
        self.stop(services)
        self.row(f"3 full pipeline at {rate:.0f}/s, publish-to-stored p50", percentile(lat, 50),
                 "ms")
        self.row(f"3 full pipeline at {rate:.0f}/s, publish-to-stored p99", percentile(lat, 99),
                 "ms")
        self.row(f"3 full pipeline at {rate:.0f}/s, publish-to-stored max", max(lat), "ms")
        return percentile(lat, 99)

    # 4 -----------------------------------------------------------------------
    def grpc_enrich(self):
        import grpc
        article_pb2, services_pb2, services_grpc = self.pb
        enrich = Service("grpc-enrich", "warta-enrich", ["--noconsume"], self.dir)
        enrich.start()
        stub = services_grpc.EnrichServiceStub(grpc.insecure_channel(enrich.address))
        bodies = [a.get("body", a.get("text", "")) for a in self.articles]
        requests = [services_pb2.EnrichRequest(article=article_pb2.Article(body=b, language_hint="id"))
                    for b in bodies[:500]]
        latencies = []
        for r in requests:
            t = time.time()
            stub.Enrich(r, timeout=30)
            latencies.append((time.time() - t) * 1000)
        self.row("4 gRPC Enrich, one caller, p50", percentile(latencies, 50), "ms")
        self.row("4 gRPC Enrich, one caller, p99", percentile(latencies, 99), "ms")
        done, stop = [0], time.time() + 10

        def caller(k):
            i = k
            while time.time() < stop:
                stub.Enrich(requests[i % len(requests)], timeout=30)
                done[0] += 1
                i += 4

        threads = [threading.Thread(target=caller, args=(k,)) for k in range(4)]
        started = time.time()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.row("4 gRPC Enrich, 4 callers", done[0] / (time.time() - started), "calls/s")
        self.row("5 peak resident memory, warta-enrich serving gRPC", peak_rss_mb(enrich.proc.pid),
                 "MB")
        enrich.stop()

    def run(self):
        log(f"{len(self.articles)} articles")
        self.enrich_only()
        self.start_kafka()
        try:
            self.pass_through()
            self.full_maximum()
            p99 = {}
            for rate in (100, 500, self.max_rate / 2):
                p99[rate] = self.full_fixed(rate, f"f{int(rate)}")
            self.grpc_enrich()
        finally:
            subprocess.run([str(KAFKA_SH), "stop", str(self.dir / "kafka")], timeout=120)
        half = self.max_rate / 2
        print(f"\nwhole pipeline, {len(self.articles)} articles, "
              f"{time.strftime('%Y-%m-%d')}, batch wait {self.o.batch_wait_ms} ms, "
              f"linger {self.o.linger_ms} ms")
        print(f"{'':<58} {'figure':>10}  unit")
        for what, figure, unit, note in self.rows:
            print(f"{what:<58} {figure:10.1f}  {unit} {note}")
        print(f"{'ratio full maximum / enrich-only (goal >= 0.9)':<58} "
              f"{self.max_rate / self.enrich_only_rate:10.2f}")
        print(f"{'p99 publish-to-stored at half the maximum (goal <= 50 ms)':<58} "
              f"{p99[half]:10.1f}  ms (at {half:.0f}/s)")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=0, help="default: the whole news set")
    p.add_argument("--fixed-seconds", type=float, default=10)
    p.add_argument("--batch-wait-ms", type=int, default=5,
                   help="warta-enrich/-store --max_batch_wait_ms")
    p.add_argument("--linger-ms", type=int, default=5,
                   help="warta-ingest/-enrich --linger_ms (Kafka linger.ms)")
    options = p.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    (workdir / "pb").mkdir()
    pb = generated_modules(workdir / "pb")
    try:
        Bench(options, workdir, pb).run()
    finally:
        subprocess.run(["rm", "-rf", str(workdir)])


if __name__ == "__main__":
    main()
