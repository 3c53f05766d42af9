# test/bench/fork-bench.sh — issue #4's database forks and the 16-session
# counter, memgres next to PostgreSQL 15.  Sourced by run-bench.sh
# (section "fork"; alone: BENCH_SECTIONS=fork make bench).
#
#   CREATE DATABASE ... TEMPLATE of databases of 1k, 100k and 1M
#   pgbench_accounts rows: median client round trip (ms; the server-side
#   time is below it by one loopback round trip, about 0.05 ms here) and
#   DROP DATABASE, from test/bench/fork-bench; memory growth of one fork
#   (memgres: growth of the accounted bytes, memgres_memory_used(), with
#   the server's RSS growth beside it;
#   PostgreSQL: pg_database_size of the copy);
#   "fork, 10 single-row INSERTs in the fork, drop" cycles per second over
#   one admin connection (plus one connection into each fork), over TCP,
#   over the Unix socket and with the 10 INSERTs as one batch, each next to
#   the rate of a server that does no work (test/bench/null-server, the
#   machine's ceiling);
#   the 16-session counter: pgbench -M prepared -c 16 -t 1000 running
#   BEGIN; UPDATE shared row +1; UPDATE own row +1; COMMIT, and the same
#   with 1 client.  The writer lock's holding and waiting time per grant
#   come from memgres_stat_database (measured in the server), next to the
#   server's CPU time per transaction and one client's whole transaction;
#   the same for pgbench's builtin tpcb-like at 1 and 16 clients (scale 1).
. "$(dirname "${BASH_SOURCE[0]}")/sql-bench.sh"

# bench_fork_cycle_rate HOST PORT MODE SECONDS: runs fork-bench MODE
# (cycles or cycles-batched) on fork_1000; prints "RATE<TAB>its output".
bench_fork_cycle_rate()
{
	local out
	out=$("$FB" "host=$1 port=$2 user=postgres dbname=postgres" "$3" fork_1000 "$4")
	printf '%s\t%s\n' "$(sed -nE 's/.*cycles_per_s=([0-9.]+).*/\1/p' <<<"$out")" "$out"
}

# The "fork, 10 small writes, drop" cycle, four ways: 10 INSERTs one round
# trip each, or the 10 INSERTs as one pipelined batch, over TCP and over the
# Unix socket.  Each also runs against test/bench/null-server,
# which answers every message at once and does nothing else: its rate is the
# ceiling any server can reach on this machine with this client, and the
# line after each row says how much of that ceiling memgres reaches.
bench_fork_cycles()
{
	FB=$1
	local seconds=$2 nport nsdir npid label mode unix m p n line
	nport=$(free_port) || return 1
	nsdir=$(mktemp -d "$MEMGRES_TMP/nullsrv.XXXXXX")
	"$MEMGRES_BUILDDIR/test/bench/null-server" "$nport" "$nsdir" &
	npid=$!
	if ! wait_accepting "$nport" 20 "$npid"; then
		echo "null-server did not start" >&2
		return 1
	fi
	for line in "10 INSERTs, TCP|cycles|" "10 INSERTs, Unix socket|cycles|unix" \
		"10 INSERTs as one batch, TCP|cycles-batched|" "10 INSERTs as one batch, Unix|cycles-batched|unix"; do
		IFS='|' read -r label mode unix <<<"$line"
		if [ -n "$unix" ]; then
			m=$(bench_fork_cycle_rate "$MG_SOCKDIR" "$MG_PORT" "$mode" "$seconds")
			p=$(bench_fork_cycle_rate "$PG_DIR" "$PG_PORT" "$mode" "$seconds")
			n=$(bench_fork_cycle_rate "$nsdir" "$nport" "$mode" "$seconds")
		else
			m=$(bench_fork_cycle_rate 127.0.0.1 "$MG_PORT" "$mode" "$seconds")
			p=$(bench_fork_cycle_rate 127.0.0.1 "$PG_PORT" "$mode" "$seconds")
			n=$(bench_fork_cycle_rate 127.0.0.1 "$nport" "$mode" "$seconds")
		fi
		echo "  memgres:     ${m#*$'\t'}"
		echo "  PostgreSQL:  ${p#*$'\t'}"
		echo "  null server: ${n#*$'\t'}"
		m=${m%%$'\t'*} p=${p%%$'\t'*} n=${n%%$'\t'*}
		bench_row "fork cycle: $label" "$m" "$p"
		awk -v m="$m" -v n="$n" 'BEGIN { if (n > 0)
			printf "  ceiling (null server, does no work): %.0f cycles/s; memgres reaches %.0f%% of it\n", n, 100 * m / n }'
	done
	kill "$npid" 2>/dev/null
	wait "$npid" 2>/dev/null
	release_port "$nport"
	rm -rf "$nsdir"
}

# bench_lock_stats [DB]: "lock_acquired|lock_held_us|lock_wait_us" of
# memgres's database DB (default postgres).
bench_lock_stats()
{
	bench_psql "$MG_PORT" postgres -c \
		"SELECT lock_acquired || '|' || lock_held_us || '|' || lock_wait_us FROM memgres_stat_database WHERE datname = '${1:-postgres}'"
}

# bench_lock_report BEFORE AFTER CPU-TICKS TXNS LABEL: the writer lock's
# holding and waiting time per grant between two bench_lock_stats, and the
# server's CPU time per transaction.
bench_lock_report()
{
	awk -v a="$1" -v b="$2" -v c="$3" -v hz="$(getconf CLK_TCK)" -v n="$4" -v l="$5" 'BEGIN {
		split(a, x, "|"); split(b, y, "|"); g = y[1] - x[1]
		if (g <= 0 || n <= 0) exit
		printf "  memgres writer lock, %s (measured, memgres_stat_database): %d grants; held %.1f us per grant, waited %.1f us per grant; server CPU %.1f us per transaction (all threads)\n",
			l, g, (y[2] - x[2]) / g, (y[3] - x[3]) / g, c * 1e6 / hz / n
	}'
}

# bench_tpcb PORT CLIENTS: pgbench's builtin tpcb-like, -M prepared, on
# database tpcb; prints "TPS TRANSACTIONS".
bench_tpcb()
{
	local out
	out=$(pgbench -n -h 127.0.0.1 -p "$1" -U postgres -M prepared -c "$2" -j "$(( $2 < $(nproc) ? $2 : $(nproc) ))" \
		-T "${BENCH_SECONDS:-10}" tpcb 2>&1)
	printf '%.0f %s\n' "$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)" \
		"$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out")"
}

bench_section_fork()
{
	local fb=$MEMGRES_BUILDDIR/test/bench/fork-bench
	local reps=${BENCH_FORK_REPS:-5} seconds=${BENCH_FORK_SECONDS:-5} txns=${BENCH_COUNTER_TXNS:-1000}
	local n db file out m p rss0 rss1 rss2 acc0 acc1 acc2 pgsize
	local ddl="CREATE TABLE accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84)); CREATE TABLE t (id int PRIMARY KEY, v text)"
	if [ ! -x "$fb" ]; then
		echo "fork-bench not built ($fb)" >&2
		return 1
	fi
	bench_header "fork: CREATE DATABASE ... TEMPLATE and the writer lock (issue #4)"
	for n in 1000 100000 1000000; do
		db=fork_$n
		file=$(bench_accounts_file 1000000)
		head -n "$n" "$file" >"$BENCH_DIR/fork-$n.txt"
		for port in "$MG_PORT" "$PG_PORT"; do
			bench_psql "$port" postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
			bench_psql "$port" "$db" -c "$ddl" -c "\\copy accounts from '$BENCH_DIR/fork-$n.txt'"
		done
		rm -f "$BENCH_DIR/fork-$n.txt"
		bench_psql "$PG_PORT" "$db" -c 'CHECKPOINT'
		out=$("$fb" "host=127.0.0.1 port=$MG_PORT user=postgres dbname=postgres" time "$db" "$reps")
		local mc=${out#create_ms=}; mc=${mc%% *}; local md=${out##*drop_ms=}
		out=$("$fb" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" time "$db" 3)
		local pc=${out#create_ms=}; pc=${pc%% *}; local pd=${out##*drop_ms=}
		bench_row_unit "CREATE DATABASE TEMPLATE, $n rows" "ms" "$mc" "$pc"
		bench_row_unit "DROP DATABASE (the fork), $n rows" "ms" "$md" "$pd"
		acc0=$(bench_psql "$MG_PORT" postgres -c 'SELECT memgres_memory_used()')
		rss0=$(rss_kb "$MG_PID")
		bench_psql "$MG_PORT" postgres -c "CREATE DATABASE fork_mem TEMPLATE $db"
		rss1=$(rss_kb "$MG_PID")
		acc1=$(bench_psql "$MG_PORT" postgres -c 'SELECT memgres_memory_used()')
		bench_psql "$MG_PORT" postgres -c "DROP DATABASE fork_mem"
		rss2=$(rss_kb "$MG_PID")
		acc2=$(bench_psql "$MG_PORT" postgres -c 'SELECT memgres_memory_used()')
		bench_psql "$PG_PORT" postgres -c "CREATE DATABASE fork_mem TEMPLATE $db"
		pgsize=$(bench_psql "$PG_PORT" postgres -c "SELECT pg_database_size('fork_mem') / 1024")
		bench_psql "$PG_PORT" postgres -c "DROP DATABASE fork_mem"
		bench_row_unit "fork memory, $n rows" "bytes; memgres accounted" "$((acc1 - acc0))" "$((pgsize * 1024))"
		echo "  memgres accounted bytes: $acc0 before the fork, $acc1 with it, $acc2 after its DROP"
		echo "  memgres RSS: $rss0 kB before the fork, $rss1 kB with it, $rss2 kB after its DROP"
	done

	bench_fork_cycles "$fb" "$seconds"
	for n in 1000 100000 1000000; do
		bench_psql "$MG_PORT" postgres -c "DROP DATABASE fork_$n"
		bench_psql "$PG_PORT" postgres -c "DROP DATABASE fork_$n"
	done

	# the 16-session counter
	local script=$BENCH_DIR/counter.sql m1 p1 shared
	cat >"$script" <<'SQL'
BEGIN;
UPDATE bench_counter SET n = n + 1 WHERE id = 0;
UPDATE bench_counter SET n = n + 1 WHERE id = :client_id + 1;
COMMIT;
SQL
	for port in "$MG_PORT" "$PG_PORT"; do
		bench_psql "$port" postgres -c 'DROP TABLE IF EXISTS bench_counter' \
			-c 'CREATE TABLE bench_counter (id int PRIMARY KEY, n int)' \
			-c 'INSERT INTO bench_counter VALUES (0,0),(1,0),(2,0),(3,0),(4,0),(5,0),(6,0),(7,0),(8,0),(9,0),(10,0),(11,0),(12,0),(13,0),(14,0),(15,0),(16,0)'
	done
	local l0 l1 c0 c1
	l0=$(bench_lock_stats)
	c0=$(awk '{ print $14 + $15 }' "/proc/$MG_PID/stat")
	m=$(bench_pgbench_t "$MG_PORT" postgres "$script" 16 "$txns")
	c1=$(awk '{ print $14 + $15 }' "/proc/$MG_PID/stat")
	l1=$(bench_lock_stats)
	shared=$(bench_psql "$MG_PORT" postgres -c 'SELECT n FROM bench_counter WHERE id = 0')
	echo "  memgres shared row after 16 x $txns: $shared"
	p=$(bench_pgbench_t "$PG_PORT" postgres "$script" 16 "$txns")
	shared=$(bench_psql "$PG_PORT" postgres -c 'SELECT n FROM bench_counter WHERE id = 0')
	echo "  PostgreSQL shared row after 16 x $txns: $shared"
	bench_row "16-session counter, -c 16 -M prepared" "$m" "$p"
	m1=$(bench_pgbench_t "$MG_PORT" postgres "$script" 1 $((txns * 4)))
	p1=$(bench_pgbench_t "$PG_PORT" postgres "$script" 1 $((txns * 4)))
	bench_row "same counter script, 1 client" "$m1" "$p1"
	bench_lock_report "$l0" "$l1" "$((c1 - c0))" $((16 * txns)) "16-session counter"
	awk -v m1="$m1" 'BEGIN { if (m1 > 0) printf "  one client'"'"'s whole counter transaction (4 round trips): %.1f us\n", 1e6 / m1 }'

	# pgbench's own tpcb-like (5 statements per transaction, scale 1: all
	# writers also meet on the one pgbench_branches row)
	local clients t
	for port in "$MG_PORT" "$PG_PORT"; do
		bench_psql "$port" postgres -c 'DROP DATABASE IF EXISTS tpcb' -c 'CREATE DATABASE tpcb'
		pgbench -i -q -s 1 -h 127.0.0.1 -p "$port" -U postgres tpcb >/dev/null 2>&1
	done
	for clients in 1 16; do
		l0=$(bench_lock_stats tpcb)
		c0=$(awk '{ print $14 + $15 }' "/proc/$MG_PID/stat")
		t=($(bench_tpcb "$MG_PORT" "$clients"))
		c1=$(awk '{ print $14 + $15 }' "/proc/$MG_PID/stat")
		l1=$(bench_lock_stats tpcb)
		p=($(bench_tpcb "$PG_PORT" "$clients"))
		bench_row "pgbench tpcb-like -M prepared, -c $clients" "${t[0]:-0}" "${p[0]:-0}"
		bench_lock_report "$l0" "$l1" "$((c1 - c0))" "${t[1]:-0}" "tpcb-like -c $clients"
	done
	for port in "$MG_PORT" "$PG_PORT"; do
		bench_psql "$port" postgres -c 'DROP DATABASE tpcb'
	done
	bench_psql "$MG_PORT" postgres -c 'DROP TABLE bench_counter'
	bench_psql "$PG_PORT" postgres -c 'DROP TABLE bench_counter'
}
