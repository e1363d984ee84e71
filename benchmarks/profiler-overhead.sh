#!/usr/bin/env bash
# Cost of the eBPF CPU profiler at its default rate (97 Hz on every CPU,
# node-wide), in one run:
#   - CPU time of the `devtools profile` process while it samples (steady state:
#     measured over the workload runs, start-up and the final write excluded),
#   - CPU time of the BPF sampling program (kernel.bpf_stats_enabled=1, then
#     run_time_ns of pf_sample from `bpftool prog show`),
#   - throughput of a CPU-bound workload (a C loop doing fixed work, ops/s) with
#     and without the profiler running; rounds alternate so drift in the
#     machine's speed affects both sides alike.
#
#   benchmarks/profiler-overhead.sh [ROUNDS] [WORK]     (defaults: 3 rounds, 1.5G iterations, ~10 s)
#   PROFILE_ARGS="--pid 1234" benchmarks/profiler-overhead.sh   (extra `devtools profile` options)
#
# Prints each run, then the profiler's CPU as % of one core and the throughput
# ratio mean(with) / mean(without). Targets: <= 1% of one core, ratio >= 0.99.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
rounds="${1:-3}"
work="${2:-1500000000}"

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
/* Fixed work: xorshift rounds. Prints operations per second. */
int main(int argc, char **argv) {
    unsigned long n = strtoul(argv[1], 0, 10), x = 88172645463325252UL;
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (unsigned long i = 0; i < n; i++) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; }
    clock_gettime(CLOCK_MONOTONIC, &b);
    double s = (b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.0f %lu\n", n / s, x & 1);
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
without=(); with=(); devtools_pct=(); bpf_pct=()
for round in $(seq "$rounds"); do
  ops=$("$tmp/work" "$work" | cut -d' ' -f1)
  without+=("$ops")
  echo "round $round  without profiler: $ops ops/s"

  log="$tmp/profile-$round.log"
  # shellcheck disable=SC2086
  "$root/devtools" profile --duration 1h --output "$tmp/profile-$round.folded" ${PROFILE_ARGS:-} >"$log" 2>&1 &
  profile_pid=$!
  for _ in $(seq 300); do grep -q "devtools: sampling" "$log" && break; sleep 0.1; done
  grep -q "devtools: sampling" "$log" || { cat "$log"; echo "devtools profile did not start" >&2; exit 1; }
  # `devtools` is a script that execs dotnet: the pid is the profiler's.
  sleep 10  # past start-up (JIT and tiering, kallsyms, first symbol loads): measure the steady state
  t0=$(date +%s.%N); c0=$(cpu_ticks "$profile_pid"); b0=$(prog_ns); n0=$(prog_count)
  ops=$("$tmp/work" "$work" | cut -d' ' -f1)
  t1=$(date +%s.%N); c1=$(cpu_ticks "$profile_pid"); b1=$(prog_ns); n1=$(prog_count)
  with+=("$ops")
  dpct=$(python3 -c "print(f'{100*($c1-$c0)/$hz/($t1-$t0):.2f}')")
  bpct=$(python3 -c "print(f'{100*($b1-$b0)/1e9/($t1-$t0):.3f}')")
  per=$(python3 -c "n=$n1-$n0; print(f'{($b1-$b0)/n:.0f}' if n else '-')")
  devtools_pct+=("$dpct"); bpf_pct+=("$bpct")
  echo "round $round  with devtools profile: $ops ops/s   devtools process ${dpct}% of a core, BPF program ${bpct}% ($((n1-n0)) runs, ${per} ns each)"
  life=$(cpu_ticks "$profile_pid"); age=$(ps -o etimes= -p "$profile_pid" | tr -d ' ')
  echo "    (whole life of the profiler so far, start-up included: $(python3 -c "print(f'{$life/$hz:.2f}')") s CPU in ${age} s)"
  kill -TERM "$profile_pid"
  wait "$profile_pid" || true
  profile_pid=""
  sed -n '/profile summary/,/lost/p' "$log" | sed 's/^/    /'
done

python3 - "${without[*]}" "${with[*]}" "${devtools_pct[*]}" "${bpf_pct[*]}" <<'PY'
import sys
a, b, d, k = ([float(x) for x in s.split()] for s in sys.argv[1:5])
ma, mb = sum(a) / len(a), sum(b) / len(b)
print(f"\nworkload without profiler: mean {ma:,.0f} ops/s over {len(a)} runs (min {min(a):,.0f}, max {max(a):,.0f})")
print(f"workload with profiler:    mean {mb:,.0f} ops/s over {len(b)} runs (min {min(b):,.0f}, max {max(b):,.0f})")
print(f"throughput ratio (with / without): {mb / ma:.3f}   (target >= 0.99)")
print(f"devtools process CPU: mean {sum(d)/len(d):.2f}% of one core (runs: {', '.join(f'{x:.2f}' for x in d)})")
print(f"BPF sampling program: mean {sum(k)/len(k):.3f}% of one core (runs: {', '.join(f'{x:.3f}' for x in k)})")
print(f"profiler total:       mean {(sum(d)+sum(k))/len(d):.2f}% of one core   (target <= 1%)")
PY
