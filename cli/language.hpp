#pragma once
// Which language kudrang speaks in (spec/cli.md "Language"), decided before
// the command line is built, and putting the CLI's own texts into it.
#include "kudrang/io/messages.hpp"

#include <iosfwd>
#include <memory>

namespace CLI {
class App;
}

namespace kudrang::cli {

// --lang th|en (or --lang=th), else KUDRANG_LANG (for scripts and tests: a
// standing --lang for messages only), else the workspace's `locale` in
// kudrang.yaml (of --workspace DIR or the nearest above the current
// directory), else LC_ALL / LC_MESSAGES / LANG (the first one set) starting
// "th", else English.
Language choose_language(int argc, char** argv);

// Every description of `app`, its options and subcommands, and the labels of
// the help layout, in the current language (English keeps them as written).
void translate_help(CLI::App& app);

// While alive, each line written to `stream` is translated before it is
// printed (warnings and errors the commands write to std::cerr).
class TranslatedStream {
public:
  explicit TranslatedStream(std::ostream& stream);
  ~TranslatedStream();
  TranslatedStream(const TranslatedStream&) = delete;
  TranslatedStream& operator=(const TranslatedStream&) = delete;

private:
  struct Buffer;
  std::ostream& m_stream;
  std::unique_ptr<Buffer> m_buffer;
};

}  // namespace kudrang::cli
