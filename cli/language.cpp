#include "language.hpp"

#include "kudrang/io/file_tree.hpp"
#include "kudrang/io/yaml_loader.hpp"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <ostream>
#include <streambuf>
#include <string>

namespace fs = std::filesystem;

namespace kudrang::cli {

namespace {

std::optional<Language> workspace_language(const std::string& workspace_option)
{
  std::error_code ec;
  std::optional<fs::path> root;
  if (!workspace_option.empty()) {
    root = fs::path(workspace_option);
  } else {
    fs::path cwd = fs::current_path(ec);
    if (ec) return std::nullopt;
    root = find_workspace_root(cwd);
  }
  if (!root) return std::nullopt;
  fs::path file = *root / "kudrang.yaml";
  if (!fs::is_regular_file(file, ec) || fs::file_size(file, ec) > 1024 * 1024) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Diagnostics ignored("kudrang.yaml");
  auto doc = load_yaml(text, ignored);
  if (!doc) return std::nullopt;
  const Node* locale = doc->find("locale");
  if (!locale || !locale->is_string()) return std::nullopt;
  if (locale->text.rfind("th", 0) == 0) return Language::th;
  if (locale->text.rfind("en", 0) == 0) return Language::en;
  return std::nullopt;
}

}  // namespace

Language choose_language(int argc, char** argv)
{
  Language lang = Language::en;
  std::string workspace;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc && parse_language(argv[i + 1], lang)) return lang;
    if (a.rfind("--lang=", 0) == 0 && parse_language(a.substr(7), lang)) return lang;
    if (a == "--workspace" && i + 1 < argc) workspace = argv[i + 1];
    if (a.rfind("--workspace=", 0) == 0) workspace = std::string(a.substr(12));
  }
  if (const char* e = std::getenv("KUDRANG_LANG"); e && parse_language(e, lang)) return lang;
  if (auto w = workspace_language(workspace)) return *w;
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v && *v) return std::string_view(v).rfind("th", 0) == 0 ? Language::th : Language::en;
  }
  return Language::en;
}

void translate_help(CLI::App& app)
{
  if (message_language() == Language::en) return;
  if (!app.get_description().empty()) app.description(translate(app.get_description()));
  if (!app.get_footer().empty()) app.footer(translate(app.get_footer()));
  for (CLI::Option* o : app.get_options({})) {
    if (!o->get_description().empty()) o->description(translate(o->get_description()));
    if (!o->get_group().empty()) o->group(translate(o->get_group()));
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    translate_help(*sub);
    if (!sub->get_group().empty()) sub->group(translate(sub->get_group()));
  }
  if (app.get_parent() == nullptr) {
    // The layout's own words (CLI11 prints the group names through these labels).
    auto f = app.get_formatter();
    for (const char* word : {"Usage", "OPTIONS", "SUBCOMMAND", "SUBCOMMANDS", "Positionals", "Options",
                             "Subcommands", "REQUIRED"}) {
      f->label(word, translate(word));
    }
  }
}

struct TranslatedStream::Buffer : std::streambuf {
  explicit Buffer(std::streambuf* target) : real(target) {}
  std::streambuf* real;
  std::string line;

  int_type overflow(int_type ch) override
  {
    if (ch == traits_type::eof()) return traits_type::not_eof(ch);
    line += static_cast<char>(ch);
    if (ch == '\n') flush_line();
    return ch;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override
  {
    for (std::streamsize i = 0; i < n; ++i) overflow(traits_type::to_int_type(s[i]));
    return n;
  }
  int sync() override
  {
    flush_line();
    return real->pubsync();
  }
  void flush_line()
  {
    if (line.empty()) return;
    bool nl = line.back() == '\n';
    if (nl) line.pop_back();
    std::string out = translate(line);
    if (nl) out += '\n';
    real->sputn(out.data(), static_cast<std::streamsize>(out.size()));
    line.clear();
  }
};

TranslatedStream::TranslatedStream(std::ostream& stream) : m_stream(stream)
{
  if (message_language() == Language::en) return;
  m_buffer = std::make_unique<Buffer>(stream.rdbuf());
  stream.rdbuf(m_buffer.get());
}

TranslatedStream::~TranslatedStream()
{
  if (!m_buffer) return;
  m_buffer->flush_line();
  m_stream.rdbuf(m_buffer->real);
}

}  // namespace kudrang::cli
