"""End-to-end with clients nobody here wrote: grpcurl (through server
reflection) calls every method of every service; kcat publishes; the
`warta` CLI publishes, enriches offline and reads the store."""

import json
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BIN, ROOT, tool, wait_until

ARTICLE = {
    "id": "e2e-1",
    "source": "example.test",
    "title": "Zelensky: sekitar 11.000 tentara Korea Utara di Kursk",
    "body": ("KYIV - Presiden Ukraina Volodymyr Zelensky mengatakan sekitar 11.000 tentara "
             "Korea Utara berada di wilayah Kursk. \"Kami melihat peningkatan jumlah tentara "
             "Korea Utara,\" ujar Zelensky pada hari Senin."),
}

SERVICES = {
    "warta-ingest": ("warta.v1.IngestService", ["Submit", "SubmitStream"]),
    "warta-enrich": ("warta.v1.EnrichService", ["Enrich", "EnrichStream"]),
    "warta-store": ("warta.v1.StoreService",
                    ["GetArticle", "ListArticles", "ListClaims", "ListContestedClaims", "Watch",
                     "ListStories", "GetStory", "ListEntities", "GetEntity", "SearchArticles"]),
}


def grpcurl(address, *args, data=None, flags=(), check=True, timeout=30):
    """grpcurl [flags] ADDRESS args... (args: a method, or list/describe [symbol])."""
    cmd = [tool("grpcurl"), "-plaintext", *flags]
    if data is not None:
        cmd += ["-d", data if isinstance(data, str) else json.dumps(data)]
    cmd += [address, *args]
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    if check:
        assert out.returncode == 0, f"grpcurl {' '.join(args)} failed:\n{out.stderr}"
    return out


def test_grpcurl_lists_and_describes_every_method_and_health(pipeline):
    for name, (service, methods) in SERVICES.items():
        address = getattr(pipeline, name.split("-")[1]).address
        listed = grpcurl(address, "list").stdout.split()
        assert service in listed and "grpc.health.v1.Health" in listed, listed
        assert set(grpcurl(address, "list", service).stdout.split()) == {
            f"{service}.{m}" for m in methods}
        health = json.loads(grpcurl(address, "grpc.health.v1.Health/Check").stdout)
        assert health["status"] == "SERVING"


def test_grpcurl_calls_every_method(pipeline):
    ingest, enrich, store = pipeline.ingest.address, pipeline.enrich.address, pipeline.store.address
    # Ingest: one article, then a stream of two (grpcurl sends several JSON messages).
    submitted = json.loads(grpcurl(ingest, "warta.v1.IngestService/Submit",
                                   data={"article": ARTICLE}).stdout)
    assert submitted["id"] == "e2e-1" and submitted["topic"] == pipeline.topics.raw
    stream = grpcurl(ingest, "warta.v1.IngestService/SubmitStream",
                     data=json.dumps({"article": dict(ARTICLE, id="e2e-2")}) +
                     json.dumps({"article": dict(ARTICLE, id="e2e-3")})).stdout
    assert '"e2e-2"' in stream and '"e2e-3"' in stream
    # Enrich, synchronously, no Kafka involved.
    enriched = json.loads(grpcurl(enrich, "warta.v1.EnrichService/Enrich",
                                  data={"article": ARTICLE}).stdout)["enriched"]
    assert enriched["language"]["code"] == "id"
    assert any(e["name"] == "Volodymyr Zelensky" for e in enriched["entities"])
    assert enriched["claims"], "the quote and the reported claim are found"
    both = grpcurl(enrich, "warta.v1.EnrichService/EnrichStream",
                   data=json.dumps({"article": ARTICLE}) + json.dumps({"article": {"body": ""}})).stdout
    # grpcurl prints proto field names; one enriched article, one refusal (INVALID_ARGUMENT = 3).
    assert both.count('"enriched"') == 1
    assert re.search(r'"error_?[cC]ode": 3', both) and "body is required" in both
    # Store: everything submitted arrives.
    wait_until(lambda: all(grpcurl(store, "warta.v1.StoreService/GetArticle", data={"id": i},
                                   check=False).returncode == 0
                           for i in ("e2e-1", "e2e-2", "e2e-3")),
               message="e2e-1, e2e-2 and e2e-3 stored")
    got = json.loads(grpcurl(store, "warta.v1.StoreService/GetArticle", data={"id": "e2e-1"}).stdout)
    assert got["article"]["title"] == ARTICLE["title"]
    listed = json.loads(grpcurl(store, "warta.v1.StoreService/ListArticles",
                                data={"pageSize": 2}).stdout)
    assert len(listed["articles"]) == 2 and listed["next_page_token"]
    rest = json.loads(grpcurl(store, "warta.v1.StoreService/ListArticles",
                              data={"pageSize": 2, "pageToken": listed["next_page_token"]}).stdout)
    assert len(rest["articles"]) == 1
    claims = json.loads(grpcurl(store, "warta.v1.StoreService/ListClaims",
                                data={"articleId": "e2e-1"}).stdout)
    assert claims["claims"] and claims["claims"][0]["article_id"] == "e2e-1"
    # Three copies of one article agree with themselves: nothing is contested.
    contested = json.loads(grpcurl(store, "warta.v1.StoreService/ListContestedClaims",
                                   data={}).stdout)
    assert not contested.get("contested"), contested
    # Stories and the entity registry.
    story_id = got["story_id"]
    assert story_id.startswith("st-"), got
    stories = json.loads(grpcurl(store, "warta.v1.StoreService/ListStories",
                                 data={"order": "STORY_ORDER_SIZE"}).stdout)
    assert story_id in [s["id"] for s in stories["stories"]]
    story = json.loads(grpcurl(store, "warta.v1.StoreService/GetStory",
                               data={"id": story_id}).stdout)
    assert "e2e-1" in [a["id"] for a in story["articles"]]
    entities = json.loads(grpcurl(store, "warta.v1.StoreService/ListEntities",
                                  data={"query": "zelensky"}).stdout)
    zelensky = entities["entities"][0]
    assert zelensky["name"] == "Volodymyr Zelensky" and zelensky["id"].startswith("per:")
    detail = json.loads(grpcurl(store, "warta.v1.StoreService/GetEntity",
                                data={"id": zelensky["id"]}).stdout)
    assert detail["entity"]["article_count"] >= 1 and detail["stories"]
    # Full-text search: a stemmed word ("meningkat" finds "peningkatan"), a
    # phrase, a filter; hits without bodies, matches marked.
    found = json.loads(grpcurl(store, "warta.v1.StoreService/SearchArticles",
                               data={"query": "meningkat \"korea utara\"",
                                     "filter": {"language": "id"}}).stdout)
    assert {h["article"]["article"]["id"] for h in found["hits"]} == {"e2e-1", "e2e-2", "e2e-3"}
    assert found["snippet_mark_start"] == "[" and found["snippet_mark_end"] == "]"
    hit = found["hits"][0]
    assert "[peningkatan]" in hit["snippet"] and "[Korea] [Utara]" in hit["title_snippet"], hit
    assert "body" not in hit["article"]["article"] and hit["score"] > 0
    paged = json.loads(grpcurl(store, "warta.v1.StoreService/SearchArticles",
                               data={"query": "tentara", "pageSize": 2}).stdout)
    assert len(paged["hits"]) == 2 and paged["next_page_token"]
    rest = json.loads(grpcurl(store, "warta.v1.StoreService/SearchArticles",
                              data={"query": "tentara", "pageSize": 2,
                                    "pageToken": paged["next_page_token"]}).stdout)
    assert len(rest["hits"]) == 1
    empty = grpcurl(store, "warta.v1.StoreService/SearchArticles", data={"query": "  "},
                    check=False)
    assert empty.returncode != 0 and "InvalidArgument" in empty.stderr
    assert "query is empty" in empty.stderr
    # Watch honours the caller's deadline.
    watch = grpcurl(store, "warta.v1.StoreService/Watch", data={}, flags=("-max-time", "2"),
                    check=False)
    assert "DeadlineExceeded" in watch.stderr, watch.stderr
    missing = grpcurl(store, "warta.v1.StoreService/GetArticle", data={"id": "nope"}, check=False)
    assert missing.returncode != 0 and "NotFound" in missing.stderr


def test_cli_publish_to_kafka_and_read_back(pipeline, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.json").write_text(json.dumps(ARTICLE))
    (folder / "page.txt").write_text("Judul berita\nJAKARTA - Menteri mengatakan harga naik.\n")
    (folder / "bad.jsonl").write_text(json.dumps(dict(ARTICLE, id="l1")) + "\n{broken\n")
    out = subprocess.run([str(BIN / "warta"), "publish", "--brokers", pipeline.kafka,
                          "--topic", pipeline.topics.raw, str(folder)],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 1, "one line was bad"
    assert "bad.jsonl:2" in out.stderr and "published 3 of 4" in out.stderr
    wait = subprocess.run([str(BIN / "warta"), "wait", "--store", pipeline.store.address,
                           "--count", "3", "--timeout_s", "60"], capture_output=True, text=True)
    assert wait.returncode == 0, wait.stderr
    shown = subprocess.run([str(BIN / "warta"), "show", "--store", pipeline.store.address, "e2e-1"],
                           capture_output=True, text=True, check=True).stdout
    assert "Volodymyr Zelensky" in shown and "language id" in shown
    listed = subprocess.run([str(BIN / "warta"), "list", "--json", "--store", pipeline.store.address],
                            capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(listed) == 3 and all(json.loads(line)["article"]["id"] for line in listed)
    stories = subprocess.run([str(BIN / "warta"), "stories", "--store", pipeline.store.address],
                             capture_output=True, text=True, check=True).stdout.splitlines()
    assert stories and all(line.startswith("st-") for line in stories), stories
    story = subprocess.run([str(BIN / "warta"), "story", "--store", pipeline.store.address,
                            stories[0].split()[0]], capture_output=True, text=True,
                           check=True).stdout
    assert "articles:" in story
    entities = subprocess.run([str(BIN / "warta"), "entities", "--store",
                               pipeline.store.address, "Zelensky"],
                              capture_output=True, text=True, check=True).stdout
    assert "Volodymyr Zelensky" in entities and entities.startswith("per:")
    # Search by a stemmed word: "meningkat" is not in the text, "peningkatan" is.
    searched = subprocess.run([str(BIN / "warta"), "search", "--store", pipeline.store.address,
                               "--language", "id", "meningkat"],
                              capture_output=True, text=True, check=True).stdout
    assert "e2e-1" in searched and "l1" in searched, searched
    assert "[peningkatan]" in searched and "example.test" in searched, searched
    assert searched.startswith("1. ") and "score" in searched
    none = subprocess.run([str(BIN / "warta"), "search", "--store", pipeline.store.address,
                           "tidakadadimanapun"], capture_output=True, text=True)
    assert none.returncode == 0 and "no articles found" in none.stderr
    bad = subprocess.run([str(BIN / "warta"), "search", "--store", pipeline.store.address,
                          "-ukraina"], capture_output=True, text=True)
    assert bad.returncode == 1 and "only excludes" in bad.stderr, bad.stderr


def test_cli_enrich_offline_prints_one_json_article_per_line(tmp_path):
    source = tmp_path / "a.jsonl"
    source.write_text(json.dumps(ARTICLE) + "\n" + json.dumps(dict(ARTICLE, id="e2e-x")) + "\n")
    out = subprocess.run([str(BIN / "warta"), "enrich", str(source)], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert [json.loads(l)["article"]["id"] for l in lines] == ["e2e-1", "e2e-x"]
    first = json.loads(lines[0])
    for mention in (m for e in first["entities"] for m in e["mentions"]):
        # Offsets are UTF-8 bytes into text.body.
        body = first["text"]["body"].encode()
        assert body[mention.get("start", 0):mention["end"]].decode() == mention["text"]


@pytest.mark.parametrize("binary", ["warta-ingest", "warta-enrich", "warta-store"])
def test_every_server_lists_its_flags(binary):
    out = subprocess.run([str(BIN / binary), "--help"], capture_output=True, text=True)
    assert out.returncode == 0
    for flag in ("--brokers", "--listen", "--metrics_listen", "--metrics_port_file",
                 "--group_id" if binary != "warta-ingest" else "--raw_topic"):
        assert flag in out.stdout
