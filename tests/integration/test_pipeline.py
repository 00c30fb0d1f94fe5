"""The pipeline against a real Kafka broker: articles published with kcat
and through warta-ingest end up enriched in the store; poison messages go to
the dead-letter topic without stalling the stream; a killed enrich instance
loses nothing and duplicates nothing."""

import collections
import json
import sqlite3
import subprocess
import threading
import time
import uuid

import grpc
import pytest
from confluent_kafka import Consumer, Producer

from conftest import BIN, SLOWDOWN, tool, wait_until

ARTICLE = {
    "url": "https://example.test/putin-choe",
    "source": "example.test",
    "title": "Putin bertemu Menlu Korea Utara di Moskow",
    "body": ("TEMPO.CO, Jakarta - Presiden Rusia Vladimir Putin bertemu dengan Menteri Luar "
             "Negeri Korea Utara Choe Son Hui di Kremlin pada hari Senin. \"Presiden Putin "
             "menerima menteri luar negeri Korea Utara,\" kata Kremlin dalam sebuah pernyataan. "
             "Barat telah mengklaim bahwa sekitar 10.000 tentara Korea Utara berada di Rusia."),
    "languageHint": "id",
}


def store_stub(pb, pipeline):
    return pb.grpc.StoreServiceStub(grpc.insecure_channel(pipeline.store.address))


def get_article(pb, stub, article_id):
    try:
        return stub.GetArticle(pb.services.GetArticleRequest(id=article_id), timeout=5 * SLOWDOWN)
    except grpc.RpcError as e:
        if e.code() == grpc.StatusCode.NOT_FOUND:
            return None
        raise


def all_articles(pb, stub):
    out, token = [], ""
    while True:
        r = stub.ListArticles(pb.services.ListArticlesRequest(page_size=100, page_token=token),
                              timeout=10 * SLOWDOWN)
        out.extend(r.articles)
        token = r.next_page_token
        if not token:
            return out


def kcat_produce(bootstrap, topic, lines, key=None):
    args = [tool("kcat"), "-P", "-b", bootstrap, "-t", topic]
    if key is not None:
        args += ["-K", "\t"]
    subprocess.run(args, input="\n".join(lines) + "\n", text=True, check=True, timeout=30 * SLOWDOWN)


def test_json_article_from_kcat_is_enriched_and_stored(pb, pipeline):
    article = dict(ARTICLE, id="kcat-1")
    kcat_produce(pipeline.kafka, pipeline.topics.raw, [json.dumps(article)])
    stub = store_stub(pb, pipeline)
    stored = wait_until(lambda: get_article(pb, stub, "kcat-1"), message="kcat-1 in the store")
    assert stored.article.title == ARTICLE["title"]
    assert stored.language.code == "id"
    assert stored.pipeline_version
    names = {e.name for e in stored.entities}
    assert "Vladimir Putin" in names, names
    assert stored.text.body and "Vladimir Putin" in stored.text.body


# A crawler's line as IndoSum ships them: text, source_url, lang, category.
CRAWLER_LINE = {
    "source": "kumparan",
    "source_url": "https://kumparan.com/example/putin-bertemu-menlu-korut",
    "category": "tajuk utama",
    "lang": "id",
    "date": "2024-11-04",
    "text": ARTICLE["body"],
}


def test_a_crawler_line_is_read_alike_by_every_door(pb, pipeline, tmp_path):
    """The same JSON goes in by kcat, by IngestService.article_json and by
    `warta publish`: all three are stored with the same fields (it used to
    be dead-lettered off the topic: "article.body is required")."""
    kcat_produce(pipeline.kafka, pipeline.topics.raw, [json.dumps(dict(CRAWLER_LINE, id="door-kcat"))])
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    ingest.Submit(pb.services.SubmitRequest(
        article_json=json.dumps(dict(CRAWLER_LINE, id="door-grpc"))), timeout=30 * SLOWDOWN)
    line_file = tmp_path / "crawl.jsonl"
    line_file.write_text(json.dumps(dict(CRAWLER_LINE, id="door-cli")) + "\n")
    subprocess.run([str(BIN / "warta"), "publish", "--brokers", pipeline.kafka,
                    "--topic", pipeline.topics.raw, str(line_file)], check=True, timeout=60,
                   capture_output=True)
    stub = store_stub(pb, pipeline)
    stored = [wait_until(lambda i=i: get_article(pb, stub, i), message=f"{i} in the store")
              for i in ("door-kcat", "door-grpc", "door-cli")]
    for s in stored:
        assert s.article.body == CRAWLER_LINE["text"]
        assert s.article.url == CRAWLER_LINE["source_url"]
        assert s.article.source == "kumparan" and s.article.language_hint == "id"
        assert s.article.metadata["category"] == "tajuk utama"
        assert s.article.published_at.seconds == 1730678400
        assert "Vladimir Putin" in {e.name for e in s.entities}


def test_ingest_refuses_a_crawler_json_with_a_reason(pb, pipeline):
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    with pytest.raises(grpc.RpcError) as refused:
        ingest.Submit(pb.services.SubmitRequest(article_json='{"text": {"html": "x"}}'), timeout=30 * SLOWDOWN)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert '"text" must be a string' in refused.value.details()
    with pytest.raises(grpc.RpcError) as empty:
        ingest.Submit(pb.services.SubmitRequest(article_json='{"lang": "id"}'), timeout=30 * SLOWDOWN)
    assert "body is required" in empty.value.details()


def test_article_submitted_through_ingest_is_stored(pb, pipeline):
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    request = pb.services.SubmitRequest(article=pb.article.Article(
        title=ARTICLE["title"], body=ARTICLE["body"], source="example.test"))
    response = ingest.Submit(request, timeout=30 * SLOWDOWN)
    assert len(response.id) == 32, "an id is derived from the content when none is given"
    assert response.topic == pipeline.topics.raw
    # The same content gets the same id: resubmitting is safe.
    assert ingest.Submit(request, timeout=30 * SLOWDOWN).id == response.id
    stub = store_stub(pb, pipeline)
    stored = wait_until(lambda: get_article(pb, stub, response.id), message="ingested article")
    assert stored.article.source == "example.test"
    assert len(all_articles(pb, stub)) == 1, "a resubmitted article is stored once"


def test_ingest_refuses_bad_articles_with_a_clear_message(pb, pipeline):
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    with pytest.raises(grpc.RpcError) as blank:
        ingest.Submit(pb.services.SubmitRequest(article=pb.article.Article(title="t", body="  ")),
                      timeout=10 * SLOWDOWN)
    assert blank.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "body" in blank.value.details()
    with pytest.raises(grpc.RpcError) as big:
        ingest.Submit(pb.services.SubmitRequest(article=pb.article.Article(body="x" * 300_000)),
                      timeout=10 * SLOWDOWN)
    assert big.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "limit" in big.value.details()
    # A stream answers each article, refusing only the bad one.
    requests = [pb.services.SubmitRequest(article=pb.article.Article(id=f"s{i}", body=f"Berita {i}."))
                for i in range(5)]
    requests.insert(2, pb.services.SubmitRequest(article=pb.article.Article(id="bad", body="")))
    answers = list(ingest.SubmitStream(iter(requests), timeout=60 * SLOWDOWN))
    assert [a.id for a in answers] == ["s0", "s1", "bad", "s2", "s3", "s4"]
    assert [a.error_code != 0 for a in answers] == [False, False, True, False, False, False]


def test_poison_message_goes_to_dlq_and_the_next_message_flows(pb, pipeline):
    kcat_produce(pipeline.kafka, pipeline.topics.raw,
                 ["poison\t{this is not json", "empty-body\t{\"id\": \"e1\", \"body\": \"\"}",
                  "good\t" + json.dumps(dict(ARTICLE, id="after-poison"))], key=True)
    stub = store_stub(pb, pipeline)
    wait_until(lambda: get_article(pb, stub, "after-poison"), message="the message after the poison")
    consumer = Consumer({"bootstrap.servers": pipeline.kafka, "group.id": "dlq-reader",
                         "auto.offset.reset": "earliest"})
    consumer.subscribe([pipeline.topics.dlq])
    dead = []
    deadline = time.time() + 30 * SLOWDOWN
    while len(dead) < 2 and time.time() < deadline:
        m = consumer.poll(1.0)
        if m is not None and not m.error():
            dead.append(m)
    consumer.close()
    assert len(dead) == 2
    by_key = {m.key().decode(): m for m in dead}
    poison = dict((k, v.decode()) for k, v in by_key["poison"].headers())
    assert by_key["poison"].value() == b"{this is not json", "the original bytes are kept"
    assert "JSON" in poison["warta.dlq.reason"]
    assert poison["warta.dlq.topic"] == pipeline.topics.raw
    # The origin points at the very message on the raw topic.
    raw = Consumer({"bootstrap.servers": pipeline.kafka, "group.id": "raw-reader",
                    "auto.offset.reset": "earliest"})
    raw.subscribe([pipeline.topics.raw])
    original = None
    deadline = time.time() + 30 * SLOWDOWN
    while original is None and time.time() < deadline:
        m = raw.poll(1.0)
        if m is not None and not m.error() and m.key() == b"poison":
            original = m
    raw.close()
    assert original is not None, "the poison message is on the raw topic"
    assert int(poison["warta.dlq.partition"]) == original.partition()
    assert int(poison["warta.dlq.offset"]) == original.offset()
    empty = dict((k, v.decode()) for k, v in by_key["empty-body"].headers())
    assert "body" in empty["warta.dlq.reason"]


def produce_articles(pipeline, total, prefix):
    producer = Producer({"bootstrap.servers": pipeline.kafka})
    for i in range(total):
        a = dict(ARTICLE, id=f"{prefix}{i:04d}", body=ARTICLE["body"] + f" Nomor {i}.")
        producer.produce(pipeline.topics.raw, key=a["id"], value=json.dumps(a))
    assert producer.flush(30) == 0
    return {f"{prefix}{i:04d}" for i in range(total)}


def count_messages(bootstrap, topic):
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "counter-" + topic})
    from confluent_kafka import TopicPartition
    n = 0
    for p in consumer.list_topics(topic, timeout=10 * SLOWDOWN).topics[topic].partitions:
        low, high = consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10 * SLOWDOWN)
        n += high - low
    consumer.close()
    return n


class WatchRecorder:
    """Every article the store announces on Watch, in order, from now on: an
    article re-applied by a redelivery would show up twice."""

    def __init__(self, pb, stub):
        self.ids = []
        self._stream = stub.Watch(pb.services.WatchRequest(), timeout=600 * SLOWDOWN)
        self._stream.initial_metadata()  # subscribed once the server sent it
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self):
        try:
            for article in self._stream:
                self.ids.append(article.article.id)
        except grpc.RpcError:
            pass  # cancelled by stop()

    def stop(self, quiet=2.0):
        """Waits until nothing new arrived for `quiet` seconds, then stops."""
        seen = -1
        while seen != len(self.ids):
            seen = len(self.ids)
            time.sleep(quiet)
        self._stream.cancel()
        self._thread.join(10)
        return collections.Counter(self.ids)


def end_offsets(bootstrap, topic):
    from confluent_kafka import TopicPartition
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "ends-" + topic})
    ends = {p: consumer.get_watermark_offsets(TopicPartition(topic, p), timeout=10 * SLOWDOWN)[1]
            for p in consumer.list_topics(topic, timeout=10 * SLOWDOWN).topics[topic].partitions}
    consumer.close()
    return ends


def stored_once_each(db_path, enriched_topic, bootstrap, transactional=False):
    """What the store's own tables say: every article applied once (the change
    sequence has no gaps a re-applied redelivery would leave) and offsets
    stored for exactly the messages on the enriched topic (on a transactional
    topic each partition ends with a commit marker, which is no message)."""
    with sqlite3.connect(db_path) as db:
        max_seq, rows = db.execute("SELECT MAX(seq), COUNT(*) FROM articles").fetchone()
        stored = dict(db.execute("SELECT partition, next_offset FROM kafka_offsets "
                                 "WHERE topic = ?", (enriched_topic,)).fetchall())
    assert max_seq == rows, f"{max_seq - rows} re-applied upserts bumped the change sequence"
    marker = 1 if transactional else 0
    ends = {p: end - marker for p, end in end_offsets(bootstrap, enriched_topic).items() if end}
    assert stored == ends, "stored offsets = the end of each partition's messages"


def wait_for_all(pb, stub, expected, timeout=120):  # wait_until scales it
    return wait_until(lambda: (lambda a: a if len(a) >= len(expected) else None)(all_articles(pb, stub)),
                      timeout=timeout, message="every article in the store")


def test_enrich_killed_before_commit_loses_nothing_and_duplicates_nothing(pb, pipeline):
    """The worst moment to die: outputs acknowledged by Kafka, offsets not yet
    committed. The restarted instance redoes that batch; the store applies
    each article once and Watch announces each once."""
    stub = store_stub(pb, pipeline)
    watch = WatchRecorder(pb, stub)
    assert pipeline.enrich.stop() == 0
    expected = produce_articles(pipeline, 120, "k")
    crashing = pipeline.start("warta-enrich", *pipeline.enrich_args, "--max_batch", "20",
                              "--crash_before_commit_batch", "3")
    assert crashing.proc.wait(120 * SLOWDOWN) == 137, crashing.log_text()
    crashing.log.close()
    produced_before_restart = count_messages(pipeline.kafka, pipeline.topics.enriched)
    assert produced_before_restart >= 60
    pipeline.start("warta-enrich", *pipeline.enrich_args)
    stored = wait_for_all(pb, stub, expected)
    assert sorted(a.article.id for a in stored) == sorted(expected), "nothing lost"
    # The batch that was not committed was enriched twice...
    assert count_messages(pipeline.kafka, pipeline.topics.enriched) > len(expected)
    # ...and applied once: no second change, no second Watch event.
    announced = watch.stop()
    assert set(announced) == expected
    assert [i for i, n in announced.items() if n > 1] == [], "announced twice"
    stored_once_each(pipeline.db, pipeline.topics.enriched, pipeline.kafka)


def topic_keys(bootstrap, topic, isolation, at_least, timeout=60 * SLOWDOWN):
    """Keys of every message a reader with this isolation level sees on the
    topic, read from the start until `at_least` arrived and 2 s passed
    without more."""
    consumer = Consumer({"bootstrap.servers": bootstrap, "group.id": "reader-" + uuid.uuid4().hex,
                         "auto.offset.reset": "earliest", "isolation.level": isolation,
                         "enable.auto.commit": False})
    consumer.subscribe([topic])
    keys, deadline, last_new = [], time.time() + timeout, time.time()
    while time.time() < deadline:
        m = consumer.poll(0.5)
        if m is not None and not m.error():
            keys.append(m.key().decode())
            last_new = time.time()
        elif len(keys) >= at_least and time.time() - last_new > 2:
            break
    consumer.close()
    return collections.Counter(keys)


def test_exactly_once_enrich_killed_before_commit_publishes_each_article_once(pb, pipeline):
    """--exactly_once: outputs and offsets in one Kafka transaction. Killed
    with a batch's outputs written but not committed, the restarted instance
    (same transactional id) aborts them and redoes the batch: a
    read_committed reader of articles.enriched sees each article once."""
    assert pipeline.enrich.stop() == 0
    expected = produce_articles(pipeline, 120, "x")
    eos = [*pipeline.enrich_args, "--exactly_once", "--transactional_id",
           pipeline.topics.prefix + "-enrich-0"]
    crashing = pipeline.start("warta-enrich", *eos, "--max_batch", "20",
                              "--crash_before_commit_batch", "3")
    assert crashing.proc.wait(120 * SLOWDOWN) == 137, crashing.log_text()
    crashing.log.close()
    pipeline.start("warta-enrich", *eos)
    stub = store_stub(pb, pipeline)
    wait_for_all(pb, stub, expected)
    committed = topic_keys(pipeline.kafka, pipeline.topics.enriched, "read_committed", len(expected))
    assert set(committed) == expected
    assert [k for k, n in committed.items() if n > 1] == [], "seen twice by read_committed"
    # Not vacuous: the killed instance did write the batch it never committed.
    everything = topic_keys(pipeline.kafka, pipeline.topics.enriched, "read_uncommitted",
                            len(expected))
    assert sum(everything.values()) > len(expected), everything.most_common(3)
    stored_once_each(pipeline.db, pipeline.topics.enriched, pipeline.kafka, transactional=True)


def test_enrich_killed_with_sigkill_mid_stream_loses_nothing(pb, pipeline):
    stub = store_stub(pb, pipeline)
    watch = WatchRecorder(pb, stub)
    assert pipeline.enrich.stop() == 0
    expected = produce_articles(pipeline, 400, "s")
    # Small batches, so the kill lands with work in flight.
    enrich = pipeline.start("warta-enrich", *pipeline.enrich_args, "--max_batch", "5")
    wait_until(lambda: len(all_articles(pb, stub)) >= 1, interval=0.02, message="first article")
    enrich.kill()
    at_kill = len(all_articles(pb, stub))
    assert at_kill < len(expected), "the kill came after all the work: nothing was in flight"
    pipeline.start("warta-enrich", *pipeline.enrich_args)
    stored = wait_for_all(pb, stub, expected)
    assert sorted(a.article.id for a in stored) == sorted(expected)
    announced = watch.stop()
    assert set(announced) == expected
    assert [i for i, n in announced.items() if n > 1] == [], "announced twice"
    stored_once_each(pipeline.db, pipeline.topics.enriched, pipeline.kafka)


def restart_store(pipeline, *extra):
    return pipeline.start("warta-store", "--brokers", pipeline.kafka, "--enriched_topic",
                          pipeline.topics.enriched, "--dlq_topic", pipeline.topics.dlq,
                          "--group_id", pipeline.topics.prefix + "-store",
                          "--db", str(pipeline.db), *extra)


def test_store_killed_before_commit_stores_each_article_once(pb, pipeline):
    assert pipeline.store.stop() == 0
    expected = produce_articles(pipeline, 90, "d")
    crashing = restart_store(pipeline, "--max_batch", "10", "--crash_before_commit_batch", "2")
    assert crashing.proc.wait(120 * SLOWDOWN) == 137, crashing.log_text()
    crashing.log.close()
    pipeline.store = restart_store(pipeline)
    stub = store_stub(pb, pipeline)
    stored = wait_for_all(pb, stub, expected)
    assert sorted(a.article.id for a in stored) == sorted(expected)
    stored_once_each(pipeline.db, pipeline.topics.enriched, pipeline.kafka)


def test_store_killed_with_sigkill_mid_stream_stores_each_article_once(pb, pipeline):
    """SIGKILL while batches are being written: the offsets live in the same
    transaction as the rows, so the restarted store resumes exactly after
    the last committed batch."""
    assert pipeline.store.stop() == 0
    expected = produce_articles(pipeline, 400, "m")
    wait_until(lambda: count_messages(pipeline.kafka, pipeline.topics.enriched) >= len(expected),
               timeout=120, message="every article enriched")
    store = restart_store(pipeline, "--max_batch", "5")
    pipeline.store = store
    stub = store_stub(pb, pipeline)
    wait_until(lambda: len(all_articles(pb, stub)) >= 1, interval=0.02, message="first article")
    store.kill()
    with sqlite3.connect(pipeline.db) as db:
        at_kill = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert at_kill < len(expected), "the kill came after all the work: nothing was in flight"
    pipeline.store = restart_store(pipeline)
    stub = store_stub(pb, pipeline)
    stored = wait_for_all(pb, stub, expected)
    assert sorted(a.article.id for a in stored) == sorted(expected)
    stored_once_each(pipeline.db, pipeline.topics.enriched, pipeline.kafka)


def test_watch_streams_articles_as_they_are_stored(pb, pipeline):
    stub = store_stub(pb, pipeline)
    stream = stub.Watch(pb.services.WatchRequest(), timeout=60 * SLOWDOWN)
    stream.initial_metadata()  # the server sends it once the watch is subscribed
    kcat_produce(pipeline.kafka, pipeline.topics.raw, [json.dumps(dict(ARTICLE, id="watched"))])
    first = next(stream)
    assert first.article.id == "watched"
    stream.cancel()
