#!/usr/bin/env bash
# Cost of the eBPF CPU profiler at its default rate (97 Hz on every CPU,
# node-wide), in one run:
#   - CPU time of the `devtools profile` process while it samples (steady state:
#     measured over the workload runs, start-up and the final write excluded),
#   - CPU time of the BPF sampling program (kernel.bpf_stats_enabled=1, then
#     run_time_ns of pf_sample from `bpftool prog show`),
#   - throughput of a CPU-bound workload (a C loop doing fixed work) with and
#     without the profiler running, as ops per wall-clock second and as ops per
#     CPU second of the workload (the second leaves out how busy the rest of the
#     machine is and keeps what sampling costs the workload itself: interrupts,
#     the BPF program, caches); the order within a round alternates so drift in
#     the machine's speed affects both sides alike.
#
#   benchmarks/profiler-overhead.sh [ROUNDS] [WORK]     (defaults: 3 rounds, 5G iterations, ~10 s here)
#   PROFILE_ARGS="--rate 49" benchmarks/profiler-overhead.sh    (extra `devtools profile` options)
#   WARMUP=150  seconds the profiler runs before it is measured (start-up is reported separately;
#               tiered JIT keeps recompiling code that runs twice a second for ~2.5 minutes)
#
# The measured window holds the workload and nothing else this script starts: the
# bpftool/python3 processes that read the BPF counters run outside it, because every
# process the profiler has not seen before costs it a symbolization (maps, ELF
# symbols) that would otherwise be charged to the window.
#
# Prints each run, then the profiler's CPU as % of one core and the throughput
# ratio mean(with) / mean(without). Targets: <= 1% of one core, ratio >= 0.99.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
rounds="${1:-3}"
work="${2:-5000000000}"
warmup="${WARMUP:-150}"

"$root/scripts/setup.sh" test
"$root/devtools" --help >/dev/null   # builds the CLI if needed

tmp="$(mktemp -d /tmp/devtools-profiler-overhead.XXXXXX)"
profile_pid=""
stats_before="$(sysctl -n kernel.bpf_stats_enabled)"
cleanup() {
  [ -n "$profile_pid" ] && kill -TERM "$profile_pid" 2>/dev/null && wait "$profile_pid" 2>/dev/null || true
  sysctl -qw kernel.bpf_stats_enabled="$stats_before" || true
  rm -rf "$tmp"
}
trap cleanup EXIT

cat > "$tmp/work.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
/* Fixed work: xorshift rounds. Prints operations per wall-clock second and per CPU second. */
static double seconds(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}
int main(int argc, char **argv) {
    unsigned long n = strtoul(argv[1], 0, 10), x = 88172645463325252UL;
    double wall = seconds(CLOCK_MONOTONIC), cpu = seconds(CLOCK_PROCESS_CPUTIME_ID);
    for (unsigned long i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; }
    wall = seconds(CLOCK_MONOTONIC) - wall;
    cpu = seconds(CLOCK_PROCESS_CPUTIME_ID) - cpu;
    printf("%.0f %.0f %lu\n", n / wall, n / cpu, x & 1);
    return 0;
}
C
gcc -O2 -o "$tmp/work" "$tmp/work.c"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # utime + stime, in clock ticks
prog_ns() {
  bpftool prog show -j | python3 -c 'import json,sys; print(sum(p.get("run_time_ns",0) for p in json.load(sys.stdin) if p.get("name")=="pf_sample"))'
}
prog_count() {
  bpftool prog show -j | python3 -c 'import json,sys; print(sum(p.get("run_cnt",0) for p in json.load(sys.stdin) if p.get("name")=="pf_sample"))'
}
hz=$(getconf CLK_TCK)

sysctl -qw kernel.bpf_stats_enabled=1
without=(); with=(); without_cpu=(); with_cpu=(); devtools_pct=(); bpf_pct=()

run_without() {
  local out; out=$("$tmp/work" "$work")
  without+=("$(cut -d' ' -f1 <<<"$out")"); without_cpu+=("$(cut -d' ' -f2 <<<"$out")")
  echo "round $1  without profiler:      $(cut -d' ' -f1 <<<"$out") ops/s, $(cut -d' ' -f2 <<<"$out") ops/CPU-s"
}

run_with() {
  local log="$tmp/profile-$1.log"
  : >"$log"
  # shellcheck disable=SC2086
  "$root/devtools" profile --duration 1h --output "$tmp/profile-$1.folded" ${PROFILE_ARGS:-} >"$log" 2>&1 &
  profile_pid=$!
  for _ in $(seq 300); do grep -q "devtools: sampling" "$log" && break; sleep 0.1; done
  grep -q "devtools: sampling" "$log" || { cat "$log"; echo "devtools profile did not start" >&2; exit 1; }
  # `devtools` is a script that execs dotnet: the pid is the profiler's.
  # Past start-up (JIT and tiering of code that runs twice a second, kallsyms, first symbol loads): the steady state.
  sleep "$warmup"
  local t0 c0 b0 n0 t1 c1 b1 n1 out dpct bpct per life age
  b0=$(prog_ns); n0=$(prog_count)
  t0=$(date +%s.%N); c0=$(cpu_ticks "$profile_pid")
  out=$("$tmp/work" "$work")
  c1=$(cpu_ticks "$profile_pid"); t1=$(date +%s.%N)
  b1=$(prog_ns); n1=$(prog_count)
  with+=("$(cut -d' ' -f1 <<<"$out")"); with_cpu+=("$(cut -d' ' -f2 <<<"$out")")
  dpct=$(python3 -c "print(f'{100*($c1-$c0)/$hz/($t1-$t0):.2f}')")
  bpct=$(python3 -c "print(f'{100*($b1-$b0)/1e9/($t1-$t0):.3f}')")
  per=$(python3 -c "n=$n1-$n0; print(f'{($b1-$b0)/n:.0f}' if n else '-')")
  devtools_pct+=("$dpct"); bpf_pct+=("$bpct")
  echo "round $1  with devtools profile: $(cut -d' ' -f1 <<<"$out") ops/s, $(cut -d' ' -f2 <<<"$out") ops/CPU-s; devtools process ${dpct}% of a core, BPF program ${bpct}% ($((n1-n0)) runs, ${per} ns each)"
  life=$(cpu_ticks "$profile_pid"); age=$(ps -o etimes= -p "$profile_pid" | tr -d ' ')
  echo "    whole life of the profiler so far, start-up included: $(python3 -c "print(f'{$life/$hz:.2f}')") s CPU in ${age} s"
  kill -TERM "$profile_pid"
  wait "$profile_pid" || true
  profile_pid=""
  sed -n '/profile summary/,/lost/p' "$log" | sed 's/^/    /'
}

for round in $(seq "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then run_without "$round"; run_with "$round"; else run_with "$round"; run_without "$round"; fi
done

python3 - "${without[*]}" "${with[*]}" "${devtools_pct[*]}" "${bpf_pct[*]}" "${without_cpu[*]}" "${with_cpu[*]}" <<'PY'
import sys
a, b, d, k, ac, bc = ([float(x) for x in s.split()] for s in sys.argv[1:7])
mean = lambda v: sum(v) / len(v)
print(f"\nworkload without profiler: mean {mean(a):,.0f} ops/s (min {min(a):,.0f}, max {max(a):,.0f}), {mean(ac):,.0f} ops/CPU-s, {len(a)} runs")
print(f"workload with profiler:    mean {mean(b):,.0f} ops/s (min {min(b):,.0f}, max {max(b):,.0f}), {mean(bc):,.0f} ops/CPU-s, {len(b)} runs")
print(f"throughput ratio (with / without): {mean(b) / mean(a):.3f} per wall-clock second, {mean(bc) / mean(ac):.3f} per CPU second   (target >= 0.99)")
print(f"devtools process CPU: mean {sum(d)/len(d):.2f}% of one core (runs: {', '.join(f'{x:.2f}' for x in d)})")
print(f"BPF sampling program: mean {sum(k)/len(k):.3f}% of one core (runs: {', '.join(f'{x:.3f}' for x in k)})")
print(f"profiler total:       mean {(sum(d)+sum(k))/len(d):.2f}% of one core   (target <= 1%)")
PY
