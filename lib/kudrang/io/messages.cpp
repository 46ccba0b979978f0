#include "kudrang/io/messages.hpp"

#include "kudrang/core/date.hpp"
#include "kudrang/io/yaml_loader.hpp"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

extern const unsigned char kudrang_messages_th_yaml[];
extern const std::size_t kudrang_messages_th_yaml_size;

namespace kudrang {

namespace {

std::atomic<Language> current{Language::en};

// One English template split at its placeholders: lits[0] {} lits[1] ... {} lits[n].
struct Entry {
  std::string en;
  std::vector<std::string> lits;
  std::vector<bool> quoted;  // the value at i sits between quotes: printed as written
  std::string th;
  size_t literal_bytes = 0;
};

struct Catalogue {
  std::unordered_map<std::string, std::string> exact;  // templates without a value
  std::vector<Entry> templated;
};

bool is_quote_end(std::string_view s) { return !s.empty() && (s.back() == '\'' || s.back() == '"' || s.back() == '`'); }
bool is_quote_start(std::string_view s) { return !s.empty() && (s.front() == '\'' || s.front() == '"' || s.front() == '`'); }

// Splits at `{}`, `{:L}`, `{:.0f}` ...; `{{` and `}}` stand for braces.
std::vector<std::string> split_template(std::string_view t)
{
  std::vector<std::string> parts(1);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 1 < t.size() && t[i + 1] == '{') {
      parts.back() += '{';
      ++i;
    } else if (t[i] == '}' && i + 1 < t.size() && t[i + 1] == '}') {
      parts.back() += '}';
      ++i;
    } else if (t[i] == '{') {
      size_t close = t.find('}', i);
      if (close == std::string_view::npos) {
        parts.back() += t.substr(i);
        break;
      }
      parts.emplace_back();
      i = close;
    } else {
      parts.back() += t[i];
    }
  }
  return parts;
}

std::string fill(std::string_view th, const std::vector<std::string>& vals);

Catalogue load_catalogue(const unsigned char* bytes, size_t size)
{
  Catalogue c;
  std::string_view text(reinterpret_cast<const char*>(bytes), size);
  Diagnostics diags("messages");
  auto root = load_yaml(text, diags, LoadLimits{16 * 1024 * 1024, 8, 1'000'000});
  if (!root || diags.has_errors()) {
    // A broken catalogue is a build defect the drift test catches; never a crash.
    return c;
  }
  const Node* messages = root->find("messages");
  if (!messages || !messages->is_mapping()) return c;
  for (size_t i = 0; i < messages->keys.size(); ++i) {
    const std::string& en = messages->keys[i];
    const Node& v = messages->items[i];
    if (!v.is_scalar() || v.text.empty()) continue;
    auto parts = split_template(en);
    if (parts.size() == 1) {
      c.exact.emplace(parts[0], fill(v.text, {}));
      continue;
    }
    Entry e;
    e.en = en;
    e.th = v.text;
    for (size_t k = 0; k + 1 < parts.size(); ++k) {
      e.quoted.push_back(is_quote_end(parts[k]) && is_quote_start(parts[k + 1]));
    }
    for (const auto& p : parts) e.literal_bytes += p.size();
    e.lits = std::move(parts);
    c.templated.push_back(std::move(e));
  }
  return c;
}

const Catalogue& thai()
{
  static const Catalogue c = load_catalogue(kudrang_messages_th_yaml, kudrang_messages_th_yaml_size);
  return c;
}

const Catalogue* catalogue(Language lang) { return lang == Language::th ? &thai() : nullptr; }

std::string translate_in(const Catalogue& c, Language lang, std::string_view s, int depth);

bool is_iso_date(std::string_view s)
{
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

// The longest English text of the catalogue is under 300 bytes; a value made
// of a few of its phrases stays under this.
constexpr size_t max_phrase_value = 1200;

// A value put into a template: a date in the reader's terms, a phrase translated.
std::string translate_value(const Catalogue& c, Language lang, std::string_view v, int depth, bool& known)
{
  known = true;
  if (v.empty()) return {};
  if (is_iso_date(v)) {
    if (auto d = parse_date(v)) return human_date(*d, lang == Language::th);
  }
  // A value far longer than any phrase of the catalogue is data (a list of
  // 2,000 roster ids, names): put in as written, not split and searched.
  if (v.size() > max_phrase_value) {
    known = false;
    return std::string(v);
  }
  std::string t = translate_in(c, lang, v, depth + 1);
  known = t != v;
  return t;
}

// The steps one message's translation may take (fitting templates, and
// translating the values put into them, which may fit templates again). A
// long value that many templates split (a list of 2,000 roster ids, each
// split at every ", ") could otherwise take exponential time. Ordinary
// messages take at most a few thousand steps (the example's and the golden
// cases' longest, 5,342); past the budget, values are left
// as they are (ids and numbers need no translation), so a message is never
// lost, only possibly less translated, and the same input always gives the
// same output.
constexpr size_t translation_steps = 100000;
thread_local size_t steps_left = translation_steps;

bool take_step()
{
  if (steps_left == 0) return false;
  --steps_left;
  return true;
}

// All ways `s` fits `e`, values in order; stops after `cap` ways.
void fit(const Entry& e, std::string_view s, size_t pos, size_t k, std::vector<std::string_view>& vals,
         std::vector<std::vector<std::string_view>>& out, size_t cap)
{
  if (out.size() >= cap || !take_step()) return;
  const size_t n = e.lits.size() - 1;  // values
  if (k == n) {
    if (pos == s.size()) out.push_back(vals);
    return;
  }
  // Every literal still to come must be there, in order: else no split of
  // the values between them can fit (checked once, in linear time, before
  // trying the splits one by one).
  if (k == 0) {
    size_t at = pos;
    for (size_t j = 1; j < e.lits.size(); ++j) {
      if (e.lits[j].empty()) continue;
      at = s.find(e.lits[j], at);
      if (at == std::string_view::npos) return;
      at += e.lits[j].size();
    }
  }
  const std::string& next = e.lits[k + 1];
  if (k + 1 == n) {  // the last value runs up to the final literal
    if (s.size() < pos + next.size() || s.substr(s.size() - next.size()) != next) return;
    vals.push_back(s.substr(pos, s.size() - next.size() - pos));
    fit(e, s, s.size(), n, vals, out, cap);
    vals.pop_back();
    return;
  }
  if (next.empty()) {  // two values side by side: try every split
    for (size_t end = pos; end <= s.size(); ++end) {
      vals.push_back(s.substr(pos, end - pos));
      fit(e, s, end, k + 1, vals, out, cap);
      vals.pop_back();
      if (out.size() >= cap) return;
    }
    return;
  }
  for (size_t at = s.find(next, pos); at != std::string_view::npos; at = s.find(next, at + 1)) {
    vals.push_back(s.substr(pos, at - pos));
    fit(e, s, at + next.size(), k + 1, vals, out, cap);
    vals.pop_back();
    if (out.size() >= cap) return;
  }
}

std::string fill(std::string_view th, const std::vector<std::string>& vals)
{
  std::string out;
  size_t seq = 0;
  for (size_t i = 0; i < th.size(); ++i) {
    if (th[i] == '{' && i + 1 < th.size() && th[i + 1] == '{') {
      out += '{';
      ++i;
    } else if (th[i] == '}' && i + 1 < th.size() && th[i + 1] == '}') {
      out += '}';
      ++i;
    } else if (th[i] == '{') {
      size_t close = th.find('}', i);
      if (close == std::string_view::npos) {
        out += th.substr(i);
        break;
      }
      std::string_view inside = th.substr(i + 1, close - i - 1);
      size_t index = seq++;
      if (!inside.empty() && inside[0] >= '1' && inside[0] <= '9') {
        index = 0;
        for (char ch : inside) {
          if (ch < '0' || ch > '9') break;
          index = index * 10 + static_cast<size_t>(ch - '0');
        }
        index -= 1;
      }
      if (index < vals.size()) out += vals[index];
      i = close;
    } else {
      out += th[i];
    }
  }
  return out;
}

std::string translate_in(const Catalogue& c, Language lang, std::string_view s, int depth)
{
  if (s.empty() || depth > 4 || !take_step()) return std::string(s);
  if (auto it = c.exact.find(std::string(s)); it != c.exact.end()) return it->second;
  const Entry* best = nullptr;
  std::vector<std::string> best_vals;
  size_t best_unknown = SIZE_MAX;
  for (const auto& e : c.templated) {
    if (e.literal_bytes > s.size() || s.substr(0, e.lits.front().size()) != e.lits.front()) continue;
    if (best && e.literal_bytes < best->literal_bytes) continue;
    std::vector<std::string_view> vals;
    std::vector<std::vector<std::string_view>> ways;
    fit(e, s, e.lits.front().size(), 0, vals, ways, 24);
    for (const auto& way : ways) {
      std::vector<std::string> out;
      size_t unknown = 0;
      for (size_t k = 0; k < way.size(); ++k) {
        if (e.quoted[k]) {
          out.emplace_back(way[k]);
          continue;
        }
        bool known = true;
        out.push_back(translate_value(c, lang, way[k], depth, known));
        // A value that is words yet no phrase of the catalogue is likely a
        // wrong split (or an untranslated phrase): prefer the ways with fewer.
        if (!known && way[k].find(' ') != std::string_view::npos) unknown += way[k].size();
      }
      bool better = !best || e.literal_bytes > best->literal_bytes || unknown < best_unknown;
      if (better) {
        best = &e;
        best_vals = std::move(out);
        best_unknown = unknown;
      }
    }
  }
  if (!best) return std::string(s);
  return fill(best->th, best_vals);
}

}  // namespace

void set_message_language(Language lang) { current.store(lang); }
Language message_language() { return current.load(); }

bool parse_language(std::string_view word, Language& out)
{
  if (word == "th") out = Language::th;
  else if (word == "en") out = Language::en;
  else return false;
  return true;
}

std::string translate(std::string_view english, Language lang)
{
  const Catalogue* c = catalogue(lang);
  if (!c) return std::string(english);
  steps_left = translation_steps;
  return translate_in(*c, lang, english, 0);
}

std::string translate(std::string_view english) { return translate(english, message_language()); }

std::string translate_lines(std::string_view text)
{
  if (message_language() == Language::en) return std::string(text);
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string_view line = text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    out += translate(line);
    if (nl == std::string_view::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::vector<std::string> catalogue_keys(Language lang)
{
  std::vector<std::string> keys;
  const Catalogue* c = catalogue(lang);
  if (!c) return keys;
  for (const auto& [k, v] : c->exact) keys.push_back(k);
  for (const auto& e : c->templated) keys.push_back(e.en);
  return keys;
}

}  // namespace kudrang
