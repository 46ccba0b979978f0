#pragma once
// A small streaming JSON writer: keys in the order written, strings escaped,
// numbers passed as exact text.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

class JsonWriter {
public:
  explicit JsonWriter(std::ostream& out, bool pretty = true) : m_out(out), m_pretty(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(long long n);
  JsonWriter& value(int n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(long n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(unsigned long n) { return value(static_cast<long long>(n)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // A number given as its exact JSON text, e.g. "76.39".
  JsonWriter& raw_number(std::string_view text);

  // Ends the document with a newline.
  void finish();

private:
  void before_value();
  void newline();
  std::ostream& m_out;
  bool m_pretty;
  struct Level {
    bool object;
    bool empty;
  };
  std::vector<Level> m_stack;
  bool m_after_key = false;
};

// `s` as a JSON string literal (with quotes); invalid UTF-8 becomes U+FFFD.
std::string json_quote(std::string_view s);

}  // namespace kudrang
