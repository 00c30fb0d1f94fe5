// Warta's annotation conventions, applied to the training labels of a
// corpus that annotates otherwise, so the default weights learn one
// convention instead of averaging conflicting ones.
//
// Countries and well-known cities are LOCATION wherever they are named:
// NERGrit and NERP annotate "presiden [AS]", "bahasa [Inggris]", "penyanyi
// [Filipina]" as places; idner_news_2k leaves most such mentions O ("PM
// Inggris", "tentara Jepang": 158 O against 97 LOC in its train split),
// which taught the model to miss locations on text from other annotation
// projects.
//
// The word naming the kind of place belongs to the name ("Kabupaten Pati",
// "kota Semarang", "Pulau Sebuku"), as in NERGrit and NERP; idner_news_2k
// mostly leaves "kota" outside.
//
// Pure; thread-safe.
#ifndef WARTA_EVAL_NER_LABEL_CONVENTIONS_H_
#define WARTA_EVAL_NER_LABEL_CONVENTIONS_H_

#include <vector>

#include "eval/ner/conll.h"

namespace warta::eval {

// Labels as LOCATION every run of tokens labelled O that spells, case
// for case, a place name of BuiltinAliasGroups() (ICU country and city
// names in Indonesian and English, "AS", "Korut", ...); longest match
// first. Returns the number of names relabelled.
int MarkKnownPlaces(std::vector<ConllSentence>& sentences);

// Joins a place-kind word labelled O ("kota", "kabupaten", "desa", "pulau",
// ...; any case) to the LOCATION name right after it. Returns the number of
// names extended.
int JoinPlaceKindWords(std::vector<ConllSentence>& sentences);

}  // namespace warta::eval

#endif  // WARTA_EVAL_NER_LABEL_CONVENTIONS_H_
