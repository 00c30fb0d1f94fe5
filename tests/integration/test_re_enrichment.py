"""Re-enriching the archive after a model update, against a real Kafka broker:
a second warta-enrich with other models reads articles.raw again under a new
consumer group, and the store replaces each article with the new enrichment
even when the new models' fingerprint sorts lower than the old one."""

import hashlib
import json
import subprocess

import grpc

from conftest import ROOT, tool, wait_until
from test_pipeline import get_article

ARTICLE = {
    "id": "re-enrich-1",
    "source": "example.test",
    "title": "Putin bertemu Menlu Korea Utara di Moskow",
    "body": ("Presiden Rusia Vladimir Putin bertemu dengan Menteri Luar Negeri Korea Utara "
             "Choe Son Hui di Kremlin pada hari Senin. \"Presiden Putin menerima menteri luar "
             "negeri Korea Utara,\" kata Kremlin dalam sebuah pernyataan."),
    "languageHint": "id",
}

MODELS = ROOT / "models"
MODEL_FILES = ["langid/nusantara-v1.bin", "langid/confusable-v1.bin", "ner/ner.model"]


def models_fingerprint(kb_bytes):
    """The hash after '+' in pipeline_version (enrichment/pipeline.cc
    ModelsHash: SHA-256 over the model files and the knowledge base, each
    followed by a NUL, first 6 bytes in hex)."""
    h = hashlib.sha256()
    for name in MODEL_FILES:
        h.update((MODELS / name).read_bytes())
        h.update(b"\0")
    h.update(kb_bytes)
    h.update(b"\0")
    return h.hexdigest()[:12]


def knowledge_base(first_char):
    """A knowledge-base file (part of the models' fingerprint) that links
    nothing, whose fingerprint starts with `first_char`: the test picks an
    update whose hash sorts below the old one, the case that used to be
    silently rejected."""
    for n in range(10_000):
        kb = f"# knowledge base, revision {n}\n".encode()
        fingerprint = models_fingerprint(kb)
        if fingerprint[0] == first_char:
            return kb, fingerprint
    raise AssertionError(f"no revision gives a fingerprint starting with {first_char}")


def test_re_enrichment_with_other_models_replaces_the_stored_article(
        pb, kafka, topics, services, tmp_path):
    old_kb, old_fingerprint = knowledge_base("f")
    new_kb, new_fingerprint = knowledge_base("a")  # sorts below "f..."
    (tmp_path / "old.kb").write_bytes(old_kb)
    (tmp_path / "new.kb").write_bytes(new_kb)

    store = services("warta-store", "--brokers", kafka, "--enriched_topic", topics.enriched,
                     "--dlq_topic", topics.dlq, "--group_id", topics.prefix + "-store",
                     "--db", str(tmp_path / "warta.db"))

    def start_enrich(group, kb):
        return services("warta-enrich", "--brokers", kafka, "--raw_topic", topics.raw,
                        "--enriched_topic", topics.enriched, "--dlq_topic", topics.dlq,
                        "--group_id", group, "--models_dir", str(MODELS), "--kb", str(kb))

    old_enrich = start_enrich(topics.prefix + "-enrich", tmp_path / "old.kb")
    subprocess.run([tool("kcat"), "-P", "-b", kafka, "-t", topics.raw],
                   input=json.dumps(ARTICLE) + "\n", text=True, check=True, timeout=30)
    stub = pb.grpc.StoreServiceStub(grpc.insecure_channel(store.address))
    first = wait_until(lambda: get_article(pb, stub, ARTICLE["id"]), message="the first enrichment")
    release, _, fingerprint = first.pipeline_version.partition("+")
    assert fingerprint == old_fingerprint, (
        f"{first.pipeline_version}: the test's idea of the models' fingerprint is out of date")
    assert old_enrich.stop() == 0

    # The model update: a new consumer group reads articles.raw from the start.
    start_enrich(topics.prefix + "-re-enrich", tmp_path / "new.kb")
    wanted = f"{release}+{new_fingerprint}"

    def re_enriched():
        article = get_article(pb, stub, ARTICLE["id"])
        return article if article.pipeline_version == wanted else None

    stored = wait_until(re_enriched, timeout=60,
                        message=f"the store to hold the {wanted} enrichment "
                                f"(it kept {first.pipeline_version})")
    assert stored.enriched_at.ToNanoseconds() >= first.enriched_at.ToNanoseconds()
    assert stored.article.title == ARTICLE["title"]
    assert "Vladimir Putin" in {e.name for e in stored.entities}
