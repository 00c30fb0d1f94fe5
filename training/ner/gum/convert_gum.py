#!/usr/bin/env python3
"""Converts GUM's entity annotations into the CoNLL NER files of this folder.

    convert_gum.py --gum GUM_CHECKOUT [--out training/ner/gum]

GUM_CHECKOUT is a checkout of the GUM repository at the commit named in
PROVENANCE.md (its dep/*.conllu and splits.md are read). Writes train.txt
and dev.txt ("token<TAB>label", a blank line between sentences, BIO over
PERSON / ORGANIZATION / LOCATION, "-DOCSTART-" before each document: the
trainer keeps a document's sentences in one gazetteer fold). GUM's test split and its test2 (GENTLE)
documents are never read. Deterministic: the same checkout gives the same
bytes.

Which documents: only the genres whose text licence allows shipping a model
trained on them (see LICENSED_GENRES and PROVENANCE.md).

Which mentions: GUM annotates every mention (pronouns and common nouns
too). A mention of type person / organization / place is a *named* one
when its syntactic head is a proper noun (XPOS NNP / NNPS). Its name is the head
and the words attached to it by flat / compound / nmod-of relations that are
themselves part of the name (proper nouns, and "of" / "the" / "and" between
them): "Professor Cres Eastman" gives "Cres Eastman" (the title hangs off
the name as nmod:desc), "the University of Sydney" gives "University of
Sydney", "Food Standards Australia New Zealand" stays whole. Nested names
are kept when they do not overlap a longer one. Every other type (time,
abstract, object, event, substance, animal, plant, ...) is O.

Tokens: GUM splits possessives into multi-word tokens ("Russia's" = Russia +
's); the file keeps the written form as one token, as Warta's segmenter
does, labelled like its first word.
"""
import argparse
import os
import re
import sys

# Genre -> licence of the text (GUM's LICENSE.txt). Only these are read.
LICENSED_GENRES = {
    "academic": "CC BY 4.0",
    "bio": "CC BY-SA 3.0 (Wikipedia)",
    "court": "CC BY 4.0",
    "interview": "CC BY 2.5 (Wikinews)",
    "news": "CC BY 2.5 (Wikinews)",
    "voyage": "CC BY-SA 3.0 (Wikivoyage)",
}
TYPES = {"person": "PERSON", "organization": "ORGANIZATION", "place": "LOCATION"}
# Function words that may sit inside a name between two proper nouns.
# A word written lower-case as a common noun (NN, NNS) at least this often in
# the training documents is a common noun when capitalised alone.
MIN_COMMON = 2
INNER_WORDS = {"of", "the", "and", "&", "de", "du", "la", "le", "von", "van", "der", "da", "for"}
ENTITY_EVENT = re.compile(r"\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)")


def read_splits(path):
    splits, current = {}, None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line.startswith("## "):
                current = line[3:].strip()
            elif line.startswith("* ") and current:
                splits[line[2:].strip()] = current
    return splits


def parse_entities(misc):
    """The mention opens ("open", id, type) and closes ("close", id) of a
    MISC column, in order; "(4-time-...)" opens and closes on one token."""
    events = []
    for field in misc.split("|"):
        if not field.startswith("Entity="):
            continue
        for m in ENTITY_EVENT.finditer(field[len("Entity="):]):
            if m.group(1):
                events.append(("open", m.group(1), m.group(2)))
                if m.group(3):
                    events.append(("close", m.group(1), None))
            else:
                events.append(("close", m.group(4), None))
    return events


def read_document(path):
    """Sentences of one document: words (dicts) and mention spans."""
    sentences, words, mwts = [], [], {}
    open_mentions = {}  # id -> stack of (start, type)
    spans = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if words:
                    sentences.append((words, mwts, spans))
                words, mwts, spans = [], {}, []
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "-" in cols[0]:
                b, e = (int(x) for x in cols[0].split("-"))
                mwts[b - 1] = (e, cols[1])
                continue
            if "." in cols[0]:
                continue
            idx = len(words)
            words.append({"form": cols[1], "upos": cols[3], "xpos": cols[4],
                          "head": int(cols[6]) - 1, "rel": cols[7]})
            for kind, mid, etype in parse_entities(cols[9]):
                if kind == "open":
                    open_mentions.setdefault(mid, []).append((idx, etype))
                else:
                    start, t = open_mentions[mid].pop()
                    spans.append((start, idx + 1, t))
    if words:
        sentences.append((words, mwts, spans))
    return sentences


def is_proper(word):
    # XPOS, not UPOS: GUM tags "United" in "United States" VERB / NNP.
    return word["xpos"] in ("NNP", "NNPS")


def name_span(words, begin, end, person):
    """The name inside mention [begin, end), or None when it is not named."""
    heads = [i for i in range(begin, end) if not (begin <= words[i]["head"] < end)]
    if len(heads) != 1 or not is_proper(words[heads[0]]):
        return None
    head = heads[0]
    inside = {head}
    changed = True
    while changed:
        changed = False
        for i in range(begin, end):
            w = words[i]
            if i in inside or w["head"] not in inside:
                continue
            rel = w["rel"]
            # Not a title ("Professor" in "Professor Cres Eastman": nmod:desc),
            # an apposition, nor a second person ("Kirk M. Bart and Celeste
            # Pollock" are two mentions; "Australia and New Zealand" in an
            # organisation's name is one name).
            if is_proper(w) and rel not in ("nmod:desc", "appos") and not (rel == "conj" and person):
                inside.add(i)
                changed = True
            elif rel in ("case", "det", "cc") and w["form"].lower() in INNER_WORDS and not (rel == "cc" and person):
                inside.add(i)
                changed = True
    # The contiguous block around the head, without function words at its edges.
    b = e = head
    while b - 1 >= begin and b - 1 in inside:
        b -= 1
    while e + 1 < end and e + 1 in inside:
        e += 1
    while b < head and not is_proper(words[b]):
        b += 1
    while e > head and not is_proper(words[e]):
        e -= 1
    return b, e + 1, head


def is_title_like(words, b, e, head, ntype, common):
    """Capitalised common nouns standing alone ("the Secretary", "the
    Court", "the Emperor"), a person named by a title ("Earl of Clare", "King of Athens":
    the place inside is kept) and groups of people ("Americans") are no
    names in the CoNLL sense."""
    def is_common(w):
        return common.get(w["form"].lower(), 0) >= MIN_COMMON
    if ntype == "PERSON" and (is_common(words[head]) or (e - b == 1 and words[head]["xpos"] == "NNPS")):
        return True
    if ntype == "PERSON" and any(words[i]["form"] == "of" for i in range(b, e)):
        return True  # "Earl of Clare", "Emperor of the United States"
    return all(is_common(words[i]) for i in range(b, e) if is_proper(words[i]))


def sentence_rows(words, mwts, spans, common):
    """(token, label) rows of one sentence."""
    labels = ["O"] * len(words)
    named = []
    for begin, end, etype in spans:
        if etype not in TYPES:
            continue
        span = name_span(words, begin, end, etype == "person")
        if span and not is_title_like(words, *span, TYPES[etype], common):
            named.append((span[0], span[1], TYPES[etype]))
    # Longer names first; a name overlapping a kept one is dropped.
    named.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    taken = [False] * len(words)
    for b, e, t in named:
        if any(taken[b:e]):
            continue
        for i in range(b, e):
            taken[i] = True
            labels[i] = ("B-" if i == b else "I-") + t
    rows, i = [], 0
    while i < len(words):
        if i in mwts:
            e, form = mwts[i]
            rows.append((form, labels[i]))
            i = e
        else:
            rows.append((words[i]["form"], labels[i]))
            i += 1
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gum", required=True, help="a checkout of the GUM repository")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    splits = read_splits(os.path.join(args.gum, "splits.md"))
    out = {"train": [], "dev": []}  # split -> documents -> sentences -> rows
    documents = []
    for doc in sorted(splits):
        split = splits[doc]
        genre = doc.split("_")[1] if doc.startswith("GUM_") else None
        if split not in out or genre not in LICENSED_GENRES:
            continue  # test / test2 never read; unlicensed genres skipped
        documents.append((split, read_document(os.path.join(args.gum, "dep", doc + ".conllu"))))
    common = {}
    for split, sentences in documents:
        if split != "train":
            continue
        for words, _, _ in sentences:
            for w in words:
                if w["xpos"] in ("NN", "NNS") and w["form"].islower():
                    common[w["form"]] = common.get(w["form"], 0) + 1
    counts = {}
    for split, sentences in documents:
        out[split].append([])
        for words, mwts, spans in sentences:
            rows = sentence_rows(words, mwts, spans, common)
            out[split][-1].append(rows)
            for _, label in rows:
                if label.startswith("B-"):
                    counts[(split, label[2:])] = counts.get((split, label[2:]), 0) + 1
    for split, docs in out.items():
        sentences = [rows for doc in docs for rows in doc]
        with open(os.path.join(args.out, split + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            for doc in docs:
                f.write("-DOCSTART-\tO\n\n")
                for rows in doc:
                    for token, label in rows:
                        f.write(f"{token}\t{label}\n")
                    f.write("\n")
        tokens = sum(len(s) for s in sentences)
        names = {t: counts.get((split, t), 0) for t in TYPES.values()}
        print(f"{split}: {len(sentences)} sentences, {tokens} tokens, names {names}", file=sys.stderr)


if __name__ == "__main__":
    main()
