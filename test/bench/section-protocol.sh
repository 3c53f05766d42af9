# test/bench/section-protocol.sh — the protocol round trip: pgbench running
# `SELECT 1` over the simple and the prepared (extended) protocol with 1 and
# 8 clients.  Sourced by run-bench.sh.
#
# Besides transactions per second, each run reports the server's CPU time
# per transaction (user + system, from /proc; for PostgreSQL the
# postmaster's reaped children, i.e. the backends that served the run).
# On a small machine where pgbench shares the cores, or with one client
# whose round trip is bounded by the kernel's wake-up latency, tps mostly
# measures the client and the scheduler; CPU per transaction measures the
# server's own protocol path.

# cpu_ticks PID: utime + stime + cutime + cstime of PID, in clock ticks.
cpu_ticks()
{
	awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat" 2>/dev/null || echo 0
}

# bench_pgbench_cpu PORT PID SCRIPT PROTOCOL CLIENTS: prints "TPS US_PER_TX".
bench_pgbench_cpu()
{
	local port=$1 pid=$2 script=$3 mode=$4 clients=$5
	local threads=$(( clients < $(nproc) ? clients : $(nproc) ))
	local before after out tps n
	before=$(cpu_ticks "$pid")
	out=$(pgbench -n -h 127.0.0.1 -p "$port" -U postgres -M "$mode" -c "$clients" -j "$threads" \
		-T "$BENCH_SECONDS" -f "$script" postgres 2>&1)
	sleep 0.5		# PostgreSQL's backends exit and are reaped into cutime/cstime
	after=$(cpu_ticks "$pid")
	tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)
	n=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out" | head -1)
	if [ -z "$tps" ] || [ -z "$n" ] || [ "$n" -eq 0 ]; then
		echo "pgbench failed on port $port: $(tail -3 <<<"$out")" >&2
		echo "0 0"
		return
	fi
	awk -v t="$tps" -v d=$((after - before)) -v n="$n" -v hz="$(getconf CLK_TCK)" \
		'BEGIN { printf "%.0f %.1f\n", t, d * 1e6 / hz / n }'
}

bench_section_protocol()
{
	local script=$BENCH_DIR/select1.sql mode clients m p
	echo 'SELECT 1;' >"$script"
	bench_header "protocol: SELECT 1 round trips (pgbench); server CPU per transaction"
	for mode in simple prepared; do
		for clients in 1 8; do
			m=($(bench_pgbench_cpu "$MG_PORT" "$MG_PID" "$script" $mode $clients))
			p=($(bench_pgbench_cpu "$PG_PORT" "$PG_SERVER_PID" "$script" $mode $clients))
			bench_row "SELECT 1, -M $mode, $clients client(s)" "${m[0]}" "${p[0]}"
			bench_row "  server CPU us/tx, -M $mode, $clients client(s)" "${m[1]}" "${p[1]}"
		done
	done
}
