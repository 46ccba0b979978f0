#pragma once
// The language of what kudrang says to people, and the message catalogue.
//
// Messages are written in English in the code (the key) and translated when
// they are printed: a Diagnostic keeps its English message (the fact cache
// stores that), and output looks the English text up in the catalogue of the
// chosen language (messages/LANG.yaml, embedded at build time). An entry's
// key may hold `{}` where the code puts a value; the translation gives the
// same values as `{}` in order or `{1}`, `{2}` ... by position. A value that
// is not quoted in the template is itself looked up (so phrases built from
// phrases translate), and an ISO date in it becomes a Thai date.
#include <string>
#include <string_view>
#include <vector>

namespace kudrang {

enum class Language { en, th };

void set_message_language(Language lang);
Language message_language();

// "th" / "en" (as --lang takes them); nullopt-like false when not a language.
bool parse_language(std::string_view word, Language& out);

// The text in the current language; the English text itself when English is
// chosen or the catalogue has no entry that matches.
std::string translate(std::string_view english);
std::string translate(std::string_view english, Language lang);

// Every line of `text` translated on its own (a trailing newline is kept).
std::string translate_lines(std::string_view text);

// For the drift test and `kudrang __messages`: the English keys of a catalogue.
std::vector<std::string> catalogue_keys(Language lang);

}  // namespace kudrang
