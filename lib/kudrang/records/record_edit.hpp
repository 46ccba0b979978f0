#pragma once
// Changing a record file in place (issue 13): the given values change, every
// other byte stays as the clerk wrote it — comments, key order, quoting,
// blank lines, line endings, Thai text. yaml-cpp cannot round-trip comments;
// kudrang's positioned tree knows where each value stands, which is enough
// for surgical edits of one-line values at the top of a record.
#include "kudrang/core/diagnostic.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace kudrang {

class RecordText {
public:
  // The text of a record; nullopt (and `error`) when it is not readable YAML
  // or not a mapping (then nothing can be changed safely).
  static std::optional<RecordText> parse(std::string text, std::string& error);

  const std::string& text() const { return m_text; }
  // Whether the record's top-level mapping has `key`.
  bool has(std::string_view key) const;

  // Sets the top-level `key` to `value`, YAML scalar text (see yaml_text()).
  // An existing one-line value is replaced where it stands, its comment
  // kept; a missing key becomes a new line after the line of the first key
  // of `after` that the record has, else at the end. Fails (false, `error`)
  // when the key's value is a list, a mapping or spans several lines, or when
  // the edited text would not read back with `value` in place.
  bool set(std::string_view key, std::string_view value, std::initializer_list<std::string_view> after,
           std::string& error);

  // Replaces the whole top-level entry of `key` (its line and the lines of
  // its value) with `lines`, YAML text starting "key:" with one entry per
  // line ending in "\n" (written in the file's line endings). A missing key
  // goes after the entry of the first key of `after` the record has, else at
  // the end. Comment and blank lines after the entry stay. Fails when the
  // result would not read back.
  bool set_block(std::string_view key, std::string_view lines, std::initializer_list<std::string_view> after,
                 std::string& error);

  // Appends items to the block list under the top-level `key` (issue 14:
  // roster import): `items` is YAML text of whole list entries, each "- ..."
  // line at column 0 and continuation lines indented by two, one entry per
  // line ending in "\n"; they are indented like the list's existing items and
  // go after its last item (comment and blank lines after it stay where they
  // are). A missing or empty key becomes "key:" followed by the items. Every
  // other byte is kept. Fails when the value is a flow list or not a list, or
  // when the result would not read back with `count` more items.
  bool append_items(std::string_view key, std::string_view items, std::size_t count, std::string& error);

private:
  explicit RecordText(std::string text) : m_text(std::move(text)) {}
  std::string m_text;
};

}  // namespace kudrang
