#!/usr/bin/env python3
"""Exports wordfreq word lists as TSV for the trainers (make models).

Each output file <out>/<lang>.tsv holds `word<TAB>frequency` lines, most
frequent first, for the top --top words of wordfreq's "best" list. The
frequencies are wordfreq's (data CC BY-SA 4.0, by Robyn Speer and the
wordfreq contributors: https://github.com/rspeer/wordfreq). The trainers
read these files at training time; nothing reads them at run time.

wordfreq has no separate Bosnian, Croatian or Serbian lists: all three map
to its Serbo-Croatian 'sh' list, exported here as sh.tsv.

Besides id, ms, en and sh, the default exports wordfreq's other
Latin-script languages: the language trainer keeps as Indonesian/Malay
vocabulary only words that are rare in all of them.

The version is pinned (scripts/install-deps.sh) so `make models` rebuilds
the same bytes.
"""
import argparse
import os
import sys

import wordfreq


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="folder for <lang>.tsv")
    parser.add_argument(
        "--langs",
        default="id,ms,en,sh,fr,it,es,pt,ca,de,nl,sv,da,nb,is,fi,pl,cs,sk,sl,ro,hu,lv,lt,tr,vi,fil",
        help="comma-separated wordfreq codes")
    parser.add_argument("--top", type=int, default=50000, help="words per language")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for lang in args.langs.split(","):
        words = wordfreq.top_n_list(lang, args.top, wordlist="best")
        path = os.path.join(args.out, f"{lang}.tsv")
        with open(path, "w", encoding="utf-8") as out:
            for w in words:
                # Tabs and newlines never occur in wordfreq tokens; guard anyway.
                if "\t" in w or "\n" in w:
                    continue
                out.write(f"{w}\t{wordfreq.word_frequency(w, lang, wordlist='best'):.6g}\n")
        print(f"export_wordfreq: {len(words)} words -> {path}", file=sys.stderr)


if __name__ == "__main__":
    main()
