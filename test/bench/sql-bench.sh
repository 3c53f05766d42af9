# test/bench/sql-bench.sh — issue #3's SQL workloads on 1,000,000 rows
# shaped like pgbench_accounts, memgres next to PostgreSQL 15.  Sourced by
# run-bench.sh (section "sql"; alone: BENCH_SECTIONS=sql make bench).
#
#   COPY of 1M rows (aid int primary key, bid int, abalance int,
#   filler char(84)) through psql's \copy, client wall time;
#   100,000 primary-key point SELECTs and 100,000 UPDATEs, one connection,
#   pgbench -M prepared -t (custom scripts, random aid);
#   SELECT ... ORDER BY aid LIMIT 10 on the indexed column (pgbench -t);
#   memory per row for the 1M rows with the primary key: memgres both as
#   the accounted figure (growth of memgres_memory_used(): bytes held by
#   stored rows and trees) and as the server's RSS growth over the load,
#   PostgreSQL as pg_total_relation_size.
# Rates are per second (higher is better); times in ms (lower is better).
# Environment: BENCH_SQL_ROWS (default 1000000), BENCH_SQL_TXNS (100000).

# bench_accounts_file ROWS: prints the path of a text COPY file of ROWS
# pgbench_accounts-shaped rows (made once per run in $BENCH_DIR).
bench_accounts_file()
{
	local f=$BENCH_DIR/accounts-$1.txt
	if [ ! -f "$f" ]; then
		awk -v n="$1" 'BEGIN { pad = sprintf("%84s", ""); for (i = 1; i <= n; i++) printf "%d\t%d\t0\t%s\n", i, int((i - 1) / 100000) + 1, pad }' >"$f"
	fi
	echo "$f"
}

# bench_psql PORT DB ARGS...: psql with the settings of the benchmarks.
bench_psql() { local port=$1 db=$2; shift 2; psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" "$@"; }

bench_ms_since() { echo $((($(date +%s%N) - $1) / 1000000)); }

# bench_pgbench_t PORT DB SCRIPT CLIENTS TXNS: pgbench -M prepared with a
# fixed number of transactions per client; prints tps (0 on failure).
bench_pgbench_t()
{
	local port=$1 db=$2 script=$3 clients=$4 txns=$5 out tps
	local threads=$(( clients < $(nproc) ? clients : $(nproc) ))
	out=$(pgbench -n -h 127.0.0.1 -p "$port" -U postgres -M prepared -c "$clients" -j "$threads" \
		-t "$txns" -f "$script" "$db" 2>&1)
	tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)
	if [ -z "$tps" ] || grep -q 'failed: [1-9]\|aborted' <<<"$out"; then
		echo "pgbench failed on port $port: $(tail -3 <<<"$out")" >&2
		echo 0
	else
		printf '%.0f\n' "$tps"
	fi
}

# bench_row_unit NAME UNIT MEMGRES POSTGRES: a row whose unit is not "/s";
# the ratio column is memgres/postgres as for the rates.
bench_row_unit()
{
	local ratio
	ratio=$(awk -v a="$3" -v b="$4" 'BEGIN { if (b > 0) printf "%.3g", a / b; else print "-" }')
	printf '%-40s %12s %12s %8s\n' "$1 ($2)" "$3" "$4" "$ratio"
	bench_summary_add "$1 ($2)" "$3" "$4" "$ratio"
}

# bench_summary_add NAME MG PG RATIO: remembered for the final table.
bench_summary_add() { printf '%-52s %12s %12s %8s\n' "$@" >>"$BENCH_DIR/summary"; }

bench_section_sql()
{
	local rows=${BENCH_SQL_ROWS:-1000000} txns=${BENCH_SQL_TXNS:-100000}
	local file t rss0 rss1 mem0 mem1 mg_copy pg_copy mg_bpr mg_acc pg_bpr pg_bytes
	local sel=$BENCH_DIR/point-select.sql upd=$BENCH_DIR/point-update.sql lim=$BENCH_DIR/order-limit.sql
	local ddl="CREATE TABLE bench_accounts (aid int PRIMARY KEY, bid int, abalance int, filler char(84))"
	file=$(bench_accounts_file "$rows")
	printf '\\set aid random(1, %d)\nSELECT abalance FROM bench_accounts WHERE aid = :aid;\n' "$rows" >"$sel"
	printf '\\set aid random(1, %d)\nUPDATE bench_accounts SET abalance = abalance + 1 WHERE aid = :aid;\n' "$rows" >"$upd"
	printf 'SELECT aid, abalance FROM bench_accounts ORDER BY aid LIMIT 10;\n' >"$lim"

	bench_header "sql: $rows pgbench_accounts rows (issue #3)"
	bench_psql "$MG_PORT" postgres -c 'DROP TABLE IF EXISTS bench_accounts' -c "$ddl"
	bench_psql "$PG_PORT" postgres -c 'DROP TABLE IF EXISTS bench_accounts' -c "$ddl"
	mem0=$(bench_psql "$MG_PORT" postgres -c 'SELECT memgres_memory_used()')
	rss0=$(rss_kb "$MG_PID")
	t=$(date +%s%N)
	bench_psql "$MG_PORT" postgres -c "\\copy bench_accounts from '$file'" || echo "memgres COPY failed" >&2
	mg_copy=$(bench_ms_since "$t")
	rss1=$(rss_kb "$MG_PID")
	mem1=$(bench_psql "$MG_PORT" postgres -c 'SELECT memgres_memory_used()')
	t=$(date +%s%N)
	bench_psql "$PG_PORT" postgres -c "\\copy bench_accounts from '$file'" || echo "PostgreSQL COPY failed" >&2
	pg_copy=$(bench_ms_since "$t")
	bench_row "COPY $rows rows (rows/s)" $((rows * 1000 / (mg_copy > 0 ? mg_copy : 1))) $((rows * 1000 / (pg_copy > 0 ? pg_copy : 1)))
	bench_row_unit "COPY $rows rows" "ms" "$mg_copy" "$pg_copy"
	bench_psql "$PG_PORT" postgres -c 'VACUUM ANALYZE bench_accounts'
	pg_bytes=$(bench_psql "$PG_PORT" postgres -c "SELECT pg_total_relation_size('bench_accounts')")
	mg_bpr=$(( (rss1 - rss0) * 1024 / rows ))
	mg_acc=$(( (mem1 - mem0) / rows ))
	pg_bpr=$(( pg_bytes / rows ))
	bench_row_unit "memory per row incl. PK" "bytes; memgres: accounted" "$mg_acc" "$pg_bpr"
	bench_row_unit "memory per row incl. PK" "bytes; memgres: RSS" "$mg_bpr" "$pg_bpr"

	local m p
	m=$(bench_pgbench_t "$MG_PORT" postgres "$sel" 1 "$txns")
	p=$(bench_pgbench_t "$PG_PORT" postgres "$sel" 1 "$txns")
	bench_row "point SELECT by aid, 1 conn, prepared" "$m" "$p"
	m=$(bench_pgbench_t "$MG_PORT" postgres "$upd" 1 "$txns")
	p=$(bench_pgbench_t "$PG_PORT" postgres "$upd" 1 "$txns")
	bench_row "point UPDATE by aid, 1 conn, prepared" "$m" "$p"
	m=$(bench_pgbench_t "$MG_PORT" postgres "$lim" 1 $((txns / 10)))
	p=$(bench_pgbench_t "$PG_PORT" postgres "$lim" 1 $((txns / 10)))
	bench_row "ORDER BY aid LIMIT 10, prepared" "$m" "$p"

	bench_psql "$MG_PORT" postgres -c 'DROP TABLE bench_accounts'
	bench_psql "$PG_PORT" postgres -c 'DROP TABLE bench_accounts'
	echo "memgres RSS after DROP TABLE: $(rss_kb "$MG_PID") kB (before the load: $rss0 kB)"
}
