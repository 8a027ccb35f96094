#!/usr/bin/env bash
# The external-project test: what a user does, outside the repository, with the packed packages.
#   tests/external-project/run.sh [FEED]     (FEED: the folder feed `dotnet pack` wrote; default artifacts/packages)
# In a fresh temporary folder: `dotnet new xunit`, a nuget.config with the folder feed before nuget.org,
# `dotnet add package AxisEmulator.Testing`, `dotnet tool install AxisEmulator.Tool`, this folder's
# ResetTests.cs, `dotnet test` (the tool's `axis-emulator` serves the emulator for the process fixture,
# the in-process fixture runs the bundled server). The test log goes to test-output/external-project.log,
# where .ci/run counts its tests with the suite's. Times of each stage are printed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
feed="$(cd "${1:-$repo/artifacts/packages}" && pwd)"
log="$repo/test-output/external-project.log"
mkdir -p "$repo/test-output"

version="$(ls "$feed"/AxisEmulator.Testing.*.nupkg | sed -E 's#.*/AxisEmulator\.Testing\.(.*)\.nupkg#\1#' | head -n1)"
[ -n "$version" ] || { echo "external-project: no AxisEmulator.Testing package in $feed (run dotnet pack first)"; exit 2; }

work="$(mktemp -d /tmp/axis-external.XXXXXX)"
trap 'rm -rf "$work"' EXIT
cd "$work"
# Nothing of the repository's build settings reaches here: no Directory.Build.props, no global.json above /tmp.
export NUGET_PACKAGES="$work/nuget-packages"  # a cold cache of our packages, so the feed is really read

stage() { awk -v name="$1" -v from="$2" -v to="$EPOCHREALTIME" 'BEGIN { printf "external-project: %-30s %6.1f s\n", name, to - from }'; }

t=$EPOCHREALTIME
dotnet new xunit -o Ext -n Ext --no-restore >/dev/null
cat >nuget.config <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
CONFIG
rm Ext/UnitTest1.cs
cp "$here/ResetTests.cs" Ext/
stage "dotnet new xunit" "$t"

t=$EPOCHREALTIME
dotnet add Ext package AxisEmulator.Testing --version "$version" >/dev/null
dotnet add Ext package FluentAssertions --version 7.2.2 >/dev/null
stage "dotnet add package (restore)" "$t"

t=$EPOCHREALTIME
dotnet tool install AxisEmulator.Tool --version "$version" --tool-path "$work/tools" >/dev/null
stage "dotnet tool install" "$t"
"$work/tools/axis-emulator" profiles list >/dev/null

t=$EPOCHREALTIME
set +e
AXIS_EMULATOR_COMMAND="$work/tools/axis-emulator" dotnet test Ext 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}
set -e
stage "dotnet test (build and run)" "$t"
exit "$rc"
