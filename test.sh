#!/usr/bin/env bash
# Everything CI checks, from a fresh machine: set-up, build, format, unit tests,
# and the integration tests that run real eBPF against real servers (as root).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
cd "$root"

scripts/setup.sh test

echo "== build"
dotnet build Devtools.sln -c Release -nologo -v q

echo "== format"
dotnet format Devtools.sln --verify-no-changes --no-restore

echo "== unit tests"
dotnet test tests/Devtools.Core.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal"
dotnet test tests/Devtools.Lsp.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal"

echo "== integration tests (real eBPF, real peers)"
dotnet test tests/Devtools.Integration.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal"

echo "== editor bridge (a real LSP client over stdio against the real sample app)"
dotnet test tests/Devtools.Lsp.Server.Tests -c Release --no-build -nologo --logger "console;verbosity=minimal"

echo "== VS Code extension: unit tests"
(cd vscode-extension && npm ci --no-audit --no-fund --loglevel=error && npm test)

echo "== VS Code extension: end to end (real VS Code: code-server + headless Chromium + Playwright)"
vscode-extension/e2e/run.sh
