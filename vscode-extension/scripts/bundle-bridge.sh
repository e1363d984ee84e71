#!/usr/bin/env bash
# Publishes the bridge (the `devtools` host, framework-dependent, portable) into
# vscode-extension/server/, where the extension looks first (`dotnet server/devtools.dll lsp`).
# Needs the .NET SDK 10 and what the host's build needs (scripts/setup.sh build: clang, libbpf).
# Skips the publish when server/ is newer than every source it is built from.
set -euo pipefail
ext="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
repo="$(cd "$ext/.." && pwd)"
out="$ext/server"
stamp="$out/.published"

if ! command -v dotnet >/dev/null; then
  echo "bundle-bridge: the .NET SDK 10 is required to publish the bridge (dotnet is not on PATH)." >&2
  exit 3
fi

cd "$repo"
sources=(host core bpf global.json Directory.Build.props Directory.Packages.props)
[ -d lsp ] && sources+=(lsp)
if [ -f "$stamp" ] && [ -f "$out/devtools.dll" ] &&
   [ -z "$(find "${sources[@]}" -newer "$stamp" -type f -not -path '*/obj/*' -not -path '*/bin/*' -print -quit)" ]; then
  echo "bundle-bridge: server/ is up to date" >&2
  exit 0
fi

"$repo/scripts/setup.sh" build
echo "bundle-bridge: dotnet publish host/Devtools.Host.csproj -> $out" >&2
rm -rf "$out"
log="$(mktemp)"
if ! dotnet publish host/Devtools.Host.csproj -c Release -o "$out" --self-contained false -p:UseAppHost=false \
     -p:DebugType=portable -nologo -v q >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log"
  echo "bundle-bridge: dotnet publish failed (output above)." >&2
  exit 1
fi
rm -f "$log"
test -f "$out/devtools.dll"
touch "$stamp"
echo "bundle-bridge: published $(du -sh "$out" | cut -f1) into server/" >&2
