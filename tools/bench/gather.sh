#!/usr/bin/env bash
# kudrang's gathering benchmark (issue 20): a province repository of N local
# LAO repositories as git submodules (file:// URLs). Run by hand; not a test.
#
#   tools/bench/gather.sh [KUDRANG] [N] [DIR]
#     KUDRANG  the binary (default build/cli/kudrang)
#     N        LAO repositories (default 500)
#     DIR      scratch folder (default /tmp/kudrang-bench-gather; made afresh)
#
# Each LAO: one workspace of 2 villages with realistic content
# (tools/generate_workspaces.py --full: 2 plans, 12 meetings, a development
# plan, a budget, a roster; ~19 files), in its own repository. Timed (wall
# seconds):
#   gather add          every LAO, one after another (clone, check, submodule add)
#   gather update       nothing new (N fetches, 8 at once)
#   gather update       10 LAOs with a new commit each
#   validate --changed  after committing the bump of those 10
#   validate            the whole gathered tree, cold and warm fact cache
#   plan grade          the whole gathered tree, cold and warm fact cache
#   gather status       every LAO (validity through the warm cache)
set -euo pipefail
cd "$(dirname "$0")/../.."
repo="$PWD"
kudrang="$(readlink -f "${1:-build/cli/kudrang}")"
n="${2:-500}"
dir="${3:-/tmp/kudrang-bench-gather}"
rm -rf "$dir"
mkdir -p "$dir"
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=bench@kudrang.invalid
export GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=bench@kudrang.invalid
# Local repositories as submodules: allowed here (and in tests) only.
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=protocol.file.allow GIT_CONFIG_VALUE_0=always
export KUDRANG_CACHE_DIR="$dir/cache" LC_ALL=C.UTF-8
declare -A took

timed() {  # NAME COMMAND... : runs it, keeps its wall time; exit 0, 1 and 3 are results
  local name="$1"; shift
  local t0 t1 rc=0
  t0=$(date +%s.%N)
  "$@" > "$dir/$name.out" 2> "$dir/$name.err" || rc=$?
  t1=$(date +%s.%N)
  if [ "$rc" -gt 3 ] || [ "$rc" -eq 2 ]; then
    echo "$name failed ($rc):"; tail -5 "$dir/$name.err"; exit 1
  fi
  took[$name]=$(python3 -c "print(f'{$t1 - $t0:.2f}')")
  echo "$name: ${took[$name]} s (exit $rc)"
}

echo "generating $n LAO repositories in $dir ..."
python3 tools/generate_workspaces.py --out "$dir/gen" --full --subdistricts "$n" --villages 2 --seed 20 > /dev/null
mkdir -p "$dir/laos"
while IFS= read -r ws; do
  code=$(basename "$ws")
  mv "$ws" "$dir/laos/$code"
  git -C "$dir/laos/$code" init -q -b main
  git -C "$dir/laos/$code" add -A
  git -C "$dir/laos/$code" commit -qm "records of $code"
done < <(find "$dir/gen" -name kudrang.yaml -printf '%h\n' | sort)
codes=($(ls "$dir/laos"))
echo "${#codes[@]} LAO repositories"

mkdir -p "$dir/province"
cd "$dir/province"
git init -q -b main
add_all() {
  for code in "${codes[@]}"; do
    "$kudrang" -q gather add "file://$dir/laos/$code" > /dev/null
  done
}
timed add add_all
git commit -qm "gather ${#codes[@]} LAOs"

timed update-nothing-new "$kudrang" gather update
for code in "${codes[@]:0:10}"; do
  f=$(ls "$dir/laos/$code/meetings/"*/*.yaml | head -1)
  sed -i '0,/^venue: /s//venue: ศาลาประชาคม /' "$f"
  git -C "$dir/laos/$code" commit -qam "another venue"
done
timed update-10-changed "$kudrang" gather update
git commit -qm "gather: 10 LAOs moved"
timed validate-changed-10 "$kudrang" validate --changed HEAD~1
rm -rf "$KUDRANG_CACHE_DIR"
timed validate-cold "$kudrang" validate
timed validate-warm "$kudrang" validate
rm -rf "$KUDRANG_CACHE_DIR"
timed grade-cold "$kudrang" plan grade --format json
timed grade-warm "$kudrang" plan grade --format json
timed status "$kudrang" gather status --format json

files=$(find "$dir/province" -name '*.yaml' -not -path '*/.git/*' | wc -l)
plans=$(python3 -c "import json,sys; print(len(json.load(open('$dir/grade-warm.out'))['plans']))")
echo
echo "| $n LAO repositories ($files record files, $plans plans), $(nproc) cores | seconds |"
echo "|---|---|"
for k in add update-nothing-new update-10-changed validate-changed-10 validate-cold validate-warm grade-cold grade-warm status; do
  echo "| $k | ${took[$k]} |"
done
