#!/usr/bin/env bash
# kudrang's one entry point for setting up, building and testing.
#   scripts/dev.sh demo       install what is missing, build, run kudrang on examples/kudrang
#   scripts/dev.sh test       install what is missing, build, run every test (CTest)
#   scripts/dev.sh build      install what is missing and build
#   scripts/dev.sh sanitize   build with ASan+UBSan in build-asan/ and run the tests (not the scale one)
#   scripts/dev.sh package    build the Debian package, install it with apt-get (as root), check a new
#                             workspace, its hook and its CI workflow with it, then remove it
# Environment: BUILD_DIR (default build), JOBS (default: number of cores),
# KUDRANG_WERROR=ON to treat warnings as errors (CI sets it).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian 12 packages: the compiler and build tools, the four libraries, utf8proc
# (Thai display width), RE2 (linear-time schema patterns), libb2 (BLAKE2b
# content digests of the fact cache), SQLite (kudrang export), liborcus (read
# .xlsx/.ods/.csv) and libxlsxwriter (write .xlsx), and python3 (openpyxl: the
# independent reader of the workbooks in the tests) with jsonschema/yaml for the schema and
# golden tests; groff/man-db to render the man pages; git for workspaces;
# dpkg-dev for the Debian package; exfat-fuse/exfatprogs to test writes on an
# exFAT stick (the test is skipped without them); WeasyPrint and the Laksaman
# font (metric-compatible with TH Sarabun) for --format pdf, poppler-utils to
# check the PDFs in the tests.
# tmux drives meeting attend's interactive checklist in its test.
packages=(g++ cmake make pkg-config git
          libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libutf8proc-dev libre2-dev libb2-dev
          libsqlite3-dev liborcus-dev libxlsxwriter-dev
          python3 python3-jsonschema python3-yaml python3-openpyxl groff-base man-db dpkg-dev
          exfat-fuse exfatprogs weasyprint fonts-tlwg-laksaman poppler-utils tmux)

setup() {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "dev.sh: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

jobs="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

build() {
  local dir="$1"; shift
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPython3_EXECUTABLE=/usr/bin/python3 \
        -DKUDRANG_WERROR="${KUDRANG_WERROR:-OFF}" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

demo() {
  local k="$PWD/$1/cli/kudrang"
  cd examples/kudrang
  set -x
  "$k" validate
  "$k" plan grade --year 2563
  "$k" plan certify
  "$k" budget check --year 2563 || echo "(budget check exits 1: a rule is not met, as in this example)"
}

cmd="${1:-}"
dir="${BUILD_DIR:-build}"
case "$cmd" in
  setup) setup ;;
  build) setup; build "$dir" ;;
  demo) setup; build "$dir"; demo "$dir" ;;
  test) setup; build "$dir"; cd "$dir"; ctest --output-on-failure -j "$jobs" ;;
  # The 70,073-plan scale test is left to the plain run (it takes minutes under ASan).
  # Warnings are not errors here: GCC 12 gives false -Wmaybe-uninitialized
  # warnings inside std::regex under the sanitizers (the plain build has none).
  sanitize) setup; KUDRANG_WERROR=OFF build build-asan -DKUDRANG_SANITIZE=ON; cd build-asan; ctest --output-on-failure -j "$jobs" -LE scale ;;
  package) setup; build "$dir"; python3 tests/install/package_check.py "$dir" --apt ;;
  *) sed -n '2,11p' "$0" >&2; exit 2 ;;
esac
