#!/usr/bin/env bash
# The examples as CI runs them (.ci/run), each against an emulator of its own in manual time:
#   TypeScript: lint the contract (@redocly/cli, 0 errors), generate the client (openapi-typescript),
#               type-check and build reset.ts (tsc), run it;
#   Python:     pytest examples/python (requests; its conftest starts the emulator).
# AXIS_EMULATOR_COMMAND is the emulator's command (default: the Release build of the host).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command_line="${AXIS_EMULATOR_COMMAND:-dotnet emulator/AxisEmulator/bin/Release/net10.0/AxisEmulator.dll}"
mkdir -p test-output

echo "examples: TypeScript"
(
    cd examples/typescript
    npm ci --no-audit --no-fund
    npm run --silent lint-contract
    npm run --silent generate
    npm run --silent typecheck
    npm run --silent build
)
port="$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
# shellcheck disable=SC2086 # the command line is words on purpose
$command_line serve --clock manual --ephemeral --devices 0 --device-base-port 0 --control-url "http://127.0.0.1:$port" >test-output/typescript-example-emulator.log 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
for _ in $(seq 300); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    kill -0 "$emulator_pid" 2>/dev/null || { cat test-output/typescript-example-emulator.log; exit 1; }
    sleep 0.1
done
node examples/typescript/out/reset.js "http://127.0.0.1:$port"
kill "$emulator_pid"
wait "$emulator_pid" 2>/dev/null || true
trap - EXIT

echo "examples: Python"
AXIS_EMULATOR_COMMAND="$command_line" /usr/bin/python3 -m pytest examples/python -q -p no:cacheprovider 2>&1 | tee test-output/python-example.log
exit "${PIPESTATUS[0]}"
