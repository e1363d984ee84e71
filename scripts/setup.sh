#!/usr/bin/env bash
# Installs what Devtools needs on a fresh Debian 12 machine, idempotently and
# quickly when everything is already there.
#   scripts/setup.sh build   toolchain to build and run (clang, libbpf, bpftool)
#   scripts/setup.sh test    + the real peers the tests drive (nginx, wrk, ab, curl, gcc,
#                              PostgreSQL, MariaDB, Redis, dnsmasq, unbound, nghttp2, tshark)
set -euo pipefail

profile="${1:-build}"
build_pkgs=(clang llvm libbpf-dev libbpf1 bpftool)
test_pkgs=(nginx wrk apache2-utils curl gcc libc6-dev
  postgresql postgresql-contrib mariadb-server mariadb-client redis-server redis-tools
  dnsmasq-base unbound dnsutils nghttp2-server nghttp2-client tshark)

pkgs=("${build_pkgs[@]}")
case "$profile" in
  build) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  *) echo "usage: scripts/setup.sh build|test" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "devtools setup: these packages are missing: ${missing[*]}" >&2
    echo "  install them with: sudo apt-get install -y ${missing[*]}   (or run this as root)" >&2
    exit 3
  fi
  echo "devtools setup: installing ${missing[*]} ..." >&2
  export DEBIAN_FRONTEND=noninteractive
  # The package lists of a fresh machine may be stale or absent.
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Servers may start themselves on install; the tests run their own instances.
  for svc in nginx postgresql mariadb redis-server unbound; do
    systemctl disable --now "$svc" >/dev/null 2>&1 || service "$svc" stop >/dev/null 2>&1 || true
  done
  pkill -x nginx >/dev/null 2>&1 || true
fi

if ! command -v dotnet >/dev/null; then
  echo "devtools setup: the .NET SDK 10 is required (https://dot.net); it is not on PATH." >&2
  exit 3
fi
