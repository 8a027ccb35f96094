#!/usr/bin/env bash
# Longer coverage-guided runs of one fuzz target under afl-fuzz (Debian package afl++), the
# emulator's assemblies instrumented with SharpFuzz's tool (dotnet tool SharpFuzz.CommandLine).
#   bench/AxisEmulator.Fuzz/run-afl.sh TARGET [SECONDS]      (targets: dotnet AxisEmulator.Fuzz.dll list)
# Findings go to ${AFL_OUT:-/tmp/axis-fuzz-afl/TARGET}; the figures are printed from afl's fuzzer_stats.
# A crash input belongs in corpus/TARGET/ once fixed, so FuzzCorpusTests keeps replaying it.
set -euo pipefail
target="${1:?usage: run-afl.sh TARGET [SECONDS]}"
seconds="${2:-600}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="${AFL_WORK:-/tmp/axis-fuzz-afl}"
out="${AFL_OUT:-$work/$target}"
command -v afl-fuzz >/dev/null || { echo "run-afl: needs afl-fuzz (apt-get install -y afl++)"; exit 2; }
sharpfuzz="$(command -v sharpfuzz || echo "$HOME/.dotnet/tools/sharpfuzz")"
[ -x "$sharpfuzz" ] || { echo "run-afl: needs sharpfuzz (dotnet tool install --global SharpFuzz.CommandLine --version 2.3.0)"; exit 2; }

rm -rf "$work/bin" && mkdir -p "$work" "$out"
dotnet publish "$here" -c Release -o "$work/bin" --nologo -v quiet
# Coverage comes from the emulator's own parsers and the YAML library they stand on.
for dll in AxisEmulator.Core.dll AxisEmulator.Vapix.dll AxisEmulator.Control.dll YamlDotNet.dll; do
    "$sharpfuzz" "$work/bin/$dll"
done

export AXIS_EMULATOR_ROOT="$root" AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1
afl-fuzz -V "$seconds" -i "$here/corpus/$target" -o "$out" -t 5000 -m none -- dotnet "$work/bin/AxisEmulator.Fuzz.dll" afl "$target" >"$out/afl.log" 2>&1 || true
stats="$out/default/fuzzer_stats"
[ -f "$stats" ] || { echo "run-afl: afl-fuzz did not start; see $out/afl.log"; tail -20 "$out/afl.log"; exit 1; }
grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg) ' "$stats"
ls "$out/default/crashes" 2>/dev/null | grep -v README || true
