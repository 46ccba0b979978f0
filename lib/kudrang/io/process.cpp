#include "kudrang/io/process.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace kudrang {

namespace {

// posix_spawn's file actions (stdin/stdout/stderr, working folder), freed on every path out.
struct Actions {
  posix_spawn_file_actions_t fa;
  Actions() { posix_spawn_file_actions_init(&fa); }
  ~Actions() { posix_spawn_file_actions_destroy(&fa); }
  Actions(const Actions&) = delete;
  Actions& operator=(const Actions&) = delete;
};

}  // namespace

int run_program(const std::vector<std::string>& argv, std::string& error, const ProgramOptions& options)
{
  if (argv.empty()) {
    error = "no program to run";
    return -1;
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  Actions actions;
  posix_spawn_file_actions_addopen(&actions.fa, 0, "/dev/null", O_RDONLY, 0);
  int pipe_fds[2] = {-1, -1};
  if (options.output) {
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
      error = fmt::format("cannot run {}: {}", argv[0], std::strerror(errno));
      return -1;
    }
    if (!options.show_output) posix_spawn_file_actions_addopen(&actions.fa, 2, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions.fa, pipe_fds[1], 1);
  } else if (!options.show_output) {
    posix_spawn_file_actions_addopen(&actions.fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions.fa, 1, 2);
  }
  struct PipeCloser {
    int* fds;
    ~PipeCloser()
    {
      for (int i = 0; i < 2; ++i) {
        if (fds[i] >= 0) ::close(fds[i]);
      }
    }
  } closer{pipe_fds};
  if (options.cwd) {
    if (int rc = posix_spawn_file_actions_addchdir_np(&actions.fa, options.cwd->c_str()); rc != 0) {
      error = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
      return -1;
    }
  }
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &actions.fa, nullptr, args.data(), environ);
  if (rc != 0) {
    error = rc == ENOENT ? fmt::format("{} is not installed (not found in PATH)", argv[0])
                         : fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
    return -1;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeout_seconds);
  bool timed_out = false;
  auto past_deadline = [&] { return options.timeout_seconds > 0 && std::chrono::steady_clock::now() > deadline; };
  if (options.output) {
    ::close(pipe_fds[1]);
    pipe_fds[1] = -1;
    options.output->clear();
    char buf[65536];
    while (true) {
      if (options.timeout_seconds > 0) {
        pollfd p{pipe_fds[0], POLLIN, 0};
        int ready = ::poll(&p, 1, 100);
        if (ready == 0) {
          if (past_deadline()) {
            timed_out = true;
            ::kill(pid, SIGKILL);
            break;
          }
          continue;
        }
      }
      ssize_t n = ::read(pipe_fds[0], buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      options.output->append(buf, static_cast<size_t>(n));
    }
  }
  int status = 0;
  while (true) {
    pid_t done = ::waitpid(pid, &status, options.timeout_seconds > 0 ? WNOHANG : 0);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      error = fmt::format("cannot wait for {}: {}", argv[0], std::strerror(errno));
      return -1;
    }
    if (done == 0) {
      if (!timed_out && past_deadline()) {
        timed_out = true;
        ::kill(pid, SIGKILL);
      }
      ::usleep(20'000);
    }
  }
  if (timed_out) {
    error = fmt::format("{} did not finish within {} s and was stopped", argv[0], options.timeout_seconds);
    return -1;
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace kudrang
