#include "enrichment/claims/speaker_resolver.h"

#include <algorithm>

#include "enrichment/claims/cue_lexicon.h"
#include "enrichment/claims/speaker_names.h"

namespace warta::enrichment {
namespace {

constexpr int kNoPiece = -1;
constexpr int kMaxSpeakerPhrase = 14;  // pieces
constexpr int kMaxSpeakerAfter = 24;   // pieces
constexpr int kMaxTitleToName = 8;     // pieces from a title to its holder's name
constexpr int kGroupSentences = 2;     // how far back "mereka" looks for its group
constexpr int kMaxAsides = 3;          // ", di Surabaya, Sabtu (19/9)," between subject and verb

bool IsHeadPreposition(std::string_view lower) {
  return lower == "di" || lower == "dari" || lower == "untuk" || lower == "pada" ||
         lower == "of" || lower == "from" || lower == "for" || lower == "at" || lower == "in";
}

// Titles only people hold: a phrase opening with one names a person.
bool IsPersonTitle(std::string_view lower) {
  return lower == "kepala" || lower == "ketua" || lower == "direktur" || lower == "menteri" ||
         lower == "sekretaris" || lower == "deputi" || lower == "asisten" || lower == "wakil" ||
         lower == "juru" || lower == "gubernur" || lower == "bupati" || lower == "wali" ||
         lower == "kapolda" || lower == "kapolres" || lower == "komandan" || lower == "panglima" ||
         lower == "dirjen" || lower == "kasubdit" || lower == "kabid" || lower == "koordinator" ||
         lower == "rektor" || lower == "dekan" || lower == "manajer" || lower == "pelaksana" ||
         lower == "plt" || lower == "penjabat";
}

bool IsAcronymWord(std::string_view w) {
  return std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool IsRelativePronoun(std::string_view lower) {
  return lower == "yang" || lower == "who" || lower == "which";
}

// Nouns for groups of people that a place or faith qualifies.
bool IsPeopleNoun(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "umat", "warga", "masyarakat", "rakyat", "penduduk", "kaum", "orang", "jemaah",
      "jamaah", "suku", "bangsa", "people", "residents", "citizens"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool IsDayOrMonth(std::string_view lower) {
  static constexpr std::string_view kWords[] = {
      "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "januari", "februari",
      "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november",
      "desember", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool IsDemonstrative(std::string_view lower) {
  return lower == "tersebut" || lower == "itu" || lower == "ini";
}

}  // namespace

SpeakerResolver::SpeakerResolver(const Document& doc, const ClaimText& text)
    : doc_(doc), t_(text), mistyped_place_(FindMistypedPlaces()) {}

void SpeakerResolver::Record(int pos, const Speaker& speaker) {
  speaker_events_.push_back({pos, speaker});
  std::sort(speaker_events_.begin(), speaker_events_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
}

Speaker SpeakerResolver::FromMention(const MentionRef& m) const {
  Speaker s;
  s.entity = m.entity;
  s.name = doc_.entities[m.entity].name;
  if (s.name.empty()) s.name = std::string(t_.text.substr(m.begin, m.end - m.begin));
  s.span = Span{m.begin, m.end};
  return s;
}

// Capitalised words taken as a name; none when they name nobody
// (speaker_names.h): "Selain", "Menteri Luar Negeri" alone, or a common
// noun starting the sentence ("Polisi", found as "polisi" elsewhere).
Speaker SpeakerResolver::FromText(int first, int last) const {
  // "The US believes ...", "Namun Andi ...": not part of the name.
  while (last - first > 1 && t_.IsWord(first) && IsFunctionWord(t_.StrAt(first))) ++first;
  Speaker s;
  s.span = Span{t_.pieces[first].begin, t_.pieces[last - 1].end};
  // "South Korea's (spy agency)": the owner speaks.
  for (std::string_view tail : {"'s", "’s"}) {
    const std::string_view w = t_.StrAt(last - 1);
    if (w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail) {
      s.span.end -= static_cast<int>(tail.size());
    }
  }
  s.name = std::string(t_.text.substr(s.span.begin, s.span.size()));
  // "Polisi", written "polisi" elsewhere, is a common noun; right after a
  // cue ("Menurut Teguh,", "kata Teguh") a capitalised word is a name even
  // when it also means something.
  const bool right_after_cue =
      t_.IsWord(first - 1) && !AtSentenceStart(first) &&
      (IsAccordingTo(t_.lower[first - 1]) || ClassifyPostCue(t_.lower[first - 1]) == PostCue::kNamed);
  if (ClassifySpeakerName(s.name) != SpeakerName::kName ||
      (last - first == 1 && !right_after_cue && AppearsInLowerCase(t_.text, s.name))) {
    return {};
  }
  // "Pengelolaan Pembiayaan", "Polisi", "S": common nouns and letters.
  bool any_name_word = false;
  for (int i = first; i < last; ++i) {
    if (t_.IsWord(i) && t_.lower[i].size() >= 2 && !IsCommonNoun(t_.StrAt(i))) any_name_word = true;
  }
  if (!any_name_word) return {};
  return s;
}

// The first word of its sentence, or the first after an opening quote or
// bracket there.
bool SpeakerResolver::AtSentenceStart(int piece) const {
  const int s = t_.SentenceOf(piece);
  if (s < 0) return true;
  int first = t_.sentence_pieces[s].first;
  while (first < piece && !t_.IsWord(first)) ++first;
  return first == piece;
}

// A one-word person name is the article's one person with that first or
// last name ("Sandi" -> "Sandiaga Uno"); shared by several, it is nobody
// in particular. A name no fuller one matches stays (Wiranto, Jokowi).
Speaker SpeakerResolver::ResolveShortName(Speaker s) const {
  if (!s.found()) return s;
  if (s.entity >= 0 && doc_.entities[s.entity].type != EntityType::kPerson) return s;
  const ShortNameMatch match = MatchShortName(s.name, doc_.entities, s.entity);
  if (match.matches == 0) return FullNameSpokenBefore(s);
  if (match.entity < 0) return Speaker{};
  s.entity = match.entity;
  s.name = doc_.entities[match.entity].name;
  return s;
}

// "Blinken" after "Antony Blinken" spoke, both names the NER missed: the
// full name the article gave the speaker.
Speaker SpeakerResolver::FullNameSpokenBefore(Speaker s) const {
  if (s.entity >= 0 || s.name.find(' ') != std::string::npos) return s;
  for (auto it = speaker_events_.rbegin(); it != speaker_events_.rend(); ++it) {
    const std::string& full = it->second.name;
    if (it->second.entity < 0 && full.size() > s.name.size() + 1 &&
        full.compare(full.size() - s.name.size(), s.name.size(), s.name) == 0 &&
        full[full.size() - s.name.size() - 1] == ' ') {
      s.name = full;
      return s;
    }
  }
  return s;
}

// The best speaker among pieces [first, last): a PERSON mention (the last
// one: names follow titles), else the first organisation or place, else
// capitalised words that are not titles.
Speaker SpeakerResolver::InPhrase(int first, int last, int anchor, bool after_cue) const {
  if (first >= last) return {};
  if (t_.IsWord(first) && last - first == 1 &&
      (IsPersonPronoun(t_.lower[first]) || IsGroupPronoun(t_.lower[first]))) {
    Speaker s = IsGroupPronoun(t_.lower[first]) ? Group(anchor) : Pronoun(anchor);
    s.span = Span{t_.pieces[first].begin, t_.pieces[first].end};
    return s;
  }
  auto mentions = t_.MentionsIn(first, last);
  if (!after_cue) {
    // "The Pentagon told Reuters" tagged as one organisation: a mention
    // running into the verb is the NER's mistake, not a speaker.
    const int phrase_end = t_.pieces[last - 1].end;
    mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                  [&](const MentionRef* m) { return m->end > phrase_end; }),
                   mentions.end());
  }
  const MentionRef* person = nullptr;
  const MentionRef* other = nullptr;
  for (const MentionRef* m : mentions) {
    const bool is_person = m->type == EntityType::kPerson && !IsMistypedPlace(*m);
    if (is_person) person = m;
    if (!is_person && other == nullptr) other = m;
  }
  if (person != nullptr) return FromMention(*person);
  // "pemimpin Rusia tersebut": a definite description of someone named
  // before.
  if (t_.IsWord(last - 1) && IsDemonstrative(t_.lower[last - 1]) && last - first > 1) {
    Speaker s = Pronoun(anchor);
    if (s.found()) {
      s.span = Span{t_.pieces[first].begin, t_.pieces[last - 1].end};
      return s;
    }
  }
  // Capitalised words that are not titles (nor inside a mention):
  // after a cue, a name the NER missed usually ends the phrase ("kata
  // Kepala Dinas Kesehatan Surabaya Febria Rachmanita").
  auto in_mention = [&](int i) {
    for (const MentionRef* m : mentions) {
      if (m->begin < t_.pieces[i].end && m->end > t_.pieces[i].begin) return true;
    }
    return false;
  };
  if (other != nullptr && after_cue) {
    int e = last;
    int b = e;
    while (b - 1 >= first && t_.IsWord(b - 1) && IsUpperInitial(t_.StrAt(b - 1)) &&
           !IsTitleWord(t_.lower[b - 1]) && !in_mention(b - 1)) {
      --b;
    }
    if (b < e && e - b <= 4) {
      if (Speaker s = FromText(b, e); s.found()) return s;
    }
  }
  if (other != nullptr && !after_cue) {
    // "Kremlin spokesman Dmitry Peskov said": a name after a title after
    // the organisation.
    int b = last;
    while (b - 1 >= first && t_.IsWord(b - 1) && IsUpperInitial(t_.StrAt(b - 1)) &&
           !IsTitleWord(t_.lower[b - 1]) && !in_mention(b - 1)) {
      --b;
    }
    if (last - b >= 2 && last - b <= 3 && t_.IsWord(b - 1) && IsTitleWord(t_.lower[b - 1])) {
      if (Speaker s = FromText(b, last); s.found()) return s;
    }
  }
  if (other != nullptr) {
    if (Speaker s = HolderInsideOffice(first, last); s.found()) return s;
    return FromMention(*other);
  }
  // Before a verb, with NER available, unrecognised capitalised words
  // are more often a place or thing than a speaker; a title alone
  // ("Mendagri mengatakan") is its holder's.
  const std::string_view phrase = t_.text.substr(
      t_.pieces[first].begin, t_.pieces[last - 1].end - t_.pieces[first].begin);
  if (!after_cue && t_.has_people &&
      ClassifySpeakerName(phrase) != SpeakerName::kBareTitle) {
    return {};
  }
  int run_first = kNoPiece;
  int run_last = kNoPiece;
  bool only_roles = true;
  for (int i = first; i < last; ++i) {
    if (!t_.IsWord(i)) continue;
    if (!IsTitleWord(t_.lower[i])) only_roles = false;
    if (IsUpperInitial(t_.StrAt(i)) && !IsTitleWord(t_.lower[i])) {
      if (run_first == kNoPiece || run_last != i - 1) run_first = i;
      run_last = i;
    }
  }
  if (run_first != kNoPiece) {
    // Keep the last name-like run ("juru bicara Kremlin Dmitry Peskov").
    if (Speaker s = FromText(run_first, run_last + 1); s.found()) return s;
  }
  if (only_roles) {
    // "kata Presiden": the person who holds that title.
    for (int i = first; i < last; ++i) {
      if (!t_.IsWord(i)) continue;
      Speaker s = Role(t_.lower[i], t_.pieces[first].begin);
      if (s.found()) {
        s.span = Span{t_.pieces[first].begin, t_.pieces[last - 1].end};
        return s;
      }
    }
    return FromText(first, last);
  }
  return {};
}

// "Kepala Badan Ketahanan Pangan Kementerian Pertanian Agung Hendriadi":
// a phrase opened by a person's title whose last organisation mention
// (the NER ran office and holder together) ends the phrase: the holder is
// the last two capitalised words of it, when the article never writes them
// in lower case.
Speaker SpeakerResolver::HolderInsideOffice(int first, int last) const {
  if (!t_.IsWord(first) || !IsPersonTitle(t_.lower[first])) return {};
  const auto mentions = t_.MentionsIn(first, last);
  if (mentions.empty()) return {};
  const MentionRef& m = *mentions.back();
  const int m_first = t_.PieceAt(m.begin);
  const int m_last = t_.PieceAt(m.end);  // one past the mention's last piece
  if (m.type == EntityType::kPerson || m_last != last || m_last - m_first < 3) return {};
  for (int i = m_last - 2; i < m_last; ++i) {
    if (!t_.IsWord(i) || t_.lower[i].size() < 3 || !IsUpperInitial(t_.StrAt(i)) ||
        IsTitleWord(t_.lower[i]) || IsAcronymWord(t_.StrAt(i)) ||
        AppearsInLowerCase(t_.text, t_.StrAt(i))) {
      return {};
    }
  }
  return FromText(m_last - 2, m_last);
}

namespace {

// English titles written with a period ("Dr. Amina Yusuf"); not "kata
// Presiden. Saya ...", where the period ends the sentence.
bool IsTitleAbbreviation(std::string_view lower) {
  static constexpr std::string_view kTitles[] = {"dr", "mr", "mrs", "ms", "prof", "gen", "sen",
                                                 "rep", "gov", "lt", "col", "sgt", "capt", "rev"};
  return std::find(std::begin(kTitles), std::end(kTitles), lower) != std::end(kTitles);
}

}  // namespace

// Speaker named after a cue word at `cue`: "kata juru bicara Kremlin
// Dmitry Peskov dalam ...".
Speaker SpeakerResolver::After(int cue, int anchor) const {
  const int i = cue + 1;
  int end = i;
  // Kompas style runs long: "kata Kepala Dusun Nglahar, Kelurahan
  // Sumbersari, Wahyu Wibowo di ...": commas between capitalised parts
  // stay inside the phrase.
  while (t_.Valid(end) && end - i < kMaxSpeakerAfter) {
    if (end > i && t_.IsPunct(end, ",") && t_.IsWord(end + 1) &&
        IsUpperInitial(t_.StrAt(end + 1)) && !IsSpeakerPhraseStop(t_.lower[end + 1])) {
      ++end;
      continue;
    }
    // "Menteri Koordinator Bidang Politik, Hukum, dan Keamanan Mahfud MD",
    // "Kepala Pencegahan dan Pengendalian Penyakit ... Dwi Oktavia": "dan"
    // inside an office's name, between capitalised words after a title.
    if (end > i && t_.IsWord(end) && t_.lower[end] == "dan" && t_.IsWord(end + 1) &&
        IsUpperInitial(t_.StrAt(end + 1)) && t_.IsWord(i) && IsTitleWord(t_.lower[i]) &&
        (t_.IsPunct(end - 1, ",") || (t_.IsWord(end - 1) && IsUpperInitial(t_.StrAt(end - 1))))) {
      ++end;
      continue;
    }
    // "peneliti Lembaga Ilmu Pengetahuan Indonesia (LIPI), Dewi Fortuna
    // Anwar": an abbreviation in brackets inside the phrase.
    if (end > i && t_.IsPunct(end, "(")) {
      int close = end + 1;
      while (t_.IsWord(close) && close - end <= 4) ++close;
      if (close > end + 1 && t_.IsPunct(close, ")") &&
          (t_.IsPunct(close + 1, ",") ||
           (t_.IsWord(close + 1) && IsUpperInitial(t_.StrAt(close + 1))))) {
        end = close + 1;
        continue;
      }
    }
    // "Manajer Humas Daop 2 KAI, Joni Martinus": a unit's number.
    if (end > i && t_.pieces[end].kind == PieceKind::kNumber && t_.IsWord(end - 1) &&
        IsUpperInitial(t_.StrAt(end - 1)) &&
        (t_.IsPunct(end + 1, ",") || (t_.IsWord(end + 1) && IsUpperInitial(t_.StrAt(end + 1))))) {
      ++end;
      continue;
    }
    // "said Dr. Amina Yusuf": the period of a title's abbreviation (the
    // English NER leaves the title out of the name).
    if (end > i && t_.IsPunct(end, ".") && t_.IsWord(end - 1) && IsTitleAbbreviation(t_.lower[end - 1]) &&
        t_.pieces[end - 1].end == t_.pieces[end].begin && t_.IsWord(end + 1) &&
        IsUpperInitial(t_.StrAt(end + 1))) {
      ++end;
      continue;
    }
    // "Head of Startupindonesia.co Erwin Arifin": a domain name's period.
    if (end > i && t_.IsPunct(end, ".") && t_.IsWord(end - 1) && t_.IsWord(end + 1) &&
        t_.pieces[end - 1].end == t_.pieces[end].begin &&
        t_.pieces[end].end == t_.pieces[end + 1].begin) {
      ++end;
      continue;
    }
    if (!t_.IsWord(end)) break;
    // Stop words are lower case: "AS" is a country, not "as".
    const bool stop = IsSpeakerPhraseStop(t_.lower[end]) && IsLowerInitial(t_.StrAt(end));
    if (end > i && stop) break;
    if (end == i && (IsPersonPronoun(t_.lower[end]) || IsGroupPronoun(t_.lower[end]))) {
      ++end;
      break;
    }
    if (end == i && stop) return {};
    ++end;
  }
  while (end > i && !t_.IsWord(end - 1)) --end;
  return InPhrase(i, end, anchor, /*after_cue=*/true);
}

// Subject before a speech verb at `verb`: "Presiden Ukraina Volodymyr
// Zelensky (juga) mengatakan".
Speaker SpeakerResolver::Before(int verb, int anchor) const {
  int end = verb;
  while (t_.IsWord(end - 1) && IsVerbModifier(t_.lower[end - 1]) && verb - end < 3) {
    --end;
  }
  if (t_.IsWord(end - 1) && IsNegation(t_.lower[end - 1])) return {};
  // "Its president, Mark Hollis, said": the name between the commas.
  // "Ahmad, yang juga ..., menyatakan", "Decky Senduk, sekretaris tim
  // kampanye, mengaku", "Piter Abdullah, saat dihubungi Kamis (4/6),
  // mengatakan": a clause, a description or a time or place between the
  // commas; the subject comes before them.
  for (int skipped = 0; t_.IsPunct(end - 1, ",") && skipped < kMaxAsides; ++skipped) {
    const int open = AppositiveComma(end - 1);
    if (open < 0) {
      if (skipped == 0) return {};
      break;
    }
    if (!IsAside(open + 1, end - 1)) {
      // "Marullah Matali, Wali Kota Jakarta Selatan, ... membenarkan": an
      // office between the commas describes the person named before them.
      if (t_.IsWord(open + 1) && IsTitleWord(t_.lower[open + 1])) {
        if (const MentionRef* p = PersonEndingAt(open); p != nullptr) return FromMention(*p);
      }
      return InPhrase(open + 1, end - 1, anchor, /*after_cue=*/true);
    }
    end = open + 1;
  }
  if (t_.IsPunct(end - 1, ",")) --end;
  int first = end;
  const int sentence = t_.SentenceOf(verb);
  const int sentence_first =
      sentence >= 0 ? t_.sentence_pieces[sentence].first : 0;
  while (first - 1 >= sentence_first && end - first < kMaxSpeakerPhrase) {
    const int p = first - 1;
    if (t_.IsPunct(p, ")")) {
      // "Perserikatan Bangsa-Bangsa (PBB)": step over the bracket.
      int k = p - 1;
      while (k >= sentence_first && !t_.IsPunct(k, "(") && p - k < 6) --k;
      if (t_.IsPunct(k, "(")) {
        first = k;
        continue;
      }
    }
    if (!t_.IsWord(p)) {
      // "Korea-Utara", "AS" come as words; punctuation ends the subject.
      break;
    }
    if (t_.InQuote(p)) break;
    if (IsClauseBoundaryWord(t_.lower[p]) && IsLowerInitial(t_.StrAt(p))) {
      // "Amerika Serikat dan Korea Selatan": keep joined names together.
      const bool joins_names = t_.lower[p] == "dan" && t_.IsWord(p - 1) &&
                               IsUpperInitial(t_.StrAt(p - 1)) &&
                               IsUpperInitial(t_.StrAt(p + 1));
      if (!joins_names) break;
    }
    if (IsSpeechVerb(t_.lower[p])) break;
    --first;
  }
  if (first == end) return {};
  // A pronoun right before the verb is the subject ("lalu ia mengatakan",
  // "mereka menyatakan").
  if (IsPersonPronoun(t_.lower[end - 1]) || IsGroupPronoun(t_.lower[end - 1])) {
    Speaker s = IsGroupPronoun(t_.lower[end - 1]) ? Group(anchor) : Pronoun(anchor);
    s.span = Span{t_.pieces[end - 1].begin, t_.pieces[end - 1].end};
    return s;
  }
  // Drop leading lower-case words that are not titles ("Dalam pertemuan
  // itu, ..." is cut by the comma; "kemudian" by the boundary list).
  // "Perwakilan Korea Utara untuk PBB di New York": the head comes
  // before the first preposition.
  for (int i = first + 1; i < end; ++i) {
    // "Center of Reform on Economics": inside an English name.
    const bool inside_name = (t_.lower[i] == "of" || t_.lower[i] == "on") &&
                             t_.IsWord(i + 1) && IsUpperInitial(t_.StrAt(i + 1));
    if (t_.IsWord(i) && IsHeadPreposition(t_.lower[i]) && !inside_name &&
        (!t_.MentionsIn(first, i).empty() || IsUpperInitial(t_.StrAt(i - 1)))) {
      end = i;
      break;
    }
  }
  Speaker s = InPhrase(first, end, anchor, /*after_cue=*/false);
  if (!s.found()) {
    // A short capitalised subject right before the verb ("AS
    // mengatakan", "Barat telah mengklaim") even when the NER missed it.
    int b = end;
    while (b - 1 >= first && t_.IsWord(b - 1) && IsUpperInitial(t_.StrAt(b - 1)) &&
           !IsTitleWord(t_.lower[b - 1]) && end - b < 3) {
      --b;
    }
    // Not the origin of a group of people ("sebagian umat Muslim
    // menilai", "warga Jakarta mengeluhkan"): the group speaks, and it is
    // nobody in particular.
    if (b < end && (b == first || !IsUpperInitial(t_.StrAt(b - 1))) &&
        !(t_.IsWord(b - 1) && IsPeopleNoun(t_.lower[b - 1]))) {
      s = FromText(b, end);
    }
  }
  if (!s.found()) s = Possessor(first, end);
  return s;
}

// Pieces [first, last) between two commas before a verb that do not name
// the subject: a relative clause ("yang juga ..."), a lower-case
// description or adjunct ("sekretaris tim kampanye", "saat dihubungi"), or
// a day or date ("Senin (5/10/2020)").
bool SpeakerResolver::IsAside(int first, int last) const {
  if (first >= last || !t_.IsWord(first)) return true;
  const std::string& w = t_.lower[first];
  if (IsRelativePronoun(w) || IsLowerInitial(t_.StrAt(first))) return true;
  if (IsDayOrMonth(w)) return true;
  // "Kamis (4/6/2020)" ends with a date in brackets.
  return t_.IsPunct(last - 1, ")") && t_.pieces[last - 2].kind == PieceKind::kNumber &&
         last - first <= 8 && !t_.IsWord(first + 1);
}

// "Russia's foreign ministry", "Israel's military": the owner of an
// unnamed body speaks for it.
Speaker SpeakerResolver::Possessor(int first, int end) const {
  for (int i = end - 1; i >= first && end - i <= 4; --i) {
    if (!t_.IsWord(i)) return {};
    const std::string& w = t_.lower[i];
    const bool possessive = w.size() > 2 && (w.compare(w.size() - 2, 2, "'s") == 0 ||
                                             (w.size() > 4 && w.compare(w.size() - 4, 4, "’s") == 0));
    if (possessive && IsUpperInitial(t_.StrAt(i))) {
      int b = i;
      while (b - 1 >= first && t_.IsWord(b - 1) && IsUpperInitial(t_.StrAt(b - 1)) && i - b < 3) --b;
      return FromText(b, i + 1);
    }
    if (!IsLowerInitial(t_.StrAt(i))) return {};
  }
  return {};
}

// The comma opening the phrase that ends at the comma at piece `comma`
// ("A spokesman, Lieutenant Colonel David Avraham, said"), or -1.
int SpeakerResolver::AppositiveComma(int comma) const {
  int b = comma - 1;
  while (b >= 0 && comma - b <= kMaxSpeakerPhrase && !t_.IsPunct(b, ",") && !t_.InQuote(b) &&
         t_.SentenceOf(b) == t_.SentenceOf(comma)) {
    --b;
  }
  if (!t_.IsPunct(b, ",") || b + 1 >= comma || !t_.IsWord(b + 1)) return -1;
  return b;
}

// Whether sentence `sentence` has a person pronoun outside quotes before
// byte `pos`.
bool SpeakerResolver::PronounBefore(int sentence, int pos) const {
  const auto [first, last] = t_.sentence_pieces[sentence];
  for (int i = first; i < last && t_.pieces[i].begin < pos; ++i) {
    if (t_.IsWord(i) && !t_.InQuote(i) && IsPersonPronoun(t_.lower[i])) return true;
  }
  return false;
}

// The person a pronoun at byte `pos` stands for: the first person (the
// subject) of the current sentence before `pos`, else the focus of the
// nearest earlier sentence that has one. Mentions inside quotes do not
// count: the quoted speaker's "Presiden Putin" is not who "katanya" is.
Speaker SpeakerResolver::Pronoun(int pos) const {
  const int piece = t_.PieceAt(pos);
  int s = t_.SentenceOf(std::min<int>(piece, static_cast<int>(t_.pieces.size()) - 1));
  if (s < 0) return {};
  // Current sentence, before pos.
  {
    const int b = t_.sentences[s].begin;
    const Speaker* last_speaker = nullptr;
    for (const auto& [p, sp] : speaker_events_) {
      if (p >= b && p < pos) last_speaker = &sp;
    }
    if (last_speaker != nullptr) return *last_speaker;
    for (const MentionRef& m : t_.mentions) {
      if (m.begin >= pos) break;
      if (m.begin >= b && !m.in_quote && m.type == EntityType::kPerson && MayBeAntecedent(m)) {
        if (PronounBefore(s, m.begin)) break;
        return FromMention(m);
      }
    }
  }
  for (int t = s - 1; t >= 0; --t) {
    const Span span = t_.sentences[t];
    // The last speaker of that sentence, else its first person.
    const Speaker* last_speaker = nullptr;
    for (const auto& [p, sp] : speaker_events_) {
      if (p >= span.begin && p < span.end) last_speaker = &sp;
    }
    if (last_speaker != nullptr) return *last_speaker;
    for (const MentionRef& m : t_.mentions) {
      if (m.begin >= span.end) break;
      if (m.begin >= span.begin && !m.in_quote && m.type == EntityType::kPerson &&
          MayBeAntecedent(m)) {
        // "Sebab, menurut dia, Tarawih adalah ...": a pronoun before the
        // first name is that sentence's subject, so the person is further
        // back.
        if (PronounBefore(t, m.begin)) break;
        return FromMention(m);
      }
    }
  }
  return {};
}

// For each mention, whether it is a PERSON that is a place or thing the NER
// mistyped: words of a place or organisation the article names ("Pulo
// Gebang" of "Terminal Pulo Gebang", "Surabaya" of "Pemkot Surabaya"), or
// an item in a list of places ("Klaten, Ceper, Delanggu"). An
// organisation's last word may be a holder the NER ran into it
// ("Kemendagri Zudan"), so it does not count. Once per article: the
// resolver asks for every candidate speaker and antecedent.
std::vector<bool> SpeakerResolver::FindMistypedPlaces() const {
  // The words of the article's places and organisations.
  struct Named {
    std::vector<std::string_view> words;
    bool place = false;
  };
  std::vector<Named> named;
  for (const Entity& e : doc_.entities) {
    if (e.type != EntityType::kOrganization && e.type != EntityType::kLocation) continue;
    Named n{{}, e.type == EntityType::kLocation};
    for (const Piece& p : PiecesOf(e.name)) {
      if (p.kind == PieceKind::kWord) n.words.push_back(std::string_view(e.name).substr(p.begin, p.end - p.begin));
    }
    named.push_back(std::move(n));
  }
  auto is_place_at = [&](int piece) {
    for (const MentionRef& o : t_.mentions) {
      if (o.type == EntityType::kLocation && o.begin < t_.pieces[piece].end &&
          o.end > t_.pieces[piece].begin) {
        return true;
      }
    }
    return false;
  };
  auto is_list_separator = [&](int piece) {
    return t_.IsPunct(piece, ",") || (t_.IsWord(piece) && t_.lower[piece] == "dan");
  };
  auto mistyped = [&](const MentionRef& m) {
    if (m.type != EntityType::kPerson) return false;
    const int first = t_.PieceAt(m.begin);
    if (!t_.IsWord(first)) return false;
    const int last = t_.PieceAt(m.end);  // one past the mention's last piece
    std::vector<std::string_view> name;
    for (int i = first; i < last; ++i) {
      if (t_.IsWord(i)) name.push_back(t_.StrAt(i));
    }
    for (const Named& n : named) {
      // The same name typed as a place elsewhere counts too ("Manado").
      if (n.words.size() < name.size()) continue;
      const size_t limit = n.words.size() - name.size() + (n.place ? 1 : 0);
      for (size_t i = 0; i < limit; ++i) {
        if (std::equal(name.begin(), name.end(), n.words.begin() + i)) return true;
      }
    }
    // Places on both sides: one alone may be an office before an
    // appositive ("Wakil Wali Kota Yogyakarta, Heroe Poerwadi").
    return is_list_separator(first - 1) && t_.Valid(first - 2) && is_place_at(first - 2) &&
           is_list_separator(last) && t_.Valid(last + 1) && is_place_at(last + 1);
  };
  std::vector<bool> out;
  out.reserve(t_.mentions.size());
  for (const MentionRef& m : t_.mentions) out.push_back(mistyped(m));
  return out;
}

// The PERSON mention ending right before piece `comma`, or null.
const MentionRef* SpeakerResolver::PersonEndingAt(int comma) const {
  if (!t_.Valid(comma - 1)) return nullptr;
  const int end = t_.pieces[comma - 1].end;
  for (const MentionRef& m : t_.mentions) {
    if (m.begin >= end) break;
    if (m.end == end && m.type == EntityType::kPerson && !m.in_quote && !IsMistypedPlace(m)) {
      return &m;
    }
  }
  return nullptr;
}

// Whether a PERSON mention may be who a pronoun stands for. The NER tags
// places and things as people often enough that a "person" is doubted
// when it looks like a mistyped place (above), and a one-word one when
// the word is an acronym ("APIP", "KRL"), an abbreviation in brackets
// after an organisation ("Asosiasi ... (Aspaki)"), or the tail of a
// capitalised name the NER cut ("Masjid Agung", "Kelompok Anarko").
bool SpeakerResolver::MayBeAntecedent(const MentionRef& m) const {
  if (IsMistypedPlace(m)) return false;
  const int first = t_.PieceAt(m.begin);
  if (!t_.IsWord(first) || t_.pieces[first].end < m.end) return true;  // several words
  const std::string_view word = t_.StrAt(first);
  if (word.size() >= 2 && IsAcronymWord(word)) return false;
  if (t_.IsPunct(first - 1, "(")) {
    for (const MentionRef& o : t_.mentions) {
      if (o.type != EntityType::kPerson && o.end <= t_.pieces[first - 1].begin &&
          o.end >= t_.pieces[first - 1].begin - 1) {
        return false;
      }
    }
  }
  const int before = first - 1;
  if (!t_.IsWord(before) || !IsUpperInitial(t_.StrAt(before)) || AtSentenceStart(before) ||
      IsTitleWord(t_.lower[before]) || IsFunctionWord(t_.StrAt(before))) {
    return true;
  }
  // A capitalised word before it that is no title and in no other mention.
  return !t_.MentionsIn(before, first).empty();
}

// The group "mereka" / "they" at byte `pos` stands for: the last
// organisation named outside quotes in this sentence or the two before
// ("Komnas HAM ... Mereka menyatakan"); nobody when there is none (a
// crowd, "warga", is not an entity).
Speaker SpeakerResolver::Group(int pos) const {
  const int piece = t_.PieceAt(pos);
  const int s = t_.SentenceOf(std::min<int>(piece, static_cast<int>(t_.pieces.size()) - 1));
  if (s < 0) return {};
  const int from = t_.sentences[std::max(0, s - kGroupSentences)].begin;
  const MentionRef* last = nullptr;
  for (const MentionRef& m : t_.mentions) {
    if (m.begin >= pos) break;
    if (m.begin >= from && !m.in_quote && m.type == EntityType::kOrganization) last = &m;
  }
  return last != nullptr ? FromMention(*last) : Speaker{};
}

// The person who holds the title `role` ("presiden") most recently
// before `pos`: a PERSON mention right after the title, or one whose
// entity lists the role.
Speaker SpeakerResolver::Role(const std::string& role, int pos) const {
  const MentionRef* best = nullptr;
  for (const MentionRef& m : t_.mentions) {
    if (m.begin >= pos) break;
    if (m.type != EntityType::kPerson) continue;
    const int p = t_.PieceAt(m.begin);
    bool titled = false;
    // The nearest title before a name is its holder's: "mendampingi
    // Presiden, Menteri Perhubungan Budi Karya Sumadi" is no president.
    for (int k = p - 1; k >= 0 && k >= p - 4 && t_.IsWord(k); --k) {
      if (t_.lower[k] == role) titled = true;
      if (titled || IsTitleWord(t_.lower[k])) break;
    }
    // Further back only through the office's own capitalised words:
    // "Kasat Reskrim Polres Jakarta Selatan AKBP Eko Hadi Santoso".
    for (int k = p - 1; !titled && k >= 0 && k >= p - kMaxTitleToName; --k) {
      if (!t_.IsWord(k) || !IsUpperInitial(t_.StrAt(k))) break;
      if (t_.lower[k] == role) titled = true;
    }
    for (const std::string& r : doc_.entities[m.entity].roles) {
      if (AsciiLower(r).find(role) != std::string::npos) titled = true;
    }
    if (titled) best = &m;
  }
  if (best != nullptr) return FromMention(*best);
  // Without entities: the title followed by capitalised words. With
  // them, those words are the rest of the office ("Polres Jakarta
  // Selatan"), not its holder.
  if (t_.has_people) return {};
  const int limit = t_.PieceAt(pos);
  for (int k = limit - 1; k >= 0; --k) {
    if (!t_.IsWord(k) || t_.lower[k] != role || !IsUpperInitial(t_.StrAt(k))) continue;
    int e = k + 1;
    while (t_.IsWord(e) && IsUpperInitial(t_.StrAt(e)) && e - k <= 4) ++e;
    // Skip titles and places between ("Presiden Rusia Vladimir Putin"):
    // keep the last two name words.
    if (e - k >= 3) return FromText(std::max(k + 1, e - 2), e);
  }
  return {};
}

}  // namespace warta::enrichment
