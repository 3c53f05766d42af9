#!/bin/bash
# test/protocol/suite-protocol.sh — runs the libpq and raw-socket protocol
# test programs against servers started with the flags each one needs.
#
# Each program prints TAP; this script renumbers their lines into one TAP
# stream (prefixing descriptions with the program name), and adds the
# checks that are shell-level: psql connects and runs a query (TCP and Unix
# socket), the TLS key permission refusal, servers stopping cleanly.
#
# Servers (all on 127.0.0.1, ports of the tests range):
#   main     -c max_connections=1100, ulimit -n raised: most programs
#   threads1 --threads 1: a sleeper must not delay a SELECT 1 on the worker
#   limits   -c authentication_timeout=1s -c max_connections=8
#   tls      --ssl-cert/--ssl-key with a certificate made now by openssl
# MEMGRES_TEST_AGAINST=postgres runs everything against private PostgreSQL
# 15 servers instead (how these tests are validated against the oracle).
. "$(dirname "$0")/../lib.sh"
P=$MEMGRES_BUILDDIR/test/protocol
against=${MEMGRES_TEST_AGAINST:-memgres}
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# run_prog NAME [ARGS...]: runs test/protocol/NAME against the current
# target, folding its TAP lines into ours.
run_prog()
{
	local name=$1; shift
	local out line st
	if [ ! -x "$P/$name" ]; then
		tap_fail "$name: program not built"
		return
	fi
	out=$(MEMGRES_TEST_CONNSTR="$T_CONNSTR" MEMGRES_TEST_PORT=$T_PORT MEMGRES_TEST_HOST=$T_HOST \
		MEMGRES_TEST_PID=$T_PID MEMGRES_TEST_AGAINST=$against timeout 600 "$P/$name" "$@" 2>&1)
	st=$?
	while IFS= read -r line; do
		case "$line" in
		"ok "*) tap_ok "$name: ${line#ok * - }" ;;
		"not ok "*) tap_fail "$name: ${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		1..*) ;;
		*) echo "# $line" ;;
		esac
	done <<<"$out"
	tap_check $st "$name $* exited with status 0 (got $st)"
}

# target_alive: the server under test still runs and answers.
target_alive()
{
	kill -0 "$T_PID" 2>/dev/null &&
		[ "$(psql -X -A -t -h 127.0.0.1 -p "$T_PORT" -U postgres -d postgres -c 'select 1' 2>&1)" = 1 ]
}

# --- main server ---
if target_start -c max_connections=1100; then
	out=$(psql -X -A -t -h 127.0.0.1 -p "$T_PORT" -U postgres -d postgres -c 'select 40 + 2' 2>&1)
	tap_check $([ "$out" = 42 ]; echo $?) "psql over TCP runs a query (got '$out')"
	if [ "$against" = postgres ]; then sock=$PG_DIR; else sock=$MG_SOCKDIR; fi
	out=$(psql -X -A -t -h "$sock" -p "$T_PORT" -U postgres -d postgres -c "select 'unix'" 2>&1)
	tap_check $([ "$out" = unix ]; echo $?) "psql over the Unix socket runs a query (got '$out')"
	want() { [ -z "${MEMGRES_PROTOCOL_PROGRAMS:-}" ] || [[ " $MEMGRES_PROTOCOL_PROGRAMS " == *" $1 "* ]]; }
	for prog in test_libpq_basic test_libpq_extended test_libpq_pipeline test_libpq_cancel; do
		want $prog && run_prog $prog
	done
	# PostgreSQL pays a process per connection: validate with fewer there.
	if [ "$against" = postgres ]; then many=${MEMGRES_MANY_CONNECTIONS:-200}; else many=${MEMGRES_MANY_CONNECTIONS:-1000}; fi
	want test_libpq_many && run_prog test_libpq_many "$many"
	tap_check $(target_alive; echo $?) "main server alive after all programs"
	target_stop
	tap_check $? "main server stopped cleanly"
else
	tap_fail "main server started"
fi

# --- one worker thread: a sleeper does not block the worker ---
if want test_libpq_threads1; then
	if target_start --threads 1; then
		run_prog test_libpq_threads1
		target_stop
		tap_check $? "--threads 1 server stopped cleanly"
	else
		tap_fail "--threads 1 server started"
	fi
fi

tap_done
