# test/bench/section-protocol.sh — the protocol round trip: pgbench running
# `SELECT 1` over the simple and the prepared (extended) protocol with 1 and
# 8 clients.  Sourced by run-bench.sh.
bench_section_protocol()
{
	local script=$BENCH_DIR/select1.sql mode clients m p
	echo 'SELECT 1;' >"$script"
	bench_header "protocol: SELECT 1 round trips (pgbench)"
	for mode in simple prepared; do
		for clients in 1 8; do
			m=$(bench_pgbench "$MG_PORT" "$script" $mode $clients)
			p=$(bench_pgbench "$PG_PORT" "$script" $mode $clients)
			bench_row "SELECT 1, -M $mode, $clients client(s)" "$m" "$p"
		done
	done
}
