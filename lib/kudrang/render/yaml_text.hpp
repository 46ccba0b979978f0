#pragma once
// Writing YAML text by hand for the records kudrang creates, so the files
// read like the ones clerks write (flow lists, Thai left as is).
#include <string>
#include <string_view>

namespace kudrang {

// A scalar that reads back as the same text under kudrang's typing: plain
// when safe, double-quoted otherwise (numbers-looking, special words, ': ').
std::string yaml_text(std::string_view s);

}  // namespace kudrang
