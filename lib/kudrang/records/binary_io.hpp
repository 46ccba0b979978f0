#pragma once
// Bounds-checked binary reading and writing for the fact cache's encodings
// (records/record_codec, rules/grade_tree). One walk over each type's fields
// serves both directions: `io(a, x)` with a Writer copies x out, with a
// Reader fills x in. The format is private to one kudrang build.
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kudrang::binary {

class Writer {
public:
  explicit Writer(std::string& out) : m_out(out) {}
  static constexpr bool reading = false;
  template <class T>
  void raw(T& x)
  {
    m_out.append(reinterpret_cast<const char*>(&x), sizeof x);
  }
  void bytes(std::string& s)
  {
    uint32_t n = static_cast<uint32_t>(s.size());
    raw(n);
    m_out.append(s);
  }
  bool count(size_t& n)
  {
    uint32_t v = static_cast<uint32_t>(n);
    raw(v);
    return true;
  }

private:
  std::string& m_out;
};

class Reader {
public:
  explicit Reader(std::string_view in) : m_in(in) {}
  static constexpr bool reading = true;
  bool ok = true;
  template <class T>
  void raw(T& x)
  {
    if (!take(sizeof x)) return;
    std::memcpy(&x, m_in.data() - sizeof x, sizeof x);
  }
  void bytes(std::string& s)
  {
    uint32_t n = 0;
    raw(n);
    if (!take(n)) return;
    s.assign(m_in.data() - n, n);
  }
  // A list length; refused when it could not fit in what is left.
  bool count(size_t& n)
  {
    uint32_t v = 0;
    raw(v);
    if (!ok || v > m_in.size()) {
      ok = false;
      return false;
    }
    n = v;
    return true;
  }
  std::string_view rest() const { return m_in; }

private:
  bool take(size_t n)
  {
    if (!ok || n > m_in.size()) {
      ok = false;
      return false;
    }
    m_in.remove_prefix(n);
    return true;
  }
  std::string_view m_in;
};

template <class A, class T>
  requires std::is_arithmetic_v<T> || std::is_enum_v<T>
void io(A& a, T& x)
{
  a.raw(x);
}
// A bool goes as a byte, so a damaged byte cannot make an invalid bool.
template <class A>
void io(A& a, bool& b)
{
  uint8_t v = b ? 1 : 0;
  a.raw(v);
  b = v != 0;
}
template <class A>
void io(A& a, std::string& s)
{
  a.bytes(s);
}
template <class A, class T>
void io(A& a, std::vector<T>& v);
template <class A, class T>
void io(A& a, std::optional<T>& o);
template <class A, class K, class V>
void io(A& a, std::map<K, V>& m);

template <class A, class... T>
void fields(A& a, T&... xs)
{
  (io(a, xs), ...);
}

template <class A, class T>
void io(A& a, std::vector<T>& v)
{
  size_t n = v.size();
  if (!a.count(n)) return;
  if constexpr (A::reading) v.resize(n);
  for (auto& x : v) io(a, x);
}
template <class A, class T>
void io(A& a, std::optional<T>& o)
{
  bool has = o.has_value();
  io(a, has);
  if constexpr (A::reading) {
    if (has) o.emplace();
  }
  if (has && o) io(a, *o);
}
template <class A, class K, class V>
void io(A& a, std::map<K, V>& m)
{
  size_t n = m.size();
  if (!a.count(n)) return;
  if constexpr (A::reading) {
    for (size_t i = 0; i < n; ++i) {
      K k{};
      V v{};
      io(a, k);
      io(a, v);
      m.emplace(std::move(k), std::move(v));
    }
  } else {
    for (auto& [k, v] : m) {
      K key = k;
      io(a, key);
      io(a, v);
    }
  }
}

}  // namespace kudrang::binary
