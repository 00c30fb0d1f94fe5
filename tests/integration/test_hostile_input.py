"""What the internet sends: every door refuses bad input with a message a
user can act on, and goes on serving. On Kafka (articles.raw) each bad
message lands in the dead-letter topic with its reason and the next good
article still flows; over gRPC each gets INVALID_ARGUMENT or
RESOURCE_EXHAUSTED; odd but valid articles (only quotes, only digits, 24,000
capitalised words, the year 9999) are enriched."""

import json
import time

import grpc
import pytest
from confluent_kafka import Consumer, Producer

from conftest import wait_until

GOOD = {"source": "example.test", "title": "Harga beras naik",
        "body": "JAKARTA - Menteri Perdagangan mengatakan harga beras naik 10 persen pekan ini."}



def bad_messages(pb):
    """key -> (raw message bytes, a word the dead-letter reason must contain)."""
    article = pb.article.Article(id="p1", body="Isi berita yang cukup panjang untuk dipotong.")
    return {
        "empty": (b"", "empty"),
        "truncated-protobuf": (article.SerializeToString()[:-5], "protobuf"),
        "wrong-types": (json.dumps({"body": {"html": "<p>x</p>"}}).encode(), "must be a string"),
        "non-utf8": (json.dumps({"body": "x"}).encode().replace(b"x", b"\xff\xfe"), "UTF-8"),
        "too-big": (json.dumps({"body": "a" * 300_000}).encode(), "limit"),
        "empty-body": (json.dumps({"title": "only a title", "body": "   "}).encode(), "body"),
        "capitalised-100k": (json.dumps({"body": " ".join(["Ab"] * 100_000)}).encode(), "limit"),
        "deeply-nested": (("{\"body\": \"x\", \"extra\": " + "[" * 5000 + "]" * 5000 + "}").encode(),
                          "JSON"),
        "year-0": (json.dumps({"body": "x", "published_at": "0000-01-01T00:00:00Z"}).encode(),
                   "published_at"),
    }


def odd_but_valid():
    return {
        "only-quotes": dict(GOOD, body="\"\" “” ''' \"\"\" «» " * 200),
        "only-digits": dict(GOOD, body="1234567890 " * 2000),
        "capitalised-24k": dict(GOOD, body=" ".join(["Jakarta", "Bandung"] * 12_000)),
        "year-9999": dict(GOOD, published_at="9999-12-31T23:59:59Z"),
    }


def test_bad_messages_on_the_raw_topic_are_dead_lettered_and_the_stream_flows(pb, pipeline):
    BAD_MESSAGES = bad_messages(pb)
    producer = Producer({"bootstrap.servers": pipeline.kafka, "message.max.bytes": 2_000_000})
    for key, (value, _) in BAD_MESSAGES.items():
        producer.produce(pipeline.topics.raw, key=key, value=value)
    for key, a in odd_but_valid().items():
        producer.produce(pipeline.topics.raw, key=key, value=json.dumps(dict(a, id=key)))
    producer.produce(pipeline.topics.raw, key="good", value=json.dumps(dict(GOOD, id="good-after")))
    assert producer.flush(30) == 0

    stub = pb.grpc.StoreServiceStub(grpc.insecure_channel(pipeline.store.address))

    def stored(article_id):
        try:
            return stub.GetArticle(pb.services.GetArticleRequest(id=article_id), timeout=5)
        except grpc.RpcError as e:
            if e.code() == grpc.StatusCode.NOT_FOUND:
                return None
            raise

    for key in [*odd_but_valid(), "good-after"]:
        wait_until(lambda k=key: stored(k), timeout=90, message=f"{key} stored")
    assert stored("year-9999").article.published_at.seconds == 253402300799

    consumer = Consumer({"bootstrap.servers": pipeline.kafka, "group.id": "hostile-dlq",
                         "auto.offset.reset": "earliest"})
    consumer.subscribe([pipeline.topics.dlq])
    reasons, deadline = {}, time.time() + 60
    while len(reasons) < len(BAD_MESSAGES) and time.time() < deadline:
        m = consumer.poll(1.0)
        if m is not None and not m.error():
            headers = {k: v.decode() for k, v in m.headers()}  # text, whatever came in
            reasons[m.key().decode()] = headers["warta.dlq.reason"]
    consumer.close()
    assert set(reasons) == set(BAD_MESSAGES), reasons
    for key, (_, word) in BAD_MESSAGES.items():
        assert word.lower() in reasons[key].lower(), f"{key}: {reasons[key]!r}"


def test_bad_requests_over_grpc_get_clear_errors_and_the_server_keeps_serving(pb, pipeline):
    enrich = pb.grpc.EnrichServiceStub(grpc.insecure_channel(pipeline.enrich.address))
    ingest = pb.grpc.IngestServiceStub(grpc.insecure_channel(pipeline.ingest.address))
    Article = pb.article.Article
    cases = {
        "empty body": (Article(body=""), "body is required"),
        "blank body": (Article(body=" \n\t "), "body is required"),
        "too big": (Article(body="a" * 300_000), "limit"),
        "100,000 capitalised words": (Article(body=" ".join(["Ab"] * 100_000)), "limit"),
    }
    for name, (article, word) in cases.items():
        for call in (lambda a: enrich.Enrich(pb.services.EnrichRequest(article=a), timeout=30),
                     lambda a: ingest.Submit(pb.services.SubmitRequest(article=a), timeout=30)):
            with pytest.raises(grpc.RpcError) as refused:
                call(article)
            assert refused.value.code() in (grpc.StatusCode.INVALID_ARGUMENT,
                                            grpc.StatusCode.RESOURCE_EXHAUSTED), name
            assert word.lower() in refused.value.details().lower(), (name, refused.value.details())
    # Bytes that are no EnrichRequest (truncated; a string that is not
    # UTF-8): gRPC C++ refuses them before our code runs, with INTERNAL.
    raw = grpc.insecure_channel(pipeline.enrich.address).unary_unary(
        "/warta.v1.EnrichService/Enrich")
    not_utf8 = b"\x22\x01\xff" + b"\x2a\x01x"  # Article { title: "\xff", body: "x" }
    for wire in (b"\x0a\x10\x2a\x05ab", b"\x0a" + bytes([len(not_utf8)]) + not_utf8):
        with pytest.raises(grpc.RpcError) as unparsable:
            raw(wire, timeout=30)
        assert unparsable.value.code() == grpc.StatusCode.INTERNAL
    # A crawler's JSON with wrong types through IngestService.article_json.
    with pytest.raises(grpc.RpcError) as typed:
        ingest.Submit(pb.services.SubmitRequest(article_json='{"text": ["a", "b"]}'), timeout=30)
    assert typed.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert '"text" must be a string' in typed.value.details()
    # Over the 8 MiB receive limit.
    with pytest.raises(grpc.RpcError) as huge:
        enrich.Enrich(pb.services.EnrichRequest(article=Article(body="a" * 9_000_000)), timeout=30)
    assert huge.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    # No deadline at all is served; a cancelled stream frees the server.
    assert enrich.Enrich(pb.services.EnrichRequest(article=Article(body=GOOD["body"]))).enriched
    stream = enrich.EnrichStream(iter([pb.services.EnrichRequest(article=Article(body=GOOD["body"]))
                                       for _ in range(1000)]), timeout=60)
    next(stream)
    stream.cancel()
    # Still serving, odd but valid input included.
    for name, a in odd_but_valid().items():
        published = a.pop("published_at", None)
        article = Article(**a)
        if published:
            article.published_at.FromJsonString(published)
        got = enrich.Enrich(pb.services.EnrichRequest(article=article), timeout=60)
        assert got.enriched.text.body, name
