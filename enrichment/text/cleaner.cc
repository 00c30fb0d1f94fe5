#include "enrichment/text/cleaner.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "enrichment/dates/date_parser.h"
#include "enrichment/text/page_rules.h"
#include "enrichment/text/unicode_normalizer.h"

namespace warta::enrichment {
namespace {

struct Line {
  int begin;  // trimmed, in the normalised text
  int end;
  bool keep = false;
  bool body = false;         // in the body part of the page
  int boilerplate = -1;      // index into removed spans when removed as boilerplate
};

struct Removal {
  int begin;  // in the normalised text
  int end;
  std::string_view reason;
  bool restorable = false;  // body boilerplate, put back when cleaning looks wrong
};

// Lower case, single spaces: how a title hint is compared with a page line.
std::string Canonical(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Removed lines at least this long count against the "never lose the
// article" check.
constexpr int kParagraphBytes = 120;

// A page line that is the title hint, maybe with the outlet's name added
// on either side's end ("Judul - Tempo.co", "Judul | Kompas.tv").
bool SameTitle(const std::string& line, const std::string& hint) {
  if (line == hint) return true;
  const std::string& longer = line.size() > hint.size() ? line : hint;
  const std::string& shorter = line.size() > hint.size() ? hint : line;
  if (shorter.empty() || !longer.starts_with(shorter)) return false;
  const std::string_view rest = std::string_view(longer).substr(shorter.size());
  return rest.starts_with(" - ") || rest.starts_with(" | ");
}

class PageCleaner {
 public:
  PageCleaner(const CleanerOptions& options, Document& doc)
      : options_(options), doc_(doc), norm_(NormalizeText(doc.original)), s_(norm_.text) {}

  void Run() {
    doc_.clean = CleanResult();
    SplitLines();
    const size_t body_start = ReadHeader();
    ReadBody(body_start);
    KeepArticleWhole();
    BuildText();
  }

 private:
  std::string_view View(int b, int e) const { return std::string_view(s_).substr(b, e - b); }
  std::string_view View(const Line& l) const { return View(l.begin, l.end); }

  void SplitLines() {
    const int n = static_cast<int>(s_.size());
    int b = 0;
    while (b <= n) {
      int e = b;
      while (e < n && s_[e] != '\n') ++e;
      int tb = b, te = e;
      while (tb < te && s_[tb] == ' ') ++tb;
      while (te > tb && s_[te - 1] == ' ') --te;
      if (te > tb) lines_.push_back(Line{tb, te});
      b = e + 1;
    }
  }

  void Remove(int b, int e, std::string_view reason, bool restorable = false) {
    if (e > b) removals_.push_back(Removal{b, e, reason, restorable});
  }

  // Title, bylines, publication time, section labels and image captions
  // above the body. Returns the index of the first body line.
  size_t ReadHeader() {
    const std::string hint = Canonical(NormalizeText(doc_.title_hint).text);
    bool title_done = false;
    bool pending_label = false;
    size_t i = 0;
    for (; i < lines_.size() && static_cast<int>(i) < options_.max_header_lines; ++i) {
      Line& line = lines_[i];
      const std::string_view t = View(line);
      if (pending_label) {
        pending_label = false;
        if (page_rules::LooksLikeName(t)) {
          doc_.clean.bylines.emplace_back(t);
          Remove(line.begin, line.end, "byline");
          continue;
        }
      }
      if (page_rules::IsBylineLabel(t)) {
        pending_label = true;
        Remove(line.begin, line.end, "byline");
        continue;
      }
      if (page_rules::ParseBylineLine(t, &doc_.clean.bylines)) {
        Remove(line.begin, line.end, "byline");
        continue;
      }
      // "By John Smith", "Oleh Andi Saputra".
      for (std::string_view by : {std::string_view("By "), std::string_view("Oleh ")}) {
        if (t.starts_with(by) && page_rules::LooksLikeName(t.substr(by.size()))) {
          doc_.clean.bylines.emplace_back(t.substr(by.size()));
          Remove(line.begin, line.end, "byline");
          line.end = line.begin;  // handled
          break;
        }
      }
      if (line.end == line.begin) continue;
      if (std::optional<dates::DateMatch> m = dates::FindPublicationTime(t.substr(0, 200));
          m && page_rules::IsPublicationTimePrefix(t.substr(0, m->begin))) {
        int rest = m->end;
        while (rest < static_cast<int>(t.size()) &&
               (t[rest] == ' ' || t[rest] == ',' || t[rest] == '|' || t[rest] == '-')) {
          ++rest;
        }
        if (rest == static_cast<int>(t.size())) {
          SetPublished(*m);
          Remove(line.begin, line.end, "publication_time");
          continue;
        }
        if (m->has_time && page_rules::FindDateline(t.substr(rest), doc_.source)) {
          // "Kompas dunia | 21 Januari 2024, 14:32 WIBPYONGYANG, KOMPAS.TV -
          // ...": the article, dateline first, starts right after the time.
          // Without a dateline the date may be the article's own words.
          SetPublished(*m);
          Remove(line.begin, line.begin + rest, "publication_time");
          line.begin += rest;
          break;
        }
      }
      if (std::optional<std::string_view> reason = page_rules::BoilerplateReason(t, false)) {
        Remove(line.begin, line.end, *reason);
        continue;
      }
      if (!title_done) {
        if (!hint.empty()) {
          title_done = true;
          doc_.clean.title = doc_.title_hint;
          if (SameTitle(Canonical(t), hint)) {
            Remove(line.begin, line.end, "title");
            continue;
          }
        } else if (page_rules::LooksLikeTitle(t) && i + 1 < lines_.size() &&
                   !page_rules::FindDateline(t, doc_.source)) {
          title_done = true;
          doc_.clean.title = std::string(t);
          Remove(line.begin, line.end, "title");
          continue;
        }
      }
      if (page_rules::LooksLikeSectionLabel(t) && i + 1 < lines_.size()) {
        Remove(line.begin, line.end, "section");
        continue;
      }
      break;
    }
    if (!doc_.title_hint.empty()) doc_.clean.title = doc_.title_hint;
    return i;
  }

  void SetPublished(const dates::DateMatch& m) {
    if (!doc_.clean.published_at_unix) {
      doc_.clean.published_at_unix = dates::ToUnixSeconds(m, options_.default_utc_offset_minutes);
    }
  }

  void ReadBody(size_t start) {
    if (start >= lines_.size()) return;
    for (size_t i = start; i < lines_.size(); ++i) lines_[i].body = true;
    Line& first = lines_[start];
    if (std::optional<page_rules::Dateline> d =
            page_rules::FindDateline(View(first), doc_.source)) {
      doc_.clean.dateline = std::string(View(first.begin, first.begin + d->name_end));
      Remove(first.begin, first.begin + d->body_begin, "dateline");
      first.begin += d->body_begin;
    }
    if (!doc_.clean.published_at_unix) FindDateInLede(start);

    const size_t n = lines_.size();
    int last_kept = -1;
    for (size_t i = start; i < n; ++i) {
      Line& line = lines_[i];
      const std::string_view t = View(line);
      const bool near_end = i + 3 >= n;
      std::vector<std::string> names;
      if (t.size() <= 160 && page_rules::ParseBylineLine(t, &names)) {
        for (std::string& name : names) doc_.clean.bylines.push_back(std::move(name));
        Remove(line.begin, line.end, "byline");
        continue;
      }
      if (std::optional<std::string_view> reason = page_rules::BoilerplateReason(t, near_end)) {
        if (*reason == "byline") {
          if (std::string name = page_rules::CreditLineName(t); !name.empty()) {
            doc_.clean.bylines.push_back(std::move(name));
          }
        }
        line.boilerplate = static_cast<int>(removals_.size());
        Remove(line.begin, line.end, *reason, /*restorable=*/true);
        continue;
      }
      line.keep = true;
      last_kept = static_cast<int>(i);
      // "Pyongyang.***": decoration glued to the end of a paragraph.
      int e = line.end;
      while (e > line.begin && s_[e - 1] == '*') --e;
      if (e < line.end && e > line.begin) {
        Remove(e, line.end, "decoration");
        line.end = e;
      }
    }
    if (last_kept >= 0) {
      Line& last = lines_[last_kept];
      if (std::optional<page_rules::TrailingCredit> c =
              page_rules::FindTrailingCredit(View(last))) {
        if (!c->name.empty()) doc_.clean.bylines.push_back(c->name);
        int e = last.begin + c->begin;
        Remove(e, last.end, "byline");
        while (e > last.begin && s_[e - 1] == ' ') --e;
        last.end = e;
      }
    }
  }

  // Indonesian outlets often date the story in its first sentences only:
  // "Dikutip dari AFP pada Jumat (1/11/2024), ...". Take a dated day name
  // there as the publication date.
  void FindDateInLede(size_t start) {
    int budget = options_.body_date_search_bytes;
    for (size_t i = start; i < lines_.size() && budget > 0; ++i) {
      std::string_view t = View(lines_[i]);
      t = t.substr(0, static_cast<size_t>(budget));
      budget -= static_cast<int>(t.size());
      // A date has digits: skip the parse otherwise.
      if (t.find_first_of("0123456789") == std::string_view::npos) continue;
      for (const dates::DateMatch& m : dates::FindDates(t, std::nullopt)) {
        if (m.weekday >= 0 && m.kind == dates::DateKind::kAbsolute) {
          SetPublished(m);
          return;
        }
      }
    }
  }

  // Never lose the article: if the rules removed most of the body, they are
  // wrong for this page.
  void KeepArticleWhole() {
    int64_t body_bytes = 0, kept_bytes = 0, removed_paragraph_bytes = 0;
    for (const Line& l : lines_) {
      if (!l.body) continue;
      body_bytes += l.end - l.begin;
      if (l.keep) kept_bytes += l.end - l.begin;
      // Links and credits are short; a long removed line is a paragraph the
      // rules may have got wrong.
      if (l.boilerplate >= 0 && l.end - l.begin >= kParagraphBytes) {
        removed_paragraph_bytes += l.end - l.begin;
      }
    }
    const bool nothing_kept = kept_bytes == 0 && !lines_.empty();
    const bool most_removed = kept_bytes < options_.min_kept_fraction * body_bytes &&
                              removed_paragraph_bytes > kept_bytes;
    if (!nothing_kept && !most_removed) return;
    doc_.clean.suspicious_cleaning = true;
    if (body_bytes == 0) {
      // Everything looked like header: keep every line but the title.
      for (Line& l : lines_) {
        if (View(l) != doc_.clean.title) l.keep = true;
      }
      if (std::none_of(lines_.begin(), lines_.end(), [](const Line& l) { return l.keep; })) {
        for (Line& l : lines_) l.keep = true;
      }
      removals_.clear();
      return;
    }
    for (Line& l : lines_) {
      if (l.body && l.boilerplate >= 0) {
        l.keep = true;
        removals_[l.boilerplate].restorable = false;
        removals_[l.boilerplate].reason = "";
      }
    }
    removals_.erase(std::remove_if(removals_.begin(), removals_.end(),
                                   [](const Removal& r) { return r.reason.empty(); }),
                    removals_.end());
  }

  void BuildText() {
    const std::vector<int>& o = norm_.offsets;
    std::string& text = doc_.text;
    std::vector<int>& offsets = doc_.original_offsets;
    text.clear();
    offsets.clear();
    text.reserve(s_.size());
    offsets.reserve(s_.size() + 1);
    int last_end = -1;
    for (const Line& l : lines_) {
      if (!l.keep || l.end <= l.begin) continue;
      if (last_end >= 0) {
        text.append("\n\n");
        offsets.push_back(o[last_end]);
        offsets.push_back(o[last_end]);
      }
      text.append(s_, l.begin, l.end - l.begin);
      offsets.insert(offsets.end(), o.begin() + l.begin, o.begin() + l.end);
      last_end = l.end;
    }
    offsets.push_back(last_end >= 0 ? o[last_end] : o.back());

    std::sort(removals_.begin(), removals_.end(),
              [](const Removal& a, const Removal& b) { return a.begin < b.begin; });
    doc_.clean.removed.reserve(removals_.size());
    for (const Removal& r : removals_) {
      RemovedSpan span;
      span.original = Span{o[r.begin], o[r.end]};
      span.reason = std::string(r.reason);
      span.text = std::string(View(r.begin, r.end));
      doc_.clean.removed.push_back(std::move(span));
    }
  }

  const CleanerOptions& options_;
  Document& doc_;
  NormalizedText norm_;
  const std::string& s_;
  std::vector<Line> lines_;
  std::vector<Removal> removals_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<Cleaner>> Cleaner::Create(const CleanerOptions& options) {
  if (options.default_utc_offset_minutes < -14 * 60 ||
      options.default_utc_offset_minutes > 14 * 60) {
    return absl::InvalidArgumentError("CleanerOptions: UTC offset outside -14h..+14h");
  }
  if (options.max_header_lines < 0 || options.body_date_search_bytes < 0) {
    return absl::InvalidArgumentError("CleanerOptions: negative limit");
  }
  if (!(options.min_kept_fraction >= 0 && options.min_kept_fraction <= 1)) {
    return absl::InvalidArgumentError("CleanerOptions: min_kept_fraction outside [0, 1]");
  }
  return std::unique_ptr<Cleaner>(new Cleaner(options));
}

absl::Status Cleaner::Process(Document& doc) const {
  PageCleaner(options_, doc).Run();
  return absl::OkStatus();
}

}  // namespace warta::enrichment
