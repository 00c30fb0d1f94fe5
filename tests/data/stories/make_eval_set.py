#!/usr/bin/env python3
"""Build the story-clustering / near-duplicate evaluation stream.

Reads labels.jsonl and near_copies.jsonl (next to this script), the IndoSum
articles and the five sample pages from the shared data folder, applies the
near-copy edit operations and writes every article as one JSON line, in
arrival order (publication time, then id).

    python3 tests/data/stories/make_eval_set.py --shared ../shared/data --out FILE.jsonl

Standard library only. The output is byte-for-byte deterministic.
"""

import argparse
import datetime
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
DEFAULT_SHARED = os.path.join(REPO_ROOT, "..", "shared", "data")

INDOSUM = os.path.join("news", "indosum_articles.jsonl")

# The five scraped sample pages: file stem -> (source, published date, story).
SAMPLES = {
    "bergelora_2024-11-01_choe_lavrov": ("bergelora", "2024-11-01", "sample-nov2024-putin-choe-troops"),
    "2024-11-04_putin_choe_kursk": ("unknown", "2024-11-04", "sample-nov2024-putin-choe-troops"),
    "tempo_2024-11-05_putin_choe": ("tempo", "2024-11-05", "sample-nov2024-putin-choe-troops"),
    "kompastv_2024-01-21_choe_putin": ("kompastv", "2024-01-21", "sample-jan2024-choe-putin"),
    "orbitindonesia_2024-01_putin_choe": ("orbitindonesia", "2024-01-22", "sample-jan2024-choe-putin"),
}

FIELDS = ("id", "source", "url", "title", "body", "published_at", "language_hint", "story", "duplicate_of")


def die(msg):
    sys.stderr.write("make_eval_set: " + msg + "\n")
    sys.exit(2)


def read_jsonl(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                out.append(json.loads(line))
            except ValueError as e:
                die("%s line %d: bad JSON (%s)" % (path, n, e))
    return out


def rfc3339(ts):
    return datetime.datetime.fromtimestamp(ts, tz=datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def id_time(article_id):
    head = article_id.split("-", 1)[0]
    if not head.isdigit():
        die("id %r does not start with a unix timestamp" % article_id)
    return int(head)


def copy_delay(copy_id):
    """Deterministic delay of 1 to 6 hours (in seconds) from a hash of the id."""
    h = int(hashlib.sha256(copy_id.encode("utf-8")).hexdigest(), 16)
    return 3600 + h % (5 * 3600 + 1)


def paragraphs(text):
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def apply_ops(copy_id, text, ops):
    paras = paragraphs(text)
    title = ""
    for op in ops:
        kind = op.get("op")
        if kind == "add_boilerplate":
            pos = op.get("position", "prepend")
            if pos == "prefix":  # outlet dateline glued to the first paragraph
                paras[0] = op["text"].rstrip() + " " + paras[0]
            elif pos == "prepend":
                paras.insert(0, op["text"])
            elif pos == "append":
                paras.append(op["text"])
            else:
                die("%s: unknown add_boilerplate position %r" % (copy_id, pos))
        elif kind == "insert_baca_juga":
            n = int(op["after_paragraph"])
            if not 0 <= n <= len(paras):
                die("%s: insert_baca_juga after_paragraph %d out of range" % (copy_id, n))
            paras.insert(n, "Baca juga: " + op["title"])
        elif kind == "truncate_paragraphs":
            keep = int(op["keep"])
            if keep * 2 < len(paras):
                die("%s: truncate_paragraphs keeps %d of %d paragraphs (less than half)" % (copy_id, keep, len(paras)))
            paras = paras[:keep]
        elif kind == "drop_paragraph":
            i = int(op["index"])
            if not 0 <= i < len(paras):
                die("%s: drop_paragraph index %d out of range" % (copy_id, i))
            del paras[i]
        elif kind == "retitle":
            title = op["title"]
        elif kind == "replace":
            joined = "\n\n".join(paras)
            if op["from"] not in joined:
                die("%s: replace text %r not found" % (copy_id, op["from"]))
            paras = paragraphs(joined.replace(op["from"], op["to"]))
        else:
            die("%s: unknown op %r" % (copy_id, kind))
    return title, "\n\n".join(paras)


def record(**kw):
    rec = {}
    for k in FIELDS:
        if k in kw and kw[k] is not None:
            rec[k] = kw[k]
    return rec


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED,
                    help="shared data folder (default: ../shared/data from the repository root)")
    ap.add_argument("--out", required=True, help="output JSON lines file ('-' for stdout)")
    args = ap.parse_args()

    shared = args.shared
    if not os.path.isdir(shared):
        die("shared data folder not found: %s (pass --shared PATH)" % shared)
    indosum_path = os.path.join(shared, INDOSUM)
    if not os.path.isfile(indosum_path):
        die("IndoSum file not found: %s" % indosum_path)
    samples_dir = os.path.join(shared, "samples")
    for stem in SAMPLES:
        if not os.path.isfile(os.path.join(samples_dir, stem + ".txt")):
            die("sample page not found: %s" % os.path.join(samples_dir, stem + ".txt"))

    labels = read_jsonl(os.path.join(HERE, "labels.jsonl"))
    copies = read_jsonl(os.path.join(HERE, "near_copies.jsonl"))
    indosum = {}
    for r in read_jsonl(indosum_path):
        indosum[r["id"]] = r

    out = []
    seen = set()
    label_of = {}
    for lab in labels:
        aid = lab["id"]
        if aid in seen:
            die("duplicate id in labels.jsonl: %s" % aid)
        if aid not in indosum:
            die("labels.jsonl id not in IndoSum: %s" % aid)
        seen.add(aid)
        label_of[aid] = lab
        src = indosum[aid]
        out.append(record(
            id=aid, source=src["source"], url=src.get("source_url", ""), title="",
            body=src["text"], published_at=rfc3339(id_time(aid)), language_hint="id",
            story=lab["story"], duplicate_of=lab.get("duplicate_of")))

    for nc in copies:
        cid, orig = nc["id"], nc["of"]
        if cid in seen:
            die("duplicate id in near_copies.jsonl: %s" % cid)
        if orig not in label_of:
            die("near copy %s is of %s, which is not in labels.jsonl" % (cid, orig))
        seen.add(cid)
        title, body = apply_ops(cid, indosum[orig]["text"], nc["ops"])
        slug = nc["source"].lower().replace(" ", "-")
        out.append(record(
            id=cid, source=nc["source"], url="https://near-copy.invalid/%s/%s" % (slug, cid),
            title=title, body=body, published_at=rfc3339(id_time(orig) + copy_delay(cid)),
            language_hint="id", story=label_of[orig]["story"], duplicate_of=orig))

    for stem in sorted(SAMPLES):
        source, day, story = SAMPLES[stem]
        with open(os.path.join(samples_dir, stem + ".txt"), encoding="utf-8") as f:
            body = f.read()
        out.append(record(
            id=stem, source=source, url="", title="", body=body,
            published_at=day + "T00:00:00Z", language_hint="id", story=story))

    # English reports written for this set (see README): the same events in
    # another language, and one other event with the same president.
    english = os.path.join(os.path.dirname(os.path.abspath(__file__)), "english.jsonl")
    with open(english, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))

    out.sort(key=lambda r: (r["published_at"], r["id"]))
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    if args.out == "-":
        sys.stdout.write(data)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
        sys.stderr.write("make_eval_set: wrote %d articles to %s\n" % (len(out), args.out))


if __name__ == "__main__":
    main()
