#!/usr/bin/env python3
"""`make chaos`: the whole pipeline on a real Kafka broker and a real
PostgreSQL server while things break, then a count of what survived.

Streams N articles (IndoSum with new ids to reach the count, plus the five
samples; examples/articles when ../shared is absent), half through
warta-ingest (gRPC) and half through kcat, into two warta-enrich and two
warta-store instances (one consumer group each, the stores on one
PostgreSQL database). Meanwhile: SIGKILL of enrich and store instances at
random moments (each restarted a moment later), Kafka broker restarts, and
PostgreSQL down for a while (stopped as a crash would).

At the end it prints: sent, stored, duplicated (re-applied in the store, and
seen twice by a read_committed reader of articles.enriched), lost,
dead-lettered, the checksum over ids and bodies, the recovery time after
each fault and the longest time an article waited. Exit status 0 only with
nothing lost, nothing applied twice in the store, the checksum equal, and,
in exactly-once mode, nothing twice on the topic.

  tests/chaos/chaos.py [--articles 20000] [--rate 150] [--kills 20]
                       [--broker-restarts 3] [--pg-outages 2] [--pg-outage-s 10]
                       [--mode eos|at-least-once] [--seed 1]

Store duplicates are counted by a trigger the harness adds to the articles
table (every committed insert or replacement of a row is logged), so a
redelivery that the store re-applied would show however it happened.
"""

import argparse
import collections
import hashlib
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import KAFKA_SH, POSTGRES_SH, SLOWDOWN, Service, generated_modules, load_articles, log, tool  # noqa: E402


class Chaos:
    def __init__(self, options, workdir):
        self.o = options
        self.dir = workdir
        self.rng = random.Random(options.seed)
        self.prefix = "chaos" + uuid.uuid4().hex[:6]
        self.faults = []  # (time, description)
        self.sent_at = {}  # id -> first send time
        self.sending_done = threading.Event()
        self.lock = threading.Lock()
        self.services = {}

    # --- the real components -------------------------------------------
    def start_infrastructure(self):
        out = subprocess.run([str(KAFKA_SH), "cluster-start", str(self.dir / "kafka"), "1",
                              f"{self.prefix}.raw:6", f"{self.prefix}.enriched:6",
                              f"{self.prefix}.dlq:1"],
                             capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            sys.exit(f"chaos: Kafka did not start:\n{out.stderr}")
        self.bootstrap = out.stdout.strip().splitlines()[-1]
        out = subprocess.run([str(POSTGRES_SH), "start", str(self.dir / "pg")],
                             capture_output=True, text=True, timeout=120)
        if out.returncode != 0:
            sys.exit(f"chaos: PostgreSQL did not start:\n{out.stderr}")
        self.conninfo = out.stdout.strip().splitlines()[-1]

    def psql(self, sql):
        out = subprocess.run(["psql", self.conninfo, "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql],
                             capture_output=True, text=True, timeout=60)
        if out.returncode != 0:
            raise RuntimeError(out.stderr.strip())
        return out.stdout

    def start_services(self):
        t = self.prefix
        common = ["--brokers", self.bootstrap]
        for i in range(2):
            self.services[f"store-{i}"] = Service(
                f"store-{i}", "warta-store",
                [*common, "--enriched_topic", f"{t}.enriched", "--dlq_topic", f"{t}.dlq",
                 "--group_id", f"{t}-store", "--db", f"postgres:{self.conninfo}"], self.dir)
        for i in range(2):
            eos = (["--exactly_once", "--transactional_id", f"{t}-enrich-{i}"]
                   if self.o.mode == "eos" else [])
            self.services[f"enrich-{i}"] = Service(
                f"enrich-{i}", "warta-enrich",
                [*common, "--raw_topic", f"{t}.raw", "--enriched_topic", f"{t}.enriched",
                 "--dlq_topic", f"{t}.dlq", "--group_id", f"{t}-enrich", *eos], self.dir)
        self.services["ingest"] = Service("ingest", "warta-ingest",
                                          [*common, "--raw_topic", f"{t}.raw"], self.dir)
        for s in self.services.values():
            s.start()
        # Every committed insert (or replacement) of an article row is logged:
        # an article applied twice shows up twice, however it happened.
        self.psql("CREATE TABLE IF NOT EXISTS chaos_applied (id TEXT NOT NULL);"
                  "CREATE OR REPLACE FUNCTION chaos_log() RETURNS trigger AS $$ BEGIN "
                  "INSERT INTO chaos_applied VALUES (NEW.id); RETURN NEW; END $$ "
                  "LANGUAGE plpgsql;"
                  "DROP TRIGGER IF EXISTS chaos_applied ON articles;"
                  "CREATE TRIGGER chaos_applied AFTER INSERT ON articles FOR EACH ROW "
                  "EXECUTE FUNCTION chaos_log();")

    # --- load --------------------------------------------------------------
    def send(self, articles, pb):
        import grpc
        _, services_pb2, services_grpc = pb
        channel = grpc.insecure_channel(self.services["ingest"].address)
        ingest = services_grpc.IngestServiceStub(channel)
        kcat_lines = []

        def kcat_publish():
            # One kcat per small chunk: kcat exits non-zero when the broker is
            # down (it gives up on "all brokers down"), and the chunk is
            # published again. What went through twice is counted on the raw
            # topic and not blamed on the pipeline.
            data = "".join(kcat_lines)
            while True:
                out = subprocess.run([tool("kcat"), "-P", "-b", self.bootstrap, "-t",
                                      f"{self.prefix}.raw", "-K", "\t"],
                                     input=data, text=True, capture_output=True, timeout=300)
                if out.returncode == 0:
                    break
                log("kcat failed, publishing its chunk again:", out.stderr.strip()[-160:])
                time.sleep(1)
            kcat_lines.clear()
        interval = 1.0 / self.o.rate
        next_at = time.time()
        for i, a in enumerate(articles):
            now = time.time()
            if now < next_at:
                time.sleep(next_at - now)
            next_at += interval
            with self.lock:
                self.sent_at[a["id"]] = time.time()
            if i % 2 == 0:
                kcat_lines.append(a["id"] + "\t" + json.dumps(a, ensure_ascii=False) + "\n")
                if len(kcat_lines) >= 25:
                    kcat_publish()
                continue
            request = services_pb2.SubmitRequest(article_json=json.dumps(a, ensure_ascii=False))
            while True:  # the broker may be restarting: resubmit, same id
                try:
                    ingest.Submit(request, timeout=30)
                    break
                except grpc.RpcError as e:
                    if e.code() == grpc.StatusCode.INVALID_ARGUMENT:
                        log("refused", a["id"], e.details())
                        break
                    log("resubmitting", a["id"], "after", e.code().name, e.details()[:120])
                    time.sleep(0.5)
            if i % 500 == 1:
                log("sent", i + 1)
        if kcat_lines:
            kcat_publish()
        self.sending_done.set()

    # --- faults -------------------------------------------------------------
    def fault_plan(self, duration):
        plan = ([("kill", "enrich")] * self.o.kills + [("kill", "store")] * self.o.kills +
                [("broker", None)] * self.o.broker_restarts +
                [("postgres", None)] * self.o.pg_outages)
        self.rng.shuffle(plan)
        # Spread over the sending time, a little random.
        step = duration / (len(plan) + 1)
        return [(step * (k + 1) + self.rng.uniform(-step / 3, step / 3), what, arg)
                for k, (what, arg) in enumerate(plan)]

    def run_faults(self, plan, t0):
        for at, what, arg in plan:
            delay = t0 + at - time.time()
            if delay > 0:
                time.sleep(delay)
            started = time.time()
            if what == "kill":
                s = self.services[f"{arg}-{self.rng.randrange(2)}"]
                s.kill()
                time.sleep(self.rng.uniform(0.2, 2.0))
                s.start()
                description = f"SIGKILL {s.name}"
            elif what == "broker":
                subprocess.run([str(KAFKA_SH), "node-stop", str(self.dir / "kafka"), "1"],
                               check=True, timeout=120, capture_output=True)
                subprocess.run([str(KAFKA_SH), "node-start", str(self.dir / "kafka"), "1"],
                               check=True, timeout=180, capture_output=True)
                description = "Kafka broker restart"
            else:
                subprocess.run([str(POSTGRES_SH), "crash", str(self.dir / "pg")], check=True,
                               timeout=60, capture_output=True)
                time.sleep(self.o.pg_outage_s)
                subprocess.run([str(POSTGRES_SH), "start", str(self.dir / "pg")], check=True,
                               timeout=120, capture_output=True)
                description = f"PostgreSQL down {self.o.pg_outage_s:g} s"
            log("fault:", description)
            self.faults.append((started, description))

    def watch_progress(self, stop):
        """(time, stored count) every half second, while PostgreSQL answers."""
        self.progress = []
        while not stop.is_set():
            try:
                self.progress.append((time.time(), int(self.psql("SELECT count(*) FROM articles"))))
            except (RuntimeError, subprocess.TimeoutExpired, ValueError):
                pass
            time.sleep(0.5)

    def recovery_s(self, fault_time):
        """Seconds from a fault until the stored count grew again (None when
        nothing was left to store by then)."""
        before = [c for t, c in self.progress if t <= fault_time]
        base = before[-1] if before else 0
        for t, c in self.progress:
            if t > fault_time and c > base:
                return t - fault_time
        return None

    # --- the count ---------------------------------------------------------
    def stored_articles(self, pb):
        import grpc
        _, services_pb2, services_grpc = pb
        store = services_grpc.StoreServiceStub(
            grpc.insecure_channel(self.services["store-0"].address))
        out, token = {}, ""
        while True:
            r = store.ListArticles(services_pb2.ListArticlesRequest(page_size=200,
                                                                    page_token=token), timeout=60)
            for a in r.articles:
                out[a.article.id] = a.article.body
            token = r.next_page_token
            if not token:
                return out

    def topic_keys(self, topic, isolation="read_committed"):
        from confluent_kafka import Consumer
        consumer = Consumer({"bootstrap.servers": self.bootstrap, "group.id": uuid.uuid4().hex,
                             "auto.offset.reset": "earliest", "isolation.level": isolation,
                             "enable.auto.commit": False})
        consumer.subscribe([topic])
        keys, quiet_since = [], time.time()
        while time.time() - quiet_since < 5:
            m = consumer.poll(0.5)
            if m is not None and not m.error():
                keys.append((m.key() or b"").decode())
                quiet_since = time.time()
        consumer.close()
        return keys

    def run(self, pb):
        articles = load_articles(self.o.articles)
        self.start_infrastructure()
        self.start_services()
        duration = len(articles) / self.o.rate
        plan = self.fault_plan(duration)
        log(f"{len(articles)} articles at {self.o.rate}/s ({duration:.0f} s), {len(plan)} faults, "
            f"mode {self.o.mode}")
        stop_progress = threading.Event()
        progress = threading.Thread(target=self.watch_progress, args=(stop_progress,), daemon=True)
        progress.start()
        t0 = time.time()
        sender = threading.Thread(target=self.send, args=(articles, pb))
        sender.start()
        self.run_faults(plan, t0)
        sender.join()
        sent_ids = set(self.sent_at)
        # Drain: until everything is stored, or nothing more was stored for
        # --stall-s (what is missing then is lost, not late), or the timeout.
        deadline = time.time() + self.o.drain_timeout_s
        stored_count, last_growth = -1, time.time()
        while time.time() < deadline and time.time() - last_growth < self.o.stall_s:
            try:
                count = int(self.psql("SELECT count(*) FROM articles"))
            except RuntimeError:
                count = stored_count
            if count > stored_count:
                stored_count, last_growth = count, time.time()
            if stored_count >= len(sent_ids):
                break
            time.sleep(1)
        self.drained = stored_count >= len(sent_ids)
        stop_progress.set()
        progress.join()
        return self.report(articles, pb, t0)

    def report(self, articles, pb, t0):
        # The body as the decoder reads it (IndoSum calls it "text").
        sent = {a["id"]: a.get("body", a.get("text", a.get("content", "")))
                for a in articles if a["id"] in self.sent_at}
        stored = self.stored_articles(pb)
        dead = collections.Counter(self.topic_keys(f"{self.prefix}.dlq", "read_uncommitted"))
        on_topic = collections.Counter(self.topic_keys(f"{self.prefix}.enriched"))
        on_raw = collections.Counter(self.topic_keys(f"{self.prefix}.raw", "read_uncommitted"))
        applied = collections.Counter(
            line for line in self.psql("SELECT id FROM chaos_applied").splitlines() if line)
        stored_at = {}
        for line in self.psql("SELECT id, stored_at FROM articles").splitlines():
            if "|" in line:
                i, ns = line.split("|")
                stored_at[i] = int(ns) / 1e9

        def checksum(items):
            h = hashlib.sha256()
            for i in sorted(items):
                h.update(i.encode() + b"\0" + items[i].encode() + b"\0")
            return h.hexdigest()[:16]

        lost = sorted(set(sent) - set(stored) - set(dead))
        wrong_body = [i for i in stored if i in sent and stored[i] != sent[i]]
        store_dups = sum(n - 1 for n in applied.values())
        # Enriched twice from one raw message; an input sent twice is not the
        # pipeline's duplicate.
        topic_dups = sum(max(0, n - on_raw[k]) for k, n in on_topic.items())
        waits = [stored_at[i] - self.sent_at[i] for i in sent if i in stored_at]
        figures = {
            "mode": self.o.mode,
            "sent": len(sent),
            "stored": len(stored),
            "lost": len(lost),
            "dead_lettered": sum(dead.values()),
            "duplicated_in_store": store_dups,
            "duplicated_on_topic": topic_dups,
            "sent_twice_on_raw": sum(n - 1 for n in on_raw.values()),
            "checksum_sent": checksum(sent),
            "checksum_stored": checksum({i: b for i, b in stored.items() if i in sent}),
            "wrong_bodies": len(wrong_body),
            "faults": len(self.faults),
            "longest_wait_s": round(max(waits), 1) if waits else None,
            "run_s": round(time.time() - t0, 1),
        }
        print(json.dumps(figures))
        print(f"{'fault':<28} {'at s':>7} {'recovered after s':>18}")
        for at, description in self.faults:
            r = self.recovery_s(at)
            print(f"{description:<28} {at - t0:7.1f} {('%.1f' % r) if r is not None else '-':>18}")
        if lost:
            print("lost:", lost[:20])
        ok = (not lost and store_dups == 0 and not wrong_body and
              figures["checksum_sent"] == figures["checksum_stored"] and
              (self.o.mode != "eos" or topic_dups == 0))
        print("chaos:", "OK" if ok else "FAILED")
        return ok

    def cleanup(self):
        for s in self.services.values():
            try:
                s.stop()
            except Exception as e:  # noqa: BLE001 - stop the rest too
                log("stopping", s.name, e)
        subprocess.run([str(KAFKA_SH), "cluster-stop", str(self.dir / "kafka")], timeout=120)
        subprocess.run([str(POSTGRES_SH), "stop", str(self.dir / "pg")], timeout=60)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--articles", type=int, default=20000)
    p.add_argument("--rate", type=float, default=150, help="articles sent per second")
    p.add_argument("--kills", type=int, default=20, help="SIGKILLs of enrich, and of store")
    p.add_argument("--broker-restarts", type=int, default=3)
    p.add_argument("--pg-outages", type=int, default=2)
    p.add_argument("--pg-outage-s", type=float, default=10)
    p.add_argument("--mode", choices=["eos", "at-least-once"], default="eos")
    # Sanitized runs recover more slowly: a fixed stall window would call late articles lost.
    p.add_argument("--drain-timeout-s", type=float, default=3600 * SLOWDOWN)
    p.add_argument("--stall-s", type=float, default=120 * SLOWDOWN,
                   help="stop waiting when nothing more was stored for this long "
                        "(default 120 s times WARTA_TEST_SLOWDOWN)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    options = p.parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="warta-chaos-"))
    workdir.chmod(0o755)  # PostgreSQL runs as its own user below it
    log("work folder", workdir)
    (workdir / "pb").mkdir()
    pb = generated_modules(workdir / "pb")
    chaos = Chaos(options, workdir)
    try:
        ok = chaos.run(pb)
    finally:
        chaos.cleanup()
        if not options.keep:
            subprocess.run(["rm", "-rf", str(workdir)])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
