"""The pipeline on a three-broker KRaft cluster (deploy/kafka/kafka.sh
cluster-start): topics with replication factor 3 and min.insync.replicas=2,
producers with acks=all and idempotence. One broker is stopped mid-stream,
then another after the first is back: every article is stored, none twice,
nothing dead-lettered."""

import json
import subprocess
import threading
import time
import uuid

import grpc
import pytest
from confluent_kafka import Consumer, Producer
from confluent_kafka.admin import AdminClient, NewTopic

from conftest import ROOT, Topics, wait_until

KAFKA_SH = ROOT / "deploy/kafka/kafka.sh"

ARTICLE = {
    "source": "example.test",
    "title": "Putin bertemu Menlu Korea Utara di Moskow",
    "body": ("Presiden Rusia Vladimir Putin bertemu dengan Menteri Luar Negeri Korea Utara "
             "Choe Son Hui di Kremlin pada hari Senin. \"Presiden Putin menerima menteri luar "
             "negeri Korea Utara,\" kata Kremlin dalam sebuah pernyataan."),
    "languageHint": "id",
}


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Three nodes; yields (bootstrap list, state dir)."""
    state = tmp_path_factory.mktemp("kafka-cluster")
    try:
        out = subprocess.run([str(KAFKA_SH), "cluster-start", str(state), "3"],
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, f"the cluster did not start:\n{out.stderr}"
        yield out.stdout.strip().splitlines()[-1], state
    finally:
        subprocess.run([str(KAFKA_SH), "cluster-stop", str(state)], timeout=120)


def node(command, state, i):
    out = subprocess.run([str(KAFKA_SH), command, str(state), str(i)], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, f"kafka.sh {command} {i}:\n{out.stderr}"


def fully_replicated(bootstrap, topics):
    admin = AdminClient({"bootstrap.servers": bootstrap})
    metadata = admin.list_topics(timeout=10)
    return all(len(p.isrs) == 3 for t in topics for p in metadata.topics[t].partitions.values())


def test_two_brokers_stopped_in_turn_mid_stream_lose_nothing(cluster, services, tmp_path, pb):
    bootstrap, state = cluster
    t = Topics("c" + uuid.uuid4().hex[:10])
    admin = AdminClient({"bootstrap.servers": bootstrap})
    for f in admin.create_topics([NewTopic(name, parts, 3, config={"min.insync.replicas": "2"})
                                  for name, parts in ((t.raw, 3), (t.enriched, 3), (t.dlq, 1))]
                                 ).values():
        f.result(60)
    common = ["--brokers", bootstrap]
    store = services("warta-store", *common, "--enriched_topic", t.enriched, "--dlq_topic", t.dlq,
                     "--group_id", t.prefix + "-store", "--db", str(tmp_path / "warta.db"))
    services("warta-enrich", *common, "--raw_topic", t.raw, "--enriched_topic", t.enriched,
             "--dlq_topic", t.dlq, "--group_id", t.prefix + "-enrich")

    # A steady stream while the faults happen, acks=all and idempotent.
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all",
                         "enable.idempotence": True})
    sent, failed, done = [], [], threading.Event()

    def report(err, msg):
        (failed if err else sent).append(msg.key().decode() if not err else str(err))

    def stream():
        i = 0
        while not done.is_set():
            a = dict(ARTICLE, id=f"c{i:05d}", body=ARTICLE["body"] + f" Nomor {i}.")
            producer.produce(t.raw, key=a["id"], value=json.dumps(a), on_delivery=report)
            producer.poll(0)
            i += 1
            time.sleep(0.02)
        producer.flush(120)

    streamer = threading.Thread(target=stream)
    streamer.start()
    try:
        time.sleep(3)
        node("node-stop", state, 2)
        time.sleep(4)
        node("node-start", state, 2)
        wait_until(lambda: fully_replicated(bootstrap, [t.raw, t.enriched]), timeout=120,
                   message="broker 2 back in every ISR")
        node("node-stop", state, 3)
        time.sleep(4)
        node("node-start", state, 3)
        wait_until(lambda: fully_replicated(bootstrap, [t.raw, t.enriched]), timeout=120,
                   message="broker 3 back in every ISR")
        time.sleep(2)
    finally:
        done.set()
        streamer.join(180)
    assert not failed, failed[:5]
    assert len(sent) > 300, "the stream ran through both faults"

    stub = pb.grpc.StoreServiceStub(grpc.insecure_channel(store.address))

    def stored_ids():
        ids, token = [], ""
        while True:
            r = stub.ListArticles(pb.services.ListArticlesRequest(page_size=1000, page_token=token),
                                  timeout=30)
            ids += [a.article.id for a in r.articles]
            token = r.next_page_token
            if not token:
                return ids

    ids = wait_until(lambda: (lambda s: s if len(s) >= len(sent) else None)(stored_ids()),
                     timeout=180, message="every article sent is stored")
    assert sorted(ids) == sorted(sent), "nothing lost, nothing twice"
    dlq = Consumer({"bootstrap.servers": bootstrap, "group.id": "dlq-" + t.prefix,
                    "auto.offset.reset": "earliest"})
    dlq.subscribe([t.dlq])
    dead = [m for m in (dlq.poll(1.0) for _ in range(5)) if m is not None and not m.error()]
    dlq.close()
    assert dead == [], "nothing dead-lettered"
