#!/usr/bin/env bash
# Fuzzes kudrang with libFuzzer (issues 7 and 11), at the production limits:
# inputs up to 4 MiB, the loader's default limits.
#   scripts/fuzz.sh [SECONDS]   build build-fuzz/ with clang, then run both
#                               targets side by side (one core each) for SECONDS
#                               (default 60). Total CPU time = 2 x SECONDS.
# Corpora grow in build-fuzz/corpus/{record,workspace}, seeded from examples/,
# the YAML test suite, tests/fuzz/seeds and tests/fuzz/regressions. A crashing
# input lands in build-fuzz/findings/; copy it to tests/fuzz/regressions/TARGET/
# once fixed, and CTest replays it from then on. Logs: build-fuzz/fuzz-TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
root="$PWD"
dir=build-fuzz

for p in clang libclang-rt-14-dev; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
scripts/dev.sh setup
CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKUDRANG_FUZZ=ON \
  -DPython3_EXECUTABLE=/usr/bin/python3 >/dev/null
cmake --build "$dir" -j "$(nproc)" --target kudrang_fuzz_record kudrang_fuzz_workspace

mkdir -p "$dir/corpus/record" "$dir/corpus/workspace" "$dir/findings"
# Seeds: every example record and every YAML test suite input, named by content.
seed() {  # seed TARGET FILE...
  local t="$1"; shift
  for f in "$@"; do cp "$f" "$dir/corpus/$t/$(sha1sum "$f" | cut -c1-16)"; done
}
seed record $(find examples -name '*.yaml') $(find tests/data/yaml-test-suite -name in.yaml) \
  $(find tests/fuzz/regressions/record -type f)
seed workspace $(find tests/fuzz/seeds/workspace tests/fuzz/regressions/workspace -type f)
# Seeds at the sizes attackers pick (issue 11): a 26,000-character id, a
# 100,000-item flow line, a 1 MB text repeated by aliases, a 3 MB record.
python3 - "$dir/corpus/record" <<'PY'
import sys
d = sys.argv[1]
seeds = {
    "big-id": "kind: roster\nmembers:\n  - id: p" + "1" * 26000 + "\n    name: x\n    role: y\n    sector: state-agency\n",
    "big-flow": "kind: project\nref: '9'\nname: x\nobjectives: [" + ", ".join("o%d" % i for i in range(100000)) + "]\n",
    "big-alias": "kind: project\nref: '9'\nname: x\nx-a: &a " + "b" * 1000000 + "\nx-b: [" + ", ".join(["*a"] * 20) + "]\n",
    "big-text": "kind: project\nref: '9'\nname: x\nrationale: |\n" + "  ข้อความ ยาว มาก\n" * 70000,
    "big-number": "kind: budget\nyear: 2564\nstage: draft\nlines:\n" + "".join(
        "  - { id: b%d, name: x, amount: 999999999999999.99 }\n" % i for i in range(200)),
}
for name, text in seeds.items():
    open(f"{d}/seed-{name}", "w", encoding="utf-8").write(text)
PY

times >"$dir/fuzz-times-before.txt"  # the build's share, to tell apart
run() {  # run TARGET
  "$dir/tests/fuzz/kudrang_fuzz_$1" "$dir/corpus/$1" -max_total_time="$seconds" -max_len=4194304 \
    -timeout=30 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$root/$dir/findings/$1-" \
    >"$dir/fuzz-$1.log" 2>&1
}
status=0
run record & a=$!
run workspace & b=$!
wait $a || status=1
wait $b || status=1
# `times` in this shell (not in a pipe): the CPU time of the waited-for fuzzers.
times >"$dir/fuzz-times.txt"
echo "CPU time (user system) of the build: $(tail -1 "$dir/fuzz-times-before.txt"); build and fuzzers: $(tail -1 "$dir/fuzz-times.txt")"
for t in record workspace; do
  echo "== $t: $(grep -E '^stat::number_of_executed_units' "$dir/fuzz-$t.log" | awk '{print $2}') executions in ${seconds}s," \
       "corpus $(ls "$dir/corpus/$t" | wc -l) inputs"
done
ls "$dir/findings"
if [ "$status" -ne 0 ]; then
  echo "fuzz.sh: a target stopped on a finding; see $dir/fuzz-*.log and $dir/findings/" >&2
fi
exit "$status"
