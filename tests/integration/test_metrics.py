"""What an operator sees of a running pipeline on a real broker: every
service's Prometheus metrics (GET /metrics on --metrics_listen) move when
articles flow, a poison message shows up as dead-lettered with its reason,
the consumers report their lag, and grpc-health-probe finds every service
SERVING."""

import re
import subprocess
import urllib.request

import grpc

from conftest import tool, wait_until

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"')

BODIES = [
    ("Presiden Rusia Vladimir Putin bertemu dengan Menteri Luar Negeri Korea Utara Choe Son Hui "
     "di Kremlin. \"Sekitar 10.000 tentara sudah tiba,\" kata seorang pejabat Ukraina."),
    ("Banjir merendam ratusan rumah warga di Kabupaten Bandung setelah hujan deras semalam. "
     "Badan Penanggulangan Bencana Daerah mengevakuasi 300 warga ke tempat pengungsian."),
    ("Bank Indonesia mempertahankan suku bunga acuan di level 6 persen. Gubernur Bank Indonesia "
     "Perry Warjiyo mengatakan inflasi tetap terkendali sepanjang tahun ini."),
]


def scrape(service):
    """GET /metrics: {(name, frozenset of label pairs): value}; checks the
    text format's content type on the way."""
    with urllib.request.urlopen(f"http://{service.metrics_address}/metrics", timeout=10) as r:
        assert r.status == 200
        assert r.headers["Content-Type"].startswith("text/plain; version=0.0.4"), r.headers
        text = r.read().decode()
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        m = SAMPLE.match(line)
        assert m, f"{service.name}: not an exposition line: {line!r}"
        labels = frozenset(LABEL.findall(m.group(2) or ""))
        samples[(m.group(1), labels)] = float(m.group(3))
    return samples


def value(samples, name, **labels):
    return samples.get((name, frozenset(labels.items())), 0.0)


def has_series(samples, name, **labels):
    """Whether some series of `name` carries at least `labels`."""
    want = set(labels.items())
    return any(n == name and want <= set(ls) for n, ls in samples)


def moved(before, after, name, **labels):
    return value(after, name, **labels) - value(before, name, **labels)


def submit(pb, ingest, article_id, body):
    stub = pb.grpc.IngestServiceStub(grpc.insecure_channel(ingest.address))
    article = pb.article.Article(id=article_id, source="metrics.test", body=body)
    return stub.Submit(pb.services.SubmitRequest(article=article), timeout=30)


def stored_count(pb, store):
    stub = pb.grpc.StoreServiceStub(grpc.insecure_channel(store.address))
    return len(stub.ListArticles(pb.services.ListArticlesRequest(page_size=100), timeout=10).articles)


def test_counters_move_when_articles_flow(pb, pipeline):
    services = {"ingest": pipeline.ingest, "enrich": pipeline.enrich, "store": pipeline.store}
    before = {name: scrape(s) for name, s in services.items()}

    for i, body in enumerate(BODIES):
        submit(pb, pipeline.ingest, f"metrics-{i}", body)
    subprocess.run([tool("kcat"), "-P", "-b", pipeline.kafka, "-t", pipeline.topics.raw],
                   input="{this is not an article\n", text=True, check=True, timeout=30)
    wait_until(lambda: stored_count(pb, pipeline.store) == len(BODIES), message="3 stored articles")
    wait_until(lambda: moved(before["enrich"], scrape(pipeline.enrich),
                             "warta_messages_dead_lettered_total", reason="undecodable") == 1,
               message="the poison message counted as dead-lettered")
    # librdkafka reports lag every few seconds; the store commits after its batch.
    for name, topic in (("enrich", pipeline.topics.raw), ("store", pipeline.topics.enriched)):
        wait_until(lambda: has_series(scrape(services[name]), "warta_consumer_lag_messages",
                                      topic=topic),
                   timeout=30, message=f"{name}'s lag on {topic}")
    after = {name: scrape(s) for name, s in services.items()}
    raw, enriched, dlq = pipeline.topics.raw, pipeline.topics.enriched, pipeline.topics.dlq
    n = len(BODIES)

    ingest_before, ingest = before["ingest"], after["ingest"]
    submit_call = {"method": "warta.v1.IngestService/Submit"}
    assert moved(ingest_before, ingest, "warta_messages_produced_total", topic=raw) == n
    assert moved(ingest_before, ingest, "warta_grpc_requests_total", code="OK", **submit_call) == n
    assert moved(ingest_before, ingest, "warta_grpc_request_duration_seconds_count",
                 **submit_call) == n

    enrich_before, enrich = before["enrich"], after["enrich"]
    assert moved(enrich_before, enrich, "warta_messages_consumed_total", topic=raw) == n + 1
    assert moved(enrich_before, enrich, "warta_messages_produced_total", topic=enriched) == n
    assert moved(enrich_before, enrich, "warta_messages_produced_total", topic=dlq) == 1
    assert moved(enrich_before, enrich, "warta_messages_dead_lettered_total", reason="invalid") == 0
    for stage in ("clean", "segment", "language", "entities", "dates", "quantities", "claims"):
        assert moved(enrich_before, enrich, "warta_enrich_stage_duration_seconds_count",
                     stage=stage) == n, stage
    assert moved(enrich_before, enrich, "warta_consume_batch_messages_sum") == n + 1
    assert value(enrich, "warta_consume_batch_messages_count") >= 1
    assert ("warta_consume_batch_retries_total", frozenset()) in enrich

    store_before, store = before["store"], after["store"]
    assert moved(store_before, store, "warta_messages_consumed_total", topic=enriched) == n
    assert moved(store_before, store, "warta_store_upserts_total", result="inserted") == n
    assert sum(moved(store_before, store, "warta_store_story_assignments_total", kind=k)
               for k in ("new_story", "joined", "near_copy")) == n
    assert moved(store_before, store, "warta_store_story_assignments_total", kind="new_story") >= 1
    list_call = {"method": "warta.v1.StoreService/ListArticles", "code": "OK"}
    assert moved(store_before, store, "warta_grpc_requests_total", **list_call) >= 1

    for name, samples in after.items():
        assert value(samples, "process_resident_memory_bytes") > 1e6, name
        assert ("process_cpu_seconds_total", frozenset()) in samples, name
        assert value(samples, "process_start_time_seconds") > 1.6e9, name


def test_grpc_health_probe_finds_every_service_serving(pipeline):
    for service in (pipeline.ingest, pipeline.enrich, pipeline.store):
        out = subprocess.run([tool("grpc-health-probe"), f"-addr={service.address}"],
                             capture_output=True, text=True, timeout=30)
        said = out.stdout + out.stderr  # the probe logs its verdict on stderr
        assert out.returncode == 0, f"{service.name}: {said}"
        assert "status: SERVING" in said, f"{service.name}: {said}"
