#pragma once
// UTF-8 and Thai text helpers: validation, display width, Thai digits.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

// Byte offset of the first invalid UTF-8 sequence in `s`, or npos when valid.
size_t find_invalid_utf8(std::string_view s);

// Number of code points in valid UTF-8 `s`.
size_t count_code_points(std::string_view s);

// Terminal columns `s` occupies: Thai vowel and tone marks take none, wide
// (CJK) characters two.
size_t display_width(std::string_view s);
// The same, every code point asked of utf8proc (the reference the fast path is tested against).
size_t display_width_utf8proc(std::string_view s);

// `s` padded with spaces on the right (or left) up to `width` display columns.
std::string pad_right(std::string_view s, size_t width);
std::string pad_left(std::string_view s, size_t width);

// ASCII digits 0-9 replaced by Thai digits ๐-๙.
std::string to_thai_digits(std::string_view s);

// The first `max_code_points` of `s`, with "…" when it is longer: values
// quoted in messages stay short however long the record's text is.
std::string abbreviate(std::string_view s, size_t max_code_points = 60);

// Where `s` holds a control character no record text may contain: C0 other
// than TAB, LF and CR, DEL, or C1 (U+0080-U+009F). npos when none.
// `s` must be valid UTF-8.
size_t find_control_char(std::string_view s);

// `s` fit for one line of a terminal or a log: every control character
// (C0 including TAB/LF/CR, DEL, C1) written as an escape (\n, \r, \t,
// \x1b, \u0085), so record text can neither move the cursor, colour the
// screen nor start a forged line.
std::string escape_controls(std::string_view s);

// Levenshtein distance, for "did you mean" suggestions.
size_t edit_distance(std::string_view a, std::string_view b);

// The candidate a mistyped `value` most likely meant, for "did you mean":
// one that differs only in leading zeros of its numbers (p13 -> p013) or
// case, else the one closest by edit_distance (at most 2, and at most half the
// value's length), if no other is as close. Empty when none.
std::string closest_candidate(std::string_view value, const std::vector<std::string>& candidates);

// "; did you mean 'x'?" with the closest candidate, or "" (for messages).
std::string did_you_mean(std::string_view value, const std::vector<std::string>& candidates);

}  // namespace kudrang
