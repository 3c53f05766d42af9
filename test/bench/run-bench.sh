#!/bin/bash
# test/bench/run-bench.sh — benchmarks memgres next to PostgreSQL 15 on the
# same machine in the same run (make bench).
#
# Starts memgres (--in-memory) and a private PostgreSQL 15 (test/lib.sh),
# then runs every section: each test/bench/section-*.sh file defines a
# function bench_section_NAME that calls bench_pgbench (or its own
# drivers) and prints rows with bench_row.  Output: one table per section,
# each row "workload  memgres/s  postgres/s  ratio".  Sections of later
# issues (storage, SQL workloads) are new section-*.sh files.
#
# Environment: BENCH_SECONDS (default 10) per run; BENCH_SECTIONS=regex to
# run only some sections; MEMGRES_BUILDDIR as for the suites.
. "$(dirname "$0")/../lib.sh"
BENCH_SECONDS=${BENCH_SECONDS:-10}
BENCH_DIR=$(mktemp -d "$MEMGRES_TMP/bench.XXXXXX")

mg_start || { echo "memgres did not start" >&2; exit 1; }
pg_start_private || { echo "PostgreSQL 15 did not start" >&2; exit 1; }
echo "memgres on port $MG_PORT (pid $MG_PID), PostgreSQL 15 on port $PG_PORT; ${BENCH_SECONDS}s per run, $(nproc) cores"

# bench_pgbench PORT SCRIPT-FILE PROTOCOL CLIENTS [EXTRA...]: prints the
# transactions per second pgbench reports (0 on failure).
bench_pgbench()
{
	local port=$1 script=$2 mode=$3 clients=$4; shift 4
	local threads=$(( clients < $(nproc) ? clients : $(nproc) ))
	local out
	out=$(pgbench -n -h 127.0.0.1 -p "$port" -U postgres -M "$mode" -c "$clients" -j "$threads" \
		-T "$BENCH_SECONDS" -f "$script" "$@" postgres 2>&1)
	local tps
	tps=$(sed -nE 's/^tps = ([0-9.]+) .*/\1/p' <<<"$out" | head -1)
	if [ -z "$tps" ] || grep -q 'failed: [1-9]\|aborted' <<<"$out"; then
		echo "pgbench failed on port $port: $(tail -3 <<<"$out")" >&2
		echo 0
	else
		printf '%.0f\n' "$tps"
	fi
}

bench_header()
{
	echo
	echo "== $1"
	printf '%-40s %12s %12s %8s\n' workload memgres/s postgres/s ratio
}

# bench_row NAME MEMGRES-RATE POSTGRES-RATE
bench_row()
{
	local ratio
	ratio=$(awk -v a="$2" -v b="$3" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')
	printf '%-40s %12s %12s %8s\n' "$1" "$2" "$3" "$ratio"
	printf '%-52s %12s %12s %8s\n' "$1" "$2" "$3" "$ratio" >>"$BENCH_DIR/summary"
}

st=0
# Sections: section-NAME.sh, and the SQL and fork benchmarks (sql-bench.sh,
# fork-bench.sh: sections "sql" and "fork").
for f in "$MEMGRES_SRCDIR"/test/bench/section-*.sh "$MEMGRES_SRCDIR"/test/bench/sql-bench.sh \
		"$MEMGRES_SRCDIR"/test/bench/fork-bench.sh; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .sh); name=${name#section-}; name=${name%-bench}
	if [ -n "${BENCH_SECTIONS:-}" ] && ! [[ "$name" =~ $BENCH_SECTIONS ]]; then
		continue
	fi
	. "$f"
	"bench_section_$name" || st=1
done

# The final summary: every row of every section that ran.
if [ -s "$BENCH_DIR/summary" ]; then
	echo
	echo "== summary (ratio = memgres / PostgreSQL 15)"
	printf '%-52s %12s %12s %8s\n' workload memgres postgres ratio
	cat "$BENCH_DIR/summary"
fi

mg_stop || st=1
pg_stop_private
rm -rf "$BENCH_DIR"
exit $st
