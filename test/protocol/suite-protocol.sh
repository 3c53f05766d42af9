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
#   shutdown a default server that gets SIGINT during a pg_sleep(30)
#   tls      --ssl-cert/--ssl-key with a certificate made now by openssl,
#            -c authentication_timeout=5s
# MEMGRES_TEST_AGAINST=postgres runs everything against private PostgreSQL
# 15 servers instead (how these tests are validated against the oracle).
. "$(dirname "$0")/../lib.sh"
P=$MEMGRES_BUILDDIR/test/protocol
against=${MEMGRES_TEST_AGAINST:-memgres}
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# RSS bounds are meaningless in an ASan build: the programs skip them.
if ldd "$MEMGRES_BIN" 2>/dev/null | grep -q libasan; then
	export MEMGRES_TEST_SANITIZED=1
fi

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
	# A server that died is reported once, with its log, and restarted so
	# that the programs after this one still test something.
	if [ -z "${EXPECT_EXIT:-}" ] && ! kill -0 "$T_PID" 2>/dev/null; then
		tap_fail "server survived $name $*"
		tap_diag "server log tail: $(tail -15 "$T_LOG" 2>/dev/null)"
		target_stop >/dev/null 2>&1
		target_start "${T_ARGS[@]}" || tap_fail "server restarted after $name"
	fi
}

# start_target ARGS...: target_start, remembering ARGS for a restart.
start_target()
{
	T_ARGS=("$@")
	target_start "$@"
}

# target_alive: the server under test still runs and answers.
target_alive()
{
	kill -0 "$T_PID" 2>/dev/null &&
		[ "$(psql -X -A -t -h 127.0.0.1 -p "$T_PORT" -U postgres -d postgres -c 'select 1' 2>&1)" = 1 ]
}

# want PROG: PROG is selected (MEMGRES_PROTOCOL_PROGRAMS="a b" runs only those).
want() { [ -z "${MEMGRES_PROTOCOL_PROGRAMS:-}" ] || [[ " $MEMGRES_PROTOCOL_PROGRAMS " == *" $1 "* ]]; }

# --- main server ---
if start_target -c max_connections=1100; then
	out=$(psql -X -A -t -h 127.0.0.1 -p "$T_PORT" -U postgres -d postgres -c 'select 40 + 2' 2>&1)
	tap_check $([ "$out" = 42 ]; echo $?) "psql over TCP runs a query (got '$out')"
	if [ "$against" = postgres ]; then sock=$PG_DIR; else sock=$MG_SOCKDIR; fi
	out=$(psql -X -A -t -h "$sock" -p "$T_PORT" -U postgres -d postgres -c "select 'unix'" 2>&1)
	tap_check $([ "$out" = unix ]; echo $?) "psql over the Unix socket runs a query (got '$out')"
	for prog in test_libpq_basic test_libpq_extended test_libpq_pipeline test_libpq_cancel test_raw_protocol test_pathological test_copy_binary; do
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

# --- limits: authentication_timeout and max_connections ---
if want test_raw_protocol; then
	if start_target -c authentication_timeout=1s -c max_connections=8; then
		run_prog test_raw_protocol limits
		target_stop
		tap_check $? "limits server stopped cleanly"
	else
		tap_fail "limits server started"
	fi
fi

# --- TLS with a certificate made now ---
if want test_tls; then
	tls=$(mktemp -d /tmp/memgres-tls.XXXXXX)
	chmod 755 "$tls"
	if openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tls/server.key" -out "$tls/server.crt" \
			-days 2 -subj /CN=127.0.0.1 >"$tls/openssl.log" 2>&1; then
		chmod 600 "$tls/server.key"
		[ "$against" = postgres ] && [ "$(id -u)" -eq 0 ] && chown postgres: "$tls"/server.*
		if start_target --ssl-cert "$tls/server.crt" --ssl-key "$tls/server.key" -c authentication_timeout=5s; then
			run_prog test_tls "$tls/server.crt"
			run_prog test_raw_protocol tls
			target_stop
			tap_check $? "TLS server stopped cleanly"
		else
			tap_fail "TLS server started"
		fi
		# A key readable by group or others is refused at start-up.
		cp "$tls/server.key" "$tls/open.key"
		chmod 644 "$tls/open.key"
		[ "$against" = postgres ] && [ "$(id -u)" -eq 0 ] && chown postgres: "$tls/open.key"
		if [ "$against" = postgres ]; then
			if pg_start_private -c ssl=on -c "ssl_cert_file=$tls/server.crt" -c "ssl_key_file=$tls/open.key" 2>/dev/null; then
				tap_fail "server with a world-readable key refused to start"
				pg_stop_private
			else
				tap_ok "server with a world-readable key refused to start"
				pg_stop_private
			fi
		else
			port=$(free_port)
			"$MEMGRES_BIN" -p "$port" -h 127.0.0.1 -k "" --in-memory --ssl-cert "$tls/server.crt" \
				--ssl-key "$tls/open.key" >"$tls/refuse.log" 2>&1 &
			rpid=$!
			i=0
			while kill -0 $rpid 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
			if kill -0 $rpid 2>/dev/null; then
				kill -KILL $rpid; wait $rpid 2>/dev/null
				tap_fail "server with a world-readable key refused to start (it kept running)"
			else
				wait $rpid; st=$?
				tap_check $([ $st -ne 0 ] && grep -qi 'key' "$tls/refuse.log"; echo $?) \
					"server with a world-readable key refused to start (status $st: $(head -c 300 "$tls/refuse.log" | tr '\n' ' '))"
			fi
			release_port "$port"
		fi
	else
		tap_fail "openssl made a test certificate: $(tail -3 "$tls/openssl.log")"
	fi
	rm -rf "$tls"
fi

# --- one worker thread: a sleeper does not block the worker ---
if want test_libpq_threads1; then
	if start_target --threads 1; then
		run_prog test_libpq_threads1
		target_stop
		tap_check $? "--threads 1 server stopped cleanly"
	else
		tap_fail "--threads 1 server started"
	fi
fi

# --- shutdown: SIGINT while a statement runs; the server exits with 0 ---
if want test_shutdown; then
	if start_target; then
		EXPECT_EXIT=1 run_prog test_shutdown
		if [ "$against" = postgres ]; then spid=$PG_PID; else spid=$MG_PID; fi
		i=0
		while kill -0 "$T_PID" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
		if kill -0 "$T_PID" 2>/dev/null; then
			tap_fail "server exited after SIGINT (still running after 20 s)"
			target_stop >/dev/null 2>&1
		else
			wait "$spid"; st=$?
			tap_check $st "server exited with status 0 after SIGINT (got $st)"
			if [ "$against" = postgres ]; then pg_stop_private; else MG_PID=; release_port "$MG_PORT"; rm -rf "$MG_SOCKDIR"; fi
		fi
	else
		tap_fail "shutdown server started"
	fi
fi

tap_done
