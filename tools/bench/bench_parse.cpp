// The floors kudrang stands on, for the benchmark (tools/bench/run.sh): parse
// every *.yaml/*.yml file below a folder and do nothing else, on N threads.
//   bench_parse yaml-cpp DIR [THREADS]   YAML::Load into yaml-cpp's node tree
//   bench_parse libyaml  DIR [THREADS]   libyaml's event parser, events dropped
// Prints: files, bytes, seconds, MB/s. Hidden folders are skipped, as
// kudrang does. Not part of kudrang; built by run.sh with g++ directly.
#include <yaml-cpp/yaml.h>
#include <yaml.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;

static std::string slurp(const fs::path& p)
{
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

static bool parse_yaml_cpp(const std::string& text)
{
  try {
    YAML::Node n = YAML::Load(text);
    return n.IsDefined();
  } catch (const YAML::Exception&) {
    return false;
  }
}

static bool parse_libyaml(const std::string& text)
{
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  bool ok = true;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      ok = false;
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return ok;
}

int main(int argc, char** argv)
{
  if (argc < 3) {
    std::cerr << "usage: bench_parse yaml-cpp|libyaml DIR [THREADS]\n";
    return 2;
  }
  std::string mode = argv[1];
  unsigned threads = argc > 3 ? static_cast<unsigned>(std::stoul(argv[3])) : 2;
  auto start = std::chrono::steady_clock::now();
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(argv[2]); it != fs::recursive_directory_iterator(); ++it) {
    std::string name = it->path().filename().string();
    if (it->is_directory() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    auto ext = it->path().extension();
    if (it->is_regular_file() && (ext == ".yaml" || ext == ".yml")) files.push_back(it->path());
  }
  std::atomic<size_t> next{0}, bytes{0}, failed{0};
  auto work = [&] {
    for (size_t i = next++; i < files.size(); i = next++) {
      std::string text = slurp(files[i]);
      bytes += text.size();
      bool ok = mode == "libyaml" ? parse_libyaml(text) : parse_yaml_cpp(text);
      if (!ok) ++failed;
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%zu files, %zu bytes, %.2f s, %.1f MB/s, %zu failed\n", files.size(), bytes.load(), s,
              static_cast<double>(bytes.load()) / 1e6 / s, failed.load());
  return failed ? 1 : 0;
}
