// The top of the program: global options, the command table, and the one
// place that turns exceptions into "kudrang: error: ..." and an exit code.
#include "commands.hpp"
#include "language.hpp"
#include "loading.hpp"

#include "kudrang/core/exit_status.hpp"
#include "kudrang/core/money.hpp"
#include "kudrang/core/version.hpp"
#include "kudrang/core/text.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>

#include <unistd.h>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <new>

namespace kudrang::cli {

namespace {

// The position of the first word that is not a global option, if any.
std::optional<int> command_index(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--workspace" || a == "--lang" || a == "--color") {
      ++i;
      continue;
    }
    if (!a.empty() && a[0] == '-') {
      continue;
    }
    return i;
  }
  return std::nullopt;
}

// Holds std::cout's output until release(); dropped when never released.
// A report can be large (the per-plan grades of a province: tens of MB), so
// beyond a few MB the held text goes to an unnamed temporary file instead
// of memory: memory stays bounded by a batch, not by the report.
class HeldOutput {
public:
  HeldOutput() : m_real(std::cout.rdbuf(&m_buffer)) {}
  ~HeldOutput() { std::cout.rdbuf(m_real); }
  HeldOutput(const HeldOutput&) = delete;
  HeldOutput& operator=(const HeldOutput&) = delete;
  void release()
  {
    std::cout.rdbuf(m_real);
    m_buffer.copy_to(*m_real);
    std::cout.flush();
  }

private:
  class SpillBuffer : public std::streambuf {
  public:
    ~SpillBuffer() override
    {
      if (m_file) std::fclose(m_file);
    }
    // The file's text, then what is still in memory.
    void copy_to(std::streambuf& out)
    {
      if (m_file && ::lseek(fileno(m_file), 0, SEEK_SET) == 0) {
        char chunk[1 << 16];
        ssize_t n;
        while ((n = ::read(fileno(m_file), chunk, sizeof chunk)) > 0) out.sputn(chunk, n);
      }
      out.sputn(m_text.data(), static_cast<std::streamsize>(m_text.size()));
      m_text.clear();
    }

  protected:
    int_type overflow(int_type ch) override
    {
      if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
      char c = traits_type::to_char_type(ch);
      xsputn(&c, 1);
      return ch;
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override
    {
      m_text.append(s, static_cast<size_t>(n));
      if (m_text.size() >= m_spill_at && m_spill) spill();
      return n;
    }

  private:
    // 4 MB; for kudrang's own tests, KUDRANG_TEST_SPILL_BYTES sets it lower.
    static size_t spill_threshold()
    {
      const char* e = std::getenv("KUDRANG_TEST_SPILL_BYTES");
      long v = e ? std::strtol(e, nullptr, 10) : 0;
      return v > 0 ? static_cast<size_t>(v) : size_t{4} << 20;
    }
    size_t m_spill_at = spill_threshold();
    // Moves the text in memory to the end of the file. What write(2) did not
    // take stays in memory, and the file is not used again (a full disk
    // makes the output larger in memory, never wrong).
    void spill()
    {
      if (!m_file) m_file = std::tmpfile();
      if (!m_file) {
        m_spill = false;
        return;
      }
      size_t done = 0;
      while (done < m_text.size()) {
        ssize_t n = ::write(fileno(m_file), m_text.data() + done, m_text.size() - done);
        if (n <= 0) {
          m_spill = false;
          break;
        }
        done += static_cast<size_t>(n);
      }
      m_text.erase(0, done);
    }
    std::string m_text;
    std::FILE* m_file = nullptr;
    bool m_spill = true;
  };

  SpillBuffer m_buffer;
  std::streambuf* m_real;
};

// Every year option is checked by CLI::Range(2400, 2700); a CE year typed
// there gets the hint a CE year in a record gets.
std::string year_hint(const std::string& message)
{
  const std::string_view middle = ": Value ";
  const std::string_view tail = " not in range 2400 to 2700";
  size_t at = message.find(middle);
  if (message.rfind("--", 0) != 0 || at == std::string::npos || message.size() < tail.size()
      || message.compare(message.size() - tail.size(), tail.size(), tail) != 0) {
    return message;
  }
  std::string flag = message.substr(0, at);
  std::string value = message.substr(at + middle.size(), message.size() - tail.size() - at - middle.size());
  char* end = nullptr;
  long year = std::strtol(value.c_str(), &end, 10);
  if (value.empty() || *end != '\0') return message;
  if (year >= 1900 && year <= 2200) {
    return fmt::format("{} {} looks like a CE year; did you mean {}? (years are Buddhist Era)", flag, year,
                       year + 543);
  }
  return fmt::format("{} {} is outside the years kudrang keeps ({} to {} BE)", flag, value, 2400, 2700);
}

}  // namespace

int run(int argc, char** argv)
{
  // The language is known before the command line is built, so that even
  // CLI11's own errors and --help come out in it.
  set_message_language(choose_language(argc, argv));
  TranslatedStream translated_errors(std::cerr);
  Globals g;
  CLI::App app{"kudrang: civic records of a Thai subdistrict, kept as YAML in git"};
  app.name("kudrang");
  app.set_version_flag("--version", fmt::format("kudrang {}", version));
  app.add_option("--workspace", g.workspace, "Workspace directory (default: nearest with kudrang.yaml)");
  app.add_option("--lang", g.lang, "Language of human text: th or en")->check(CLI::IsMember({"th", "en"}));
  app.add_option("--color", g.color, "Colour: auto, always or never")
    ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("-q,--quiet", g.quiet, "Print only what is asked for");
  app.add_flag("--no-cache", g.no_cache, "Neither read nor write the fact cache (records are parsed afresh)");
  app.require_subcommand(1);
  app.fallthrough();
  for (const auto& c : command_table) {
    c.add(app, g);
  }
  translate_help(app);

  auto at = command_index(argc, argv);
  if (at && std::string_view(argv[*at]) == "__complete") {
    // The global options before it are the clerk's (--workspace DIR).
    for (int i = 1; i + 1 < *at; ++i) {
      if (std::string_view(argv[i]) == "--workspace") g.workspace = argv[i + 1];
    }
    run_complete(app, argc, argv, *at + 1, g);
    return exit_ok;
  }
  if (auto word = at ? std::optional<std::string>(argv[*at]) : std::nullopt) {
    bool known = false;
    std::string best;
    size_t best_dist = 3;
    for (const auto& c : command_table) {
      if (*word == c.name) known = true;
      size_t d = edit_distance(*word, c.name);
      if (d < best_dist) {
        best_dist = d;
        best = c.name;
      }
    }
    if (!known) {
      std::cerr << fmt::format("kudrang: error: unknown command '{}'{}\n", *word,
                               best.empty() ? std::string("; see 'kudrang --help'")
                                            : fmt::format("; did you mean '{}'?", best));
      return exit_usage;
    }
  }

  // What a command prints goes to a buffer and reaches stdout only when the
  // command ends without an exception: an error half-way (a money total
  // that does not fit, a bug) leaves no half a report or document behind.
  HeldOutput held;
  try {
    // For kudrang's own tests: how an unexpected exception is reported.
    if (const char* raise = std::getenv("KUDRANG_TEST_RAISE"); raise && *raise) {
      if (std::string_view(raise) == "oom") throw std::bad_alloc();
      throw std::logic_error(fmt::format("KUDRANG_TEST_RAISE={}", raise));
    }
    app.parse(argc, argv);
    held.release();
  } catch (const CLI::Success& e) {
    held.release();
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "kudrang: error: " << year_hint(e.what()) << "\n";
    return exit_usage;
  } catch (const RecordsHaveErrors& e) {
    std::cerr << "kudrang: error: " << e.what() << "\n";
    return exit_failed;
  } catch (const UsageError& e) {
    std::cerr << "kudrang: error: " << e.what() << "\n";
    return exit_usage;
  } catch (const IoError& e) {
    std::cerr << "kudrang: error: " << e.what() << "\n";
    return exit_io;
  } catch (const std::filesystem::filesystem_error& e) {
    std::cerr << "kudrang: error: " << e.what() << "\n";
    return exit_io;
  } catch (const MoneyOverflow& e) {
    std::cerr << "kudrang: error: " << e.what() << "\n";
    return exit_failed;
  } catch (const std::bad_alloc&) {
    std::cerr << "kudrang: error: out of memory; the records may be larger than this machine can hold at once "
                 "(try --jobs 1)\n";
    return exit_internal;
  } catch (const std::exception& e) {
    // Not a problem with the records or the disk: a bug. Say so, and how to report it.
    std::cerr << "kudrang: internal error: " << escape_controls(e.what())
              << "\nkudrang: this is a bug in kudrang, not in your records; please report it to the kudrang "
                 "developers (README, \"Reporting a bug\") with the command you ran and 'kudrang --version'\n";
    return exit_internal;
  }
  return g.exit_code;
}

}  // namespace kudrang::cli
