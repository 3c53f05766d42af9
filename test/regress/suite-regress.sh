#!/bin/bash
# test/regress/suite-regress.sh — SQL regression files, one TAP line each.
#
# Each test/regress/sql/NAME.sql runs through regress_psql (test/lib.sh:
# psql -X -a -q, stdout and stderr together) against a fresh database named
# "regression", and its output must equal test/regress/expected/NAME.out
# byte for byte; the expected files are PostgreSQL 15's own output
# (tools/regress-expected.sh).  On a difference the unified diff goes into
# the log as TAP comments and the actual output stays in
# $MEMGRES_BUILDDIR/test/regress/results/NAME.out.
#
# Fresh database per file: memgres is started afresh for every file
# (--in-memory, POSTGRES_DB=regression), which isolates the files from one
# another completely.  With MEMGRES_TEST_AGAINST=postgres one private
# PostgreSQL 15 is used, dropping and creating "regression" per file.
# MEMGRES_REGRESS_FILTER=regex runs only the matching files.
. "$(dirname "$0")/../lib.sh"
R=$MEMGRES_SRCDIR/test/regress
OUT=$MEMGRES_BUILDDIR/test/regress/results
mkdir -p "$OUT"
against=${MEMGRES_TEST_AGAINST:-memgres}

if [ "$against" = postgres ]; then
	pg_start_private || { tap_fail "start PostgreSQL 15"; tap_done; exit 1; }
fi

for f in "$R"/sql/*.sql; do
	name=$(basename "$f" .sql)
	if [ -n "${MEMGRES_REGRESS_FILTER:-}" ] && ! [[ "$name" =~ $MEMGRES_REGRESS_FILTER ]]; then
		continue
	fi
	if [ "$against" = postgres ]; then
		psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
			-c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS regression' -c 'CREATE DATABASE regression' >/dev/null 2>&1
		port=$PG_PORT
	else
		if ! POSTGRES_DB=regression TZ=UTC mg_start; then
			tap_fail "$name (memgres did not start)"
			continue
		fi
		port=$MG_PORT
	fi
	regress_psql "$port" regression <"$f" >"$OUT/$name.out"
	if diff -u "$R/expected/$name.out" "$OUT/$name.out" >"$OUT/$name.diff"; then
		tap_ok "$name"
		rm -f "$OUT/$name.diff"
	else
		tap_fail "$name (differs from expected/$name.out)"
		head -c 20000 "$OUT/$name.diff" | sed 's/^/# /'
	fi
	if [ "$against" != postgres ] && ! mg_stop; then
		tap_fail "$name: memgres stopped cleanly after the file"
	fi
done
tap_done
