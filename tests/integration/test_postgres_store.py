"""Two warta-store instances in one consumer group sharing a real PostgreSQL
database: the partitions are split between them, every article is stored
once, a Watch on one instance sees what the other stored, and the two,
racing, still put the reports of one event into one story; full-text search
finds them all by a stemmed word."""

import json

import grpc
from confluent_kafka import Producer

from conftest import wait_until
from test_pipeline import ARTICLE, all_articles


def test_two_stores_share_one_postgres_database(pb, kafka, topics, services, pg_database):
    store_args = ["--brokers", kafka, "--enriched_topic", topics.enriched, "--dlq_topic",
                  topics.dlq, "--group_id", topics.prefix + "-store", "--db", pg_database]
    store_a = services("warta-store", *store_args)
    store_b = services("warta-store", *store_args)
    services("warta-enrich", "--brokers", kafka, "--raw_topic", topics.raw, "--enriched_topic",
             topics.enriched, "--dlq_topic", topics.dlq, "--group_id", topics.prefix + "-enrich")
    stub_a = pb.grpc.StoreServiceStub(grpc.insecure_channel(store_a.address))
    stub_b = pb.grpc.StoreServiceStub(grpc.insecure_channel(store_b.address))
    watch = stub_a.Watch(pb.services.WatchRequest(), timeout=120)
    watch.initial_metadata()

    producer = Producer({"bootstrap.servers": kafka})
    expected = set()
    for i in range(60):
        a = dict(ARTICLE, id=f"pg{i:03d}", body=ARTICLE["body"] + f" Nomor {i}.")
        producer.produce(topics.raw, key=a["id"], value=json.dumps(a))
        expected.add(a["id"])
    assert producer.flush(30) == 0

    stored = wait_until(lambda: (lambda a: a if len(a) >= len(expected) else None)(
        all_articles(pb, stub_b)), timeout=120, message="every article in PostgreSQL")
    assert sorted(a.article.id for a in stored) == sorted(expected), "each article once"
    assert sorted(a.article.id for a in all_articles(pb, stub_a)) == sorted(expected)
    # Both instances did some of the storing: their logs name their partitions.
    assert "stored" in store_a.log_text() and "stored" in store_b.log_text()
    # Watch on A sees every article, including those B stored.
    seen = set()
    for article in watch:
        seen.add(article.article.id)
        if seen >= expected:
            break
    watch.cancel()
    assert seen >= expected
    # The 60 reports are one event (wire copies of one text) stored by two
    # racing instances: one story, not one per instance.
    stories = {a.story_id for a in stored}
    assert len(stories) == 1 and "" not in stories, stories
    listed = stub_a.ListStories(pb.services.ListStoriesRequest(), timeout=10)
    assert [s.id for s in listed.stories] == list(stories)
    assert listed.stories[0].article_count == len(expected)
    assert sum(1 for a in stored if a.duplicate_of) == len(expected) - 1
    # Full-text search (grpcio) on the shared database: "penerimaan" is not
    # in the text, "menerima" is; page by page, every article once.
    found, token = [], ""
    while True:
        page = stub_b.SearchArticles(pb.services.SearchArticlesRequest(
            query="penerimaan", filter=pb.services.ArticleFilter(language="id"), page_size=25,
            page_token=token), timeout=10)
        assert all("[menerima]" in h.snippet and not h.article.text.body for h in page.hits)
        found += [h.article.article.id for h in page.hits]
        token = page.next_page_token
        if not token:
            break
    assert sorted(found) == sorted(expected)
