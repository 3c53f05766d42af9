#!/bin/bash
# tools/regress-expected.sh — regenerates test/regress/expected/*.out from
# PostgreSQL 15 itself, the oracle.
#
#   tools/regress-expected.sh            every test/regress/sql/*.sql
#   tools/regress-expected.sh NAME...    only these (NAME or NAME.sql)
#
# Starts a private PostgreSQL 15 (initdb --locale=C.UTF-8 --encoding=UTF8
# -A trust, its own port of the tests range and its own directory, run as the
# postgres user when invoked as root), then for each file drops and creates
# the database "regression" and runs the file through regress_psql from
# test/lib.sh — the very invocation test/regress/suite-regress.sh uses
# against memgres — writing the output to expected/NAME.out.  Review the
# resulting git diff before committing: the expected files are the
# specification the suite holds memgres to.
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
export MEMGRES_SRCDIR=$SRC
export MEMGRES_BUILDDIR=${MEMGRES_BUILDDIR:-$(mktemp -d /tmp/memgres-expected.XXXXXX)}
. "$SRC/test/lib.sh"
R=$SRC/test/regress

files=()
if [ $# -gt 0 ]; then
	for n in "$@"; do n=$(basename "$n" .sql); files+=("$R/sql/$n.sql"); done
else
	files=("$R"/sql/*.sql)
fi

pg_start_private || { echo "could not start PostgreSQL 15" >&2; exit 1; }
echo "PostgreSQL 15 on port $PG_PORT"
st=0
for f in "${files[@]}"; do
	[ -f "$f" ] || { echo "no such file: $f" >&2; st=1; continue; }
	name=$(basename "$f" .sql)
	psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres \
		-c 'SET client_min_messages = warning' -c 'DROP DATABASE IF EXISTS regression' -c 'CREATE DATABASE regression' || { st=1; continue; }
	regress_psql "$PG_PORT" regression <"$f" >"$R/expected/$name.out"
	echo "expected/$name.out"
done
exit $st
