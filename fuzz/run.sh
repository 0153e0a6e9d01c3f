#!/usr/bin/env bash
# Fuzzes the importers with afl-fuzz (AFL++ from Debian) and SharpFuzz (docs/fuzzing.md).
#   fuzz/run.sh <target> <executions>     e.g. fuzz/run.sh program-yaml 1000000
#   fuzz/run.sh <target> <seconds>s       e.g. fuzz/run.sh xlsx-controls 3600s
#   fuzz/run.sh --smoke                   every target, SMOKE_EXECS executions or SMOKE_SECONDS each, in process (CI)
# Publishes fuzz/Trellis.Fuzz into fuzz/out/bin, instruments the Trellis assemblies (and YamlDotNet) with the
# sharpfuzz tool from dotnet-tools.json, then runs afl-fuzz on fuzz/corpus/<target> into fuzz/out/findings/<target>.
# Exits 1 when afl-fuzz saved a crash; each crashing input is then replayed to print its exception.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=(program-yaml oscal-catalog oscal-profile oscal-mapping xlsx-controls evidence-multipart)
out=${FUZZ_OUT:-fuzz/out}
bin=$out/bin

usage() { echo "usage: fuzz/run.sh <${targets[*]// /|}> <executions|Ns> | --smoke" >&2; exit 2; }
[ $# -ge 1 ] || usage
command -v afl-fuzz >/dev/null || { echo "afl-fuzz not found: apt-get install afl++" >&2; exit 2; }

build() {
  echo "== publish and instrument"
  rm -rf "$bin"; mkdir -p "$out"
  dotnet publish fuzz/Trellis.Fuzz -c Release -o "$bin" --nologo >"$out/publish.log" 2>&1 || { cat "$out/publish.log"; exit 1; }
  dotnet tool restore >/dev/null
  # Trellis's own code is what is under test; YamlDotNet too, since SafeYaml's limits steer it. ASP.NET's
  # multipart reader lives in the shared framework (ready-to-run, not instrumentable).
  for dll in Trellis.Core Trellis.Exchange Trellis.Application Trellis.Content YamlDotNet; do
    dotnet tool run sharpfuzz "$bin/$dll.dll" >/dev/null
  done
  dotnet tool run sharpfuzz "$bin/Trellis.Web.dll" Trellis.Web.Api >/dev/null
}

# fuzz <target> <afl limit flags...>: runs afl-fuzz, prints its summary, returns 1 on a saved crash.
fuzz() {
  local target=$1; shift
  local findings=$out/findings/$target
  rm -rf "$findings"; mkdir -p "$findings"
  local rc=0
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_FORKSRV_INIT_TMOUT=120000 AFL_MAP_SIZE=65536 AFL_SHUFFLE_QUEUE=0 \
    afl-fuzz -i "fuzz/corpus/$target" -o "$findings" -t "${FUZZ_TIMEOUT_MS:-5000}" -m none "$@" -- dotnet "$bin/Trellis.Fuzz.dll" "$target" \
    >"$findings/afl.log" 2>&1 || rc=$?
  local stats=$findings/default/fuzzer_stats
  if [ ! -f "$stats" ] || [ "$rc" != 0 ]; then
    echo "$target: afl-fuzz failed or did not start (exit $rc)"; tail -30 "$findings/afl.log"; return 1
  fi
  local execs crashes hangs secs edges
  execs=$(awk -F' *: *' '$1=="execs_done"{print $2}' "$stats")
  crashes=$(awk -F' *: *' '$1=="saved_crashes"{print $2}' "$stats")
  hangs=$(awk -F' *: *' '$1=="saved_hangs"{print $2}' "$stats")
  secs=$(awk -F' *: *' '$1=="run_time"{print $2}' "$stats")
  edges=$(awk -F' *: *' '$1=="edges_found"{print $2}' "$stats")
  echo "$target: $execs executions in ${secs}s, $edges edges, $crashes crashes, $hangs hangs"
  if [ "${crashes:-0}" != 0 ]; then
    dotnet "$bin/Trellis.Fuzz.dll" "$target" --run "$findings/default/crashes" | head -60 || true
    return 1
  fi
}

if [ "$1" = --smoke ]; then
  # In process: the harness starts (and loads the shipped frameworks) once, before afl-fuzz's first input, so a
  # loaded machine cannot time the seeds out; a generous timeout for the same reason. A hang or a stack overflow
  # then ends afl-fuzz, which fails the smoke too.
  export TRELLIS_FUZZ_IN_PROCESS=1 FUZZ_TIMEOUT_MS=${FUZZ_TIMEOUT_MS:-20000}
  build
  failed=0
  for t in "${targets[@]}"; do
    fuzz "$t" -E "${SMOKE_EXECS:-3000}" -V "${SMOKE_SECONDS:-60}" || failed=1
  done
  exit $failed
fi

target=$1
[[ " ${targets[*]} " == *" $target "* ]] || usage
limit=${2:-}
if [[ "$limit" =~ ^[0-9]+s$ ]]; then flags=(-V "${limit%s}")
elif [[ "$limit" =~ ^[0-9]+$ ]]; then flags=(-E "$limit")
else usage; fi
[ "${SKIP_BUILD:-0}" = 1 ] || build
fuzz "$target" "${flags[@]}"
