#!/usr/bin/env bash
# Compiles every bpf/*.bpf.c into OUTDIR as CO-RE objects (clang -target bpf).
# vmlinux.h is generated from this machine's kernel BTF; CO-RE relocations make
# the objects load on other kernels with BTF too. Called by core's build.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:?usage: bpf/build.sh OUTDIR}"
mkdir -p "$out"

missing=()
command -v clang >/dev/null || missing+=(clang)
command -v bpftool >/dev/null || [ -x /usr/sbin/bpftool ] || missing+=(bpftool)
[ -f /usr/include/bpf/bpf_helpers.h ] || missing+=(libbpf-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bpf/build.sh: error: the BPF toolchain is missing (${missing[*]})." >&2
  echo "  Install it with: sudo apt-get install -y clang llvm libbpf-dev bpftool   (or run ./test.sh / ./devtools, which do it)" >&2
  exit 2
fi
bpftool=$(command -v bpftool || echo /usr/sbin/bpftool)

if [ ! -s "$out/vmlinux.h" ]; then
  if [ ! -r /sys/kernel/btf/vmlinux ]; then
    echo "bpf/build.sh: error: /sys/kernel/btf/vmlinux is missing: this kernel has no BTF (CONFIG_DEBUG_INFO_BTF), which CO-RE needs." >&2
    exit 2
  fi
  "$bpftool" btf dump file /sys/kernel/btf/vmlinux format c > "$out/vmlinux.h.tmp"
  mv "$out/vmlinux.h.tmp" "$out/vmlinux.h"
fi

arch=$(uname -m)
case "$arch" in
  x86_64) target_arch=x86 ;;
  aarch64) target_arch=arm64 ;;
  *) target_arch=$arch ;;
esac

for src in "$here"/*.bpf.c; do
  name=$(basename "$src" .c)
  clang -O2 -g -Wall -Werror -target bpf -D__TARGET_ARCH_${target_arch} \
    -I"$out" -I"$here" -c "$src" -o "$out/$name.o.tmp"
  # Keep BTF (needed for CO-RE), drop DWARF to keep the embedded object small.
  llvm-strip -g "$out/$name.o.tmp" 2>/dev/null || true
  mv "$out/$name.o.tmp" "$out/$name.o"
done
