#!/usr/bin/env bash
# kudrang's benchmark (issue 6): national-size trees of workspaces, timed on
# this machine against the floors it stands on and the peer a team would
# write instead. Run by hand; it takes about 20 minutes for 75,000 plans.
#
#   tools/bench/run.sh [SIZES] [DIR]
#     SIZES  plan counts, comma-separated (default 10000,75000)
#     DIR    where the generated trees live (default /tmp/kudrang-bench; kept
#            between runs, so only the first run generates them)
#
# For each size: a tree of workspaces, one per subdistrict of 10 villages,
# each with a plan per village (~4.2 KB, 15 projects), 12 meetings, a
# development plan, a budget, a roster, a project sheet and kudrang.yaml
# (tools/generate_workspaces.py --full). Then, each timed with GNU time
# (wall seconds, peak RSS), the page cache warm for all alike:
#   yaml-cpp     YAML::Load of every file, 2 threads   (tools/bench/bench_parse.cpp)
#   libyaml      libyaml's event parser, 2 threads
#   python peer  CSafeLoader + jsonschema against schemas/, 2 processes (peer_validate.py)
#   kudrang validate / plan grade, cold (empty fact cache) and warm
#   kudrang plan certify / budget check / report levels / report summary /
#                meeting report at the root, cold and warm
#   kudrang validate --changed, one plan edited, in a fresh clone with no cache
#                (largest size only)
# The table goes to stdout and to build-bench/benchmark.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
sizes="${1:-10000,75000}"
dir="${2:-/tmp/kudrang-bench}"
out_dir="$repo/build-bench"
mkdir -p "$dir" "$out_dir"

# libyaml-dev only for the libyaml floor; time for GNU time's peak RSS.
for p in libyaml-dev time python3-yaml python3-jsonschema; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="${missing:-} $p"
done
if [ -n "${missing:-}" ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi
BUILD_DIR="$out_dir/build" scripts/dev.sh build >/dev/null
kudrang="$out_dir/build/cli/kudrang"
g++ -O2 -std=c++20 tools/bench/bench_parse.cpp -o "$out_dir/bench_parse" -lyaml-cpp -lyaml -pthread

export LC_ALL=C.UTF-8
rows=()
# measure LABEL SIZE CMD...: runs CMD, records wall seconds and peak RSS
measure() {
  local label="$1" size="$2"; shift 2
  local t="$out_dir/time.txt"
  /usr/bin/time -f "%e %M" -o "$t" "$@" >/dev/null 2>"$out_dir/stderr.txt" || true
  local secs rss
  read -r secs rss < <(tail -1 "$t")
  rows+=("$size|$label|$secs|$((rss / 1024))")
  printf '%-8s %-44s %8s s %6s MB\n' "$size" "$label" "$secs" "$((rss / 1024))" >&2
}

IFS=',' read -ra list <<<"$sizes"
largest="${list[-1]}"
for n in "${list[@]}"; do
  tree="$dir/plans-$n"
  if [ ! -d "$tree" ]; then
    python3 tools/generate_workspaces.py --out "$tree" --full --plans "$n" --villages 10 --seed 1 >&2
  fi
  files=$(find "$tree" -name '*.yaml' -not -path '*/.git/*' | wc -l)
  bytes=$(find "$tree" -name '*.yaml' -not -path '*/.git/*' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
  echo "== $n plans: $files files, $((bytes / 1000000)) MB" >&2
  find "$tree" -name '*.yaml' -not -path '*/.git/*' -print0 | xargs -0 cat >/dev/null  # warm the page cache
  measure "yaml-cpp: parse only (2 threads)" "$n" "$out_dir/bench_parse" yaml-cpp "$tree" 2
  measure "libyaml: events only (2 threads)" "$n" "$out_dir/bench_parse" libyaml "$tree" 2
  measure "python peer: CSafeLoader + jsonschema (2 procs)" "$n" python3 tools/bench/peer_validate.py schemas "$tree" 2
  cache="$dir/cache-$n"
  rm -rf "$cache"
  export KUDRANG_CACHE_DIR="$cache"
  measure "kudrang validate, cold (no cache)" "$n" "$kudrang" validate -q --workspace "$tree"
  measure "kudrang validate, warm" "$n" "$kudrang" validate -q --workspace "$tree"
  rm -rf "$cache"
  measure "kudrang plan grade, cold (no cache)" "$n" "$kudrang" plan grade --workspace "$tree"
  measure "kudrang plan grade, warm" "$n" "$kudrang" plan grade --workspace "$tree"
  measure "kudrang validate + plan grade, warm" "$n" sh -c "'$kudrang' validate -q --workspace '$tree' && '$kudrang' plan grade --workspace '$tree'"
  # The other report commands at the tree root (issue 16): each cold (empty
  # cache) and warm, through the same pipeline.
  for c in "plan certify" "budget check --year 2563" "report levels --year 2563" "report summary --year 2563" \
           "meeting report --fy 2563"; do
    rm -rf "$cache"
    # shellcheck disable=SC2086
    measure "kudrang $c, cold (no cache)" "$n" "$kudrang" $c --workspace "$tree"
    # shellcheck disable=SC2086
    measure "kudrang $c, warm" "$n" "$kudrang" $c --workspace "$tree"
  done
  rm -rf "$cache" "$dir/export-$n.db" "$dir/export-$n-warm.db"
  measure "kudrang export --format sqlite, cold (no cache)" "$n" "$kudrang" export --format sqlite -o "$dir/export-$n.db" --workspace "$tree"
  measure "kudrang export --format sqlite, warm" "$n" "$kudrang" export --format sqlite -o "$dir/export-$n-warm.db" --workspace "$tree"
  unset KUDRANG_CACHE_DIR
  if [ "$n" = "$largest" ]; then
    # CI on a pull request: a fresh clone, no cache, one plan changed.
    if [ ! -d "$tree/.git" ]; then
      (cd "$tree" && git init -q && git add -A && git -c user.name=bench -c user.email=bench@kudrang.invalid commit -qm base)
    fi
    clone="$dir/clone-$n"
    rm -rf "$clone"
    git clone -q "$tree" "$clone"
    plan=$(cd "$clone" && git ls-files '*/plans/*' | head -1 || true)
    sed -i 's/^  participating: \([0-9]*\)/  participating: 1/' "$clone/$plan"
    export KUDRANG_CACHE_DIR="$dir/cache-clone"
    rm -rf "$KUDRANG_CACHE_DIR"
    measure "kudrang validate --changed (1 plan, fresh clone)" "$n" "$kudrang" validate -q --changed --workspace "$clone"
    unset KUDRANG_CACHE_DIR
  fi
done

# The table, with each run's ratio to the bare yaml-cpp parse of the same files.
{
  echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/{print $2}') GB RAM,"
  echo "$(uname -sr), g++ $(g++ -dumpversion), yaml-cpp $(dpkg-query -W -f='${Version}' libyaml-cpp-dev), kudrang $(git rev-parse --short HEAD)."
  echo
  echo "| plans | run | seconds | peak RSS (MB) | × yaml-cpp parse |"
  echo "|------:|-----|--------:|--------------:|-----------------:|"
  for r in "${rows[@]}"; do
    IFS='|' read -r size label secs rss <<<"$r"
    base=""
    for b in "${rows[@]}"; do
      IFS='|' read -r bsize blabel bsecs _ <<<"$b"
      if [ "$bsize" = "$size" ] && [ "${blabel#yaml-cpp}" != "$blabel" ]; then base="$bsecs"; fi
    done
    ratio=$(awk -v s="$secs" -v b="$base" 'BEGIN { if (b > 0) printf "%.2f", s / b; else print "-" }')
    echo "| $size | $label | $secs | $rss | $ratio |"
  done
} | tee "$out_dir/benchmark.md"
