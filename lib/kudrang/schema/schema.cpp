#include "kudrang/schema/schema.hpp"

#include "kudrang/core/text.hpp"
#include "kudrang/io/yaml_loader.hpp"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <re2/re2.h>

namespace kudrang {

namespace {

enum TypeBit : unsigned {
  t_null = 1,
  t_boolean = 2,
  t_integer = 4,
  t_number = 8,
  t_string = 16,
  t_array = 32,
  t_object = 64,
};

unsigned type_bit(std::string_view name)
{
  if (name == "null") return t_null;
  if (name == "boolean") return t_boolean;
  if (name == "integer") return t_integer;
  if (name == "number") return t_number;
  if (name == "string") return t_string;
  if (name == "array") return t_array;
  if (name == "object") return t_object;
  return 0;
}

bool is_integral_number(const Node& n)
{
  if (n.type == NodeType::integer) {
    return true;
  }
  if (n.type != NodeType::number) {
    return false;
  }
  // JSON Schema: a number with a zero fractional part is an integer.
  auto dot = n.text.find('.');
  if (n.text.find_first_of("eE") != std::string::npos) {
    double v = std::strtod(n.text.c_str(), nullptr);
    // Out of the 64-bit range (the loader reports it) the cast is undefined.
    return std::fabs(v) < 9.2e18 && v == static_cast<double>(static_cast<long long>(v));
  }
  return n.text.find_first_not_of('0', dot + 1) == std::string::npos;
}

bool matches_types(const Node& n, unsigned types)
{
  switch (n.type) {
  case NodeType::null: return types & t_null;
  case NodeType::boolean: return types & t_boolean;
  case NodeType::integer: return types & (t_integer | t_number);
  case NodeType::number: return (types & t_number) || ((types & t_integer) && is_integral_number(n));
  case NodeType::string: return types & t_string;
  case NodeType::sequence: return types & t_array;
  case NodeType::mapping: return types & t_object;
  }
  return false;
}

std::string types_phrase(unsigned types)
{
  std::vector<std::string> parts;
  if (types & t_object) parts.emplace_back("a mapping");
  if (types & t_array) parts.emplace_back("a list");
  if (types & t_string) parts.emplace_back("text");
  if (types & t_number) {
    parts.emplace_back("a number");
  } else if (types & t_integer) {
    parts.emplace_back("a whole number");
  }
  if (types & t_boolean) parts.emplace_back("true or false");
  if (types & t_null) parts.emplace_back("empty");
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out += i + 1 == parts.size() ? " or " : ", ";
    }
    out += parts[i];
  }
  return out;
}

std::string value_phrase(const Node& n)
{
  switch (n.type) {
  case NodeType::string: return fmt::format("the text '{}'", abbreviate(n.text));
  case NodeType::integer:
  case NodeType::number: return fmt::format("the number {}", n.text);
  case NodeType::boolean: return fmt::format("'{}'", n.text);
  default: return node_type_phrase(n.type);
  }
}

long double numeric_value(const Node& n)
{
  return std::strtold(n.text.c_str(), nullptr);
}

bool json_equal(const Node& a, const Node& b)
{
  if (a.is_number() && b.is_number()) {
    return numeric_value(a) == numeric_value(b);
  }
  if (a.type != b.type) {
    return false;
  }
  if (a.is_scalar()) {
    return a.type == NodeType::boolean ? a.as_bool() == b.as_bool() : a.text == b.text;
  }
  if (a.items.size() != b.items.size()) {
    return false;
  }
  for (size_t i = 0; i < a.items.size(); ++i) {
    if ((a.is_mapping() && a.keys[i] != b.keys[i]) || !json_equal(a.items[i], b.items[i])) {
      return false;
    }
  }
  return true;
}

// A number written in Thai digits (๕, ๑๒, ๒๕๖๓), or mixed with ASCII ones:
// the same number in ASCII digits, or "" when `text` is not such a number.
std::string thai_digits_number(std::string_view text)
{
  std::string out;
  bool thai = false;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      out += static_cast<char>(c);
      ++i;
    } else if ((c == '.' || c == ',' || c == '-') && !out.empty()) {
      if (c != ',') out += static_cast<char>(c);
      ++i;
    } else if (c == 0xE0 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xB9 &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 && static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      out += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90));
      thai = true;
      i += 3;
    } else {
      return {};
    }
  }
  return thai ? out : std::string();
}

// A time written the Thai way, "9.30", "09.30", "09.30 น.", "9:30 น.":
// the HH:MM text to write, or "" when `text` is not one.
std::string thai_style_time(std::string_view text)
{
  std::string t(text);
  for (std::string_view suffix : {"น.", "น"}) {
    if (t.size() > suffix.size() && t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0) {
      t.resize(t.size() - suffix.size());
      break;
    }
  }
  while (!t.empty() && t.back() == ' ') t.pop_back();
  // Thai digits (๐๙:๓๐) read as the digits they are.
  std::string ascii;
  for (size_t i = 0; i < t.size(); ++i) {
    auto c = static_cast<unsigned char>(t[i]);
    if (c == 0xE0 && i + 2 < t.size() && static_cast<unsigned char>(t[i + 1]) == 0xB9 &&
        static_cast<unsigned char>(t[i + 2]) >= 0x90 && static_cast<unsigned char>(t[i + 2]) <= 0x99) {
      ascii += static_cast<char>('0' + (static_cast<unsigned char>(t[i + 2]) - 0x90));
      i += 2;
    } else {
      ascii += static_cast<char>(c);
    }
  }
  t = ascii;
  auto sep = t.find_first_of(".:");
  if (sep == std::string::npos || sep == 0 || sep > 2 || t.size() != sep + 3) return {};
  for (size_t i = 0; i < t.size(); ++i) {
    if (i != sep && (t[i] < '0' || t[i] > '9')) return {};
  }
  int h = std::atoi(t.substr(0, sep).c_str());
  int m = std::atoi(t.substr(sep + 1).c_str());
  if (h > 23 || m > 59) return {};
  return fmt::format("{:02}:{:02}", h, m);
}

std::string scalar_repr(const Node& n)
{
  return n.is_string() ? fmt::format("'{}'", abbreviate(n.text)) : abbreviate(n.text);
}

}  // namespace

struct Schema::Impl {
  struct Rule {
    unsigned types = 0;  // 0: any
    std::vector<std::pair<std::string, int>> properties;
    std::vector<std::string> required;
    int additional = -2;  // -2 allowed, -1 false, >= 0 a schema
    struct PatternProperty {
      std::string source;
      std::shared_ptr<const RE2> re;
      int schema;
    };
    std::vector<PatternProperty> pattern_properties;
    int items = -1;
    long min_items = -1;
    long max_items = -1;
    std::vector<Node> enum_values;
    bool has_enum = false;
    // "x-thai": the Thai word a clerk says for each enum value (value, word).
    // Not a validation keyword: a Thai word is answered with the value to write.
    std::vector<std::pair<std::string, std::string>> thai_words;
    std::optional<Node> const_value;
    // RE2 matches in linear time (no backtracking, no recursion), so a
    // hostile value cannot exhaust the stack or the clock; it reads UTF-8.
    std::shared_ptr<const RE2> pattern;
    std::string pattern_source;
    long min_length = -1;
    long max_length = -1;
    std::optional<long double> minimum;
    std::optional<long double> maximum;
    std::string minimum_text;
    std::string maximum_text;
    int ref = -1;
    std::vector<int> any_of;
    std::string def_name;  // set on $defs entries, used for friendlier messages
  };

  std::vector<Rule> rules;
  std::map<std::string, int> defs;
  std::vector<std::pair<int, std::string>> pending_refs;  // rule index, def name
  std::string schema_name;
  int root = -1;

  int compile(const Node& n, const std::string& where);
  void validate(int rule, const Node& n, std::vector<std::string>& path, Diagnostics& d) const;
  unsigned effective_types(int rule) const;
  std::string path_text(const std::vector<std::string>& path) const;
};

namespace {

const char* const annotation_keywords[] = {"$schema", "$id",     "title",   "description",
                                           "$comment", "examples", "default", "$defs"};

bool is_annotation(std::string_view k)
{
  for (auto* a : annotation_keywords) {
    if (k == a) {
      return true;
    }
  }
  return false;
}

std::shared_ptr<const RE2> compile_pattern(const std::string& source, const std::string& where)
{
  RE2::Options options;
  options.set_log_errors(false);
  auto re = std::make_shared<const RE2>(source, options);
  if (!re->ok()) {
    throw SchemaError(fmt::format("{}: the pattern '{}' cannot be compiled: {}", where, source, re->error()));
  }
  return re;
}

long as_long(const Node& n, const std::string& where, const char* key)
{
  if (!n.is_integer()) {
    throw SchemaError(fmt::format("{}: '{}' must be an integer", where, key));
  }
  return std::strtol(n.text.c_str(), nullptr, 10);
}

}  // namespace

int Schema::Impl::compile(const Node& n, const std::string& where)
{
  if (n.type == NodeType::boolean) {
    Rule r;
    if (!n.as_bool()) {
      r.types = 0x80;  // matches nothing
    }
    rules.push_back(std::move(r));
    return static_cast<int>(rules.size()) - 1;
  }
  if (!n.is_mapping()) {
    throw SchemaError(fmt::format("{}: a schema must be an object", where));
  }
  int index = static_cast<int>(rules.size());
  rules.emplace_back();
  for (size_t i = 0; i < n.keys.size(); ++i) {
    const std::string& k = n.keys[i];
    const Node& v = n.items[i];
    std::string sub = where + "/" + k;
    if (is_annotation(k)) {
      continue;
    }
    if (k == "type") {
      unsigned types = 0;
      auto add = [&](const Node& t) {
        unsigned bit = t.is_string() ? type_bit(t.text) : 0;
        if (bit == 0) {
          throw SchemaError(fmt::format("{}: unknown type '{}'", sub, t.text));
        }
        types |= bit;
      };
      if (v.is_sequence()) {
        for (const auto& t : v.items) add(t);
      } else {
        add(v);
      }
      rules[index].types = types;
    } else if (k == "properties") {
      for (size_t j = 0; j < v.keys.size(); ++j) {
        int child = compile(v.items[j], sub + "/" + v.keys[j]);
        rules[index].properties.emplace_back(v.keys[j], child);
      }
    } else if (k == "required") {
      for (const auto& r : v.items) rules[index].required.push_back(r.text);
    } else if (k == "additionalProperties") {
      if (v.is_bool()) {
        rules[index].additional = v.as_bool() ? -2 : -1;
      } else {
        int child = compile(v, sub);
        rules[index].additional = child;
      }
    } else if (k == "patternProperties") {
      for (size_t j = 0; j < v.keys.size(); ++j) {
        int child = compile(v.items[j], sub + "/" + v.keys[j]);
        rules[index].pattern_properties.push_back(
          {v.keys[j], compile_pattern(v.keys[j], sub), child});
      }
    } else if (k == "items") {
      int child = compile(v, sub);
      rules[index].items = child;
    } else if (k == "minItems") {
      rules[index].min_items = as_long(v, where, "minItems");
    } else if (k == "maxItems") {
      rules[index].max_items = as_long(v, where, "maxItems");
    } else if (k == "enum") {
      rules[index].has_enum = true;
      rules[index].enum_values = v.items;
    } else if (k == "x-thai") {
      for (size_t j = 0; j < v.keys.size(); ++j) rules[index].thai_words.emplace_back(v.keys[j], v.items[j].text);
    } else if (k == "const") {
      rules[index].const_value = v;
    } else if (k == "pattern") {
      rules[index].pattern_source = v.text;
      rules[index].pattern = compile_pattern(v.text, sub);
    } else if (k == "minLength") {
      rules[index].min_length = as_long(v, where, "minLength");
    } else if (k == "maxLength") {
      rules[index].max_length = as_long(v, where, "maxLength");
    } else if (k == "minimum") {
      rules[index].minimum = numeric_value(v);
      rules[index].minimum_text = v.text;
    } else if (k == "maximum") {
      rules[index].maximum = numeric_value(v);
      rules[index].maximum_text = v.text;
    } else if (k == "$ref") {
      static constexpr std::string_view prefix = "#/$defs/";
      if (v.text.rfind(prefix, 0) != 0) {
        throw SchemaError(fmt::format("{}: only local '#/$defs/NAME' references are supported", sub));
      }
      pending_refs.emplace_back(index, v.text.substr(prefix.size()));
    } else if (k == "anyOf") {
      for (size_t j = 0; j < v.items.size(); ++j) {
        int child = compile(v.items[j], fmt::format("{}/{}", sub, j));
        rules[index].any_of.push_back(child);
      }
    } else {
      throw SchemaError(fmt::format("{}: keyword '{}' is not supported by kudrang's validator", where, k));
    }
  }
  return index;
}

unsigned Schema::Impl::effective_types(int rule) const
{
  const Rule& r = rules[static_cast<size_t>(rule)];
  if (r.types != 0) {
    return r.types;
  }
  if (r.ref >= 0) {
    return effective_types(r.ref);
  }
  if (!r.any_of.empty()) {
    unsigned t = 0;
    for (int a : r.any_of) t |= effective_types(a);
    return t;
  }
  if (r.const_value) {
    return 0;
  }
  return 0;
}

std::string Schema::Impl::path_text(const std::vector<std::string>& path) const
{
  std::string out;
  for (const auto& p : path) {
    if (!p.empty() && p[0] == '[') {
      out += p;
    } else {
      if (!out.empty()) out += '.';
      out += p;
    }
  }
  return out;
}

namespace {

// What to say to a value that is not one of an enum's words: a Thai word of
// the value ("x-thai": ประชุมแล้ว -> held) gets the word to write, a typo the
// closest word (at most 2 edits away).
std::string enum_suggestion(const std::vector<Node>& values,
                            const std::vector<std::pair<std::string, std::string>>& thai_words, const Node& n)
{
  if (!n.is_string()) return {};
  std::string text = n.text;
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  const std::pair<std::string, std::string>* word = nullptr;
  for (const auto& w : thai_words) {
    if (text == w.second) {
      word = &w;
      break;
    }
  }
  if (!word) {
    // "ภาคท้องที่", "ท้องที่ (กำนัน ผู้ใหญ่บ้าน)": one Thai word inside the value.
    for (const auto& w : thai_words) {
      if (text.find(w.second) == std::string::npos) continue;
      if (word && word->first != w.first) return {};  // two words inside: not for kudrang to choose
      word = &w;
    }
  }
  if (word) return fmt::format("; for {} write '{}'", word->second, word->first);
  std::vector<std::string> words;
  for (const auto& e : values) words.push_back(e.text);
  std::string best = closest_candidate(n.text, words);
  return best.empty() ? std::string() : fmt::format("; did you mean '{}'?", best);
}

}  // namespace

void Schema::Impl::validate(int rule_index, const Node& n, std::vector<std::string>& path,
                            Diagnostics& d) const
{
  const Rule& r = rules[static_cast<size_t>(rule_index)];
  auto name = [&] { return path.empty() ? std::string("the record") : "'" + path_text(path) + "'"; };

  if (r.ref >= 0) {
    const Rule& target = rules[static_cast<size_t>(r.ref)];
    if (target.def_name == "year" && n.is_integer()) {
      long y = std::strtol(n.text.c_str(), nullptr, 10);
      if (y >= 1900 && y <= 2200) {
        d.error(n.mark, "year-ce",
                fmt::format("{} {} looks like a CE year; did you mean {}? (years are Buddhist Era)",
                            name(), y, y + 543));
        return;
      }
    }
    validate(r.ref, n, path, d);
  }

  if (r.types == 0x80) {
    d.error(n.mark, "schema-unknown-key", fmt::format("{} is not allowed here", name()));
    return;
  }
  if (r.types != 0 && !matches_types(n, r.types)) {
    std::string hint;
    std::string time = r.def_name == "time" && n.is_scalar() ? thai_style_time(n.text) : std::string();
    if (!time.empty()) {
      // "put it in quotes" would only lead to the HH:MM error: say the text that works.
      d.error(n.mark, "schema-type",
              fmt::format("{} must be a time written with a colon, not {}; write \"{}\"", name(), value_phrase(n),
                          time));
      return;
    }
    if ((r.types & (t_integer | t_number)) && n.is_string() && !thai_digits_number(n.text).empty()) {
      hint = fmt::format(" (the number is written in Thai digits: write {})", thai_digits_number(n.text));
    } else if ((r.types & t_string) && n.is_number()) {
      hint = fmt::format(" (put it in quotes: \"{}\")", n.text);
    } else if ((r.types & t_boolean) && n.is_string()) {
      hint = " (write true or false)";
    }
    d.error(n.mark, "schema-type",
            fmt::format("{} must be {}, not {}{}", name(), types_phrase(r.types), value_phrase(n), hint));
    return;
  }

  if (!r.any_of.empty()) {
    std::vector<Diagnostics> results;
    for (int alt : r.any_of) {
      Diagnostics trial(d.file());
      validate(alt, n, path, trial);
      if (!trial.has_errors()) {
        return;
      }
      results.push_back(std::move(trial));
    }
    // "- p029 ลาป่วย" where an id or { id, reason } is meant: an id followed
    // by text. Say the mapping to write (issue 12, point 4).
    if (n.is_string()) {
      auto space = n.text.find(' ');
      std::string id = n.text.substr(0, space);
      std::string rest = space == std::string::npos ? std::string() : n.text.substr(space + 1);
      while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
      static const RE2 id_form("^[A-Za-z0-9][A-Za-z0-9._-]*$");
      if (!rest.empty() && RE2::FullMatch(id, id_form)) {
        for (int alt : r.any_of) {
          const Rule& a = rules[static_cast<size_t>(alt)];
          bool has_id = false;
          std::string text_key;
          for (const auto& [pname, child] : a.properties) {
            if (pname == "id") has_id = true;
            else if (text_key.empty() && (effective_types(child) & t_string)) text_key = pname;
          }
          if (has_id && !text_key.empty()) {
            d.error(n.mark, "schema-pattern",
                    fmt::format("{} '{}' is an id followed by text; write {{ id: {}, {}: {} }} (or the id alone: {})",
                                name(), abbreviate(n.text), id, text_key, abbreviate(rest), id));
            return;
          }
        }
      }
    }
    // Report the alternative meant for this kind of value, if there is one.
    for (size_t i = 0; i < r.any_of.size(); ++i) {
      unsigned t = effective_types(r.any_of[i]);
      if (t != 0 && matches_types(n, t)) {
        d.append(results[i].list());
        return;
      }
    }
    unsigned all = effective_types(rule_index);
    d.error(n.mark, "schema-type",
            fmt::format("{} must be {}, not {}", name(), types_phrase(all), value_phrase(n)));
    return;
  }

  if (r.const_value && !json_equal(n, *r.const_value)) {
    d.error(n.mark, "schema-enum",
            fmt::format("{} must be {}, not {}", name(), scalar_repr(*r.const_value), scalar_repr(n)));
    return;
  }
  if (r.has_enum) {
    bool found = false;
    for (const auto& e : r.enum_values) {
      if (json_equal(n, e)) {
        found = true;
        break;
      }
    }
    if (!found) {
      std::string choices;
      for (size_t i = 0; i < r.enum_values.size(); ++i) {
        choices += (i ? ", " : "") + r.enum_values[i].text;
      }
      std::string suggestion = enum_suggestion(r.enum_values, r.thai_words, n);
      d.error(n.mark, "schema-enum",
              fmt::format("{} must be one of: {} (not {}){}", name(), choices, scalar_repr(n), suggestion));
      return;
    }
  }

  if (n.is_string()) {
    if (r.min_length >= 0 || r.max_length >= 0) {
      auto len = static_cast<long>(count_code_points(n.text));
      if (r.min_length >= 0 && len < r.min_length) {
        d.error(n.mark, "schema-length",
                r.min_length == 1 ? fmt::format("{} must not be empty", name())
                                  : fmt::format("{} must be at least {} characters", name(), r.min_length));
      }
      if (r.max_length >= 0 && len > r.max_length) {
        // The value is not quoted: it may be megabytes long.
        d.error(n.mark, "schema-length",
                fmt::format("{} must be at most {} characters, not {}", name(), r.max_length, len));
        return;  // too long to be worth matching against the pattern
      }
    }
    if (r.pattern && !RE2::PartialMatch(n.text, *r.pattern)) {
      const std::string& def = r.def_name;
      std::string what;
      if (def == "id") {
        what = "is not a valid id: use ASCII letters, digits, '.', '_' or '-', starting with a letter or digit";
      } else if (def == "date") {
        what = "is not a date in YYYY-MM-DD form";
      } else if (def == "time" && !thai_style_time(n.text).empty()) {
        what = fmt::format("is not a time in HH:MM form (two digits, a colon, two digits); write \"{}\"",
                           thai_style_time(n.text));
      } else if (def == "time") {
        what = "is not a time in HH:MM form (24-hour, e.g. \"09:30\")";
      } else {
        what = fmt::format("does not match the required form {}", r.pattern_source);
      }
      d.error(n.mark, "schema-pattern", fmt::format("{} '{}' {}", name(), abbreviate(n.text), what));
    }
  }

  if (n.is_number()) {
    long double v = numeric_value(n);
    if (r.minimum && v < *r.minimum) {
      d.error(n.mark, "schema-range",
              r.def_name == "year"
                ? fmt::format("{} must be a Buddhist Era year from 2400 to 2700, not {}", name(), n.text)
                : fmt::format("{} must be at least {}, not {}", name(), r.minimum_text, n.text));
    } else if (r.maximum && v > *r.maximum) {
      d.error(n.mark, "schema-range",
              r.def_name == "year"
                ? fmt::format("{} must be a Buddhist Era year from 2400 to 2700, not {}", name(), n.text)
                : fmt::format("{} must be at most {}, not {}", name(), r.maximum_text, n.text));
    }
  }

  if (n.is_sequence()) {
    auto count = static_cast<long>(n.items.size());
    if (r.min_items >= 0 && count < r.min_items) {
      d.error(n.mark, "schema-items",
              fmt::format("{} must have at least {} item{}", name(), r.min_items, r.min_items == 1 ? "" : "s"));
    }
    if (r.max_items >= 0 && count > r.max_items) {
      d.error(n.mark, "schema-items", fmt::format("{} must have at most {} items", name(), r.max_items));
    }
    if (r.items >= 0) {
      for (size_t i = 0; i < n.items.size(); ++i) {
        path.push_back(fmt::format("[{}]", i + 1));
        validate(r.items, n.items[i], path, d);
        path.pop_back();
      }
    }
  }

  if (n.is_mapping()) {
    for (const auto& req : r.required) {
      if (!n.find(req)) {
        d.error(n.mark, "schema-required",
                path.empty() ? fmt::format("missing required key '{}'", req)
                             : fmt::format("missing required key '{}' in {}", req, name()));
      }
    }
    for (size_t i = 0; i < n.keys.size(); ++i) {
      const std::string& key = n.keys[i];
      path.push_back(key);
      bool matched = false;
      for (const auto& [pname, child] : r.properties) {
        if (pname == key) {
          validate(child, n.items[i], path, d);
          matched = true;
          break;
        }
      }
      for (const auto& pp : r.pattern_properties) {
        if (RE2::PartialMatch(key, *pp.re)) {
          validate(pp.schema, n.items[i], path, d);
          matched = true;
        }
      }
      if (!matched) {
        if (r.additional == -1) {
          std::string suggestion;
          size_t best = 3;
          for (const auto& [pname, child] : r.properties) {
            size_t dist = edit_distance(key, pname);
            if (dist < best) {
              best = dist;
              suggestion = fmt::format("; did you mean '{}'?", pname);
            }
          }
          path.pop_back();
          d.error(n.key_marks[i], "schema-unknown-key",
                  path.empty() ? fmt::format("unknown key '{}'{}", key, suggestion)
                               : fmt::format("unknown key '{}' in {}{}", key, name(), suggestion));
          continue;
        }
        if (r.additional >= 0) {
          validate(r.additional, n.items[i], path, d);
        }
      }
      path.pop_back();
    }
  }
}

Schema::Schema(std::string name) : m_name(std::move(name)), m_impl(std::make_unique<Impl>()) {}
Schema::~Schema() = default;

std::unique_ptr<Schema> Schema::compile(const Node& document, std::string name)
{
  std::unique_ptr<Schema> s(new Schema(std::move(name)));
  Impl& impl = *s->m_impl;
  impl.schema_name = s->m_name;
  if (const Node* defs = document.find("$defs")) {
    for (size_t i = 0; i < defs->keys.size(); ++i) {
      int idx = impl.compile(defs->items[i], s->m_name + "#/$defs/" + defs->keys[i]);
      impl.rules[static_cast<size_t>(idx)].def_name = defs->keys[i];
      impl.defs[defs->keys[i]] = idx;
    }
  }
  impl.root = impl.compile(document, s->m_name);
  for (const auto& [rule, def] : impl.pending_refs) {
    auto it = impl.defs.find(def);
    if (it == impl.defs.end()) {
      throw SchemaError(fmt::format("{}: unknown reference '#/$defs/{}'", s->m_name, def));
    }
    impl.rules[static_cast<size_t>(rule)].ref = it->second;
  }
  return s;
}

void Schema::validate(const Node& doc, Diagnostics& diags) const
{
  std::vector<std::string> path;
  m_impl->validate(m_impl->root, doc, path, diags);
}

}  // namespace kudrang
