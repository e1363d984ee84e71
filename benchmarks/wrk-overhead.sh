#!/usr/bin/env bash
# Throughput of nginx under wrk on loopback, without and with `devtools record`
# capturing node-wide, in one run. Rounds alternate (without, with, without, ...)
# so drift in the machine's speed affects both sides alike.
#
#   benchmarks/wrk-overhead.sh [SECONDS_PER_RUN] [ROUNDS]
#   SCOPE=nginx benchmarks/wrk-overhead.sh ...   records with --pid of nginx's worker
#       (attaching to one service, the editor's case) instead of node-wide: wrk's
#       syscalls still run the BPF programs, which stop at the pid check.
#   SCOPE=idle ...   records with --pid of a sleeping process: every program stops at
#       the pid check, so the ratio is the floor cost of having the syscall
#       tracepoints attached at all (measured 0.883: no capture can beat it).
#   PIN=1 ...        nginx and wrk on CPU 0, `devtools record` on CPU 1 (an agent with a
#       core of its own): the ratio is then the cost inside the traced syscalls only.
#
# Prints each run's requests/s, where the capture's cost went in each recorded
# run (CPU of the `devtools record` process; CPU of the BPF programs from
# kernel.bpf_stats_enabled=1 run_time_ns, with runs and ns per run), the capture
# summary of each recorded run, and the ratio mean(with) / mean(without).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
seconds="${1:-10}"
rounds="${2:-3}"
threads="${WRK_THREADS:-1}"
connections="${WRK_CONNECTIONS:-32}"
path="${WRK_PATH:-/index.json}"
scope="${SCOPE:-node}"
case "$scope" in node|nginx|idle) ;; *) echo "SCOPE is node, nginx or idle, not '$scope'" >&2; exit 2 ;; esac
pin="${PIN:-0}"
case "$pin" in 0|1) ;; *) echo "PIN is 0 or 1, not '$pin'" >&2; exit 2 ;; esac
service_cpus=(); recorder_cpus=()
if [ "$pin" = 1 ]; then service_cpus=(taskset -c 0); recorder_cpus=(taskset -c 1); fi

"$root/scripts/setup.sh" test
"$root/devtools" --help >/dev/null   # builds the CLI if needed

work="$(mktemp -d /tmp/devtools-wrk.XXXXXX)"
nginx_pid=""
record_pid=""
idle_pid=""
stats_before="$(sysctl -n kernel.bpf_stats_enabled)"
cleanup() {
  [ -n "$record_pid" ] && kill -TERM "$record_pid" 2>/dev/null && wait "$record_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null || true
  sysctl -qw kernel.bpf_stats_enabled="$stats_before" || true
  [ -n "$idle_pid" ] && kill "$idle_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/www"
python3 -c 'import json; print(json.dumps({"items":[{"id":i,"name":"item-%d"%i,"price":i*1.5} for i in range(8)]}))' > "$work/www/index.json"
cat > "$work/nginx.conf" <<EOF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  types { application/json json; }
  server { listen 127.0.0.1:$port; root $work/www; }
}
EOF
"${service_cpus[@]}" nginx -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port$path" >/dev/null && break; sleep 0.1; done
record_args=()
if [ "$scope" = nginx ]; then
  worker=$(pgrep -P "$nginx_pid" | head -1)
  [ -n "$worker" ] || { echo "no nginx worker process found" >&2; exit 1; }
  record_args=(--pid "$worker")
  echo "recording only nginx's worker (pid $worker)"
elif [ "$scope" = idle ]; then
  sleep 1h &
  idle_pid=$!
  record_args=(--pid "$idle_pid")
  echo "recording only an idle process (pid $idle_pid): the floor cost of the attached tracepoints"
fi

run_wrk() {
  "${service_cpus[@]}" wrk -t"$threads" -c"$connections" -d"${seconds}s" "http://127.0.0.1:$port$path" | awk '/Requests\/sec/ {print $2}'
}

# Cost split: the recorder's own CPU (utime + stime of the process) and the BPF
# programs' (run time and run count of every loaded program whose name starts dt_,
# the socket tracer's).
sysctl -qw kernel.bpf_stats_enabled=1
hz=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
bpf_totals() {
  bpftool prog show -j | python3 -c 'import json,sys; p=[x for x in json.load(sys.stdin) if x.get("name","").startswith("dt_")]; print(sum(x.get("run_time_ns",0) for x in p), sum(x.get("run_cnt",0) for x in p))'
}

without=()
with=()
for round in $(seq "$rounds"); do
  rps=$(run_wrk)
  without+=("$rps")
  echo "round $round  without capture: $rps req/s"

  log="$work/record-$round.log"
  "${recorder_cpus[@]}" "$root/devtools" record --duration 1h --output "$work/out-$round" "${record_args[@]}" >"$log" 2>&1 &
  record_pid=$!
  for _ in $(seq 200); do grep -q "recording for" "$log" && break; sleep 0.1; done
  grep -q "recording for" "$log" || { cat "$log"; echo "devtools record did not start" >&2; exit 1; }
  t0=$(date +%s.%N); c0=$(cpu_ticks "$record_pid"); read -r b0 n0 < <(bpf_totals)
  rps=$(run_wrk)
  t1=$(date +%s.%N); c1=$(cpu_ticks "$record_pid"); read -r b1 n1 < <(bpf_totals)
  with+=("$rps")
  echo "round $round  with devtools record: $rps req/s"
  python3 -c "w=$t1-$t0; n=$n1-$n0; print(f'    cost: devtools record process {100*($c1-$c0)/$hz/w:.1f}% of a core, BPF programs {100*($b1-$b0)/1e9/w:.1f}% of a core ({n:,} runs, {($b1-$b0)/max(n,1):.0f} ns each)')"
  # SIGTERM, not SIGINT: background jobs of a script ignore SIGINT.
  kill -TERM "$record_pid"
  wait "$record_pid" || true
  record_pid=""
  sed -n '/capture summary/,$p' "$log" | sed 's/^/    /'
done

python3 - "${without[*]}" "${with[*]}" <<'EOF'
import sys
a = [float(x) for x in sys.argv[1].split()]
b = [float(x) for x in sys.argv[2].split()]
ma, mb = sum(a) / len(a), sum(b) / len(b)
print(f"\nmean without capture: {ma:,.0f} req/s over {len(a)} runs")
print(f"mean with capture:    {mb:,.0f} req/s over {len(b)} runs")
print(f"throughput ratio (with / without): {mb / ma:.3f}")
EOF
