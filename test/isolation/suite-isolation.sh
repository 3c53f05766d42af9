#!/bin/bash
# test/isolation/suite-isolation.sh — multi-session transaction tests
# (issue #4): runs test/isolation/test_isolation against
#   main      default settings: every section but threads1
#   threads1  --threads 1: a writer parked on the lock leaves the only
#             worker free for other sessions; the waiting sections again
#   memlimit  -c max_memory=32MB (memgres only): 53200 past the limit
# MEMGRES_TEST_AGAINST=postgres runs them against private PostgreSQL 15
# servers instead (how the expectations are validated against the oracle;
# PostgreSQL has no --threads, so threads1 there is a second plain run).
# MEMGRES_TEST_PENDING=1 also runs the checks of known engine gaps.
# MEMGRES_ISOLATION_SECTIONS="a b" runs only those sections on main.
. "$(dirname "$0")/../lib.sh"
P=$MEMGRES_BUILDDIR/test/isolation
against=${MEMGRES_TEST_AGAINST:-memgres}

# run_prog LABEL ARGS...: runs test_isolation, folding its TAP into ours.
run_prog()
{
	local label=$1; shift
	local out line st
	if [ ! -x "$P/test_isolation" ]; then
		tap_fail "test_isolation: program not built"
		return
	fi
	out=$(MEMGRES_TEST_CONNSTR="$T_CONNSTR" MEMGRES_TEST_PORT=$T_PORT MEMGRES_TEST_HOST=$T_HOST \
		MEMGRES_TEST_PID=$T_PID MEMGRES_TEST_AGAINST=$against timeout 600 "$P/test_isolation" "$@" 2>&1)
	st=$?
	while IFS= read -r line; do
		case "$line" in
		"ok "*) echo "ok $((TAP_N + 1)) - $label: ${line#ok * - }"; TAP_N=$((TAP_N + 1)) ;;
		"not ok "*) tap_fail "$label: ${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		1..*) ;;
		*) echo "# $line" ;;
		esac
	done <<<"$out"
	tap_check $st "$label: test_isolation $* exited with status 0 (got $st)"
	if ! kill -0 "$T_PID" 2>/dev/null; then
		tap_fail "$label: server survived test_isolation $*"
		tap_diag "server log tail: $(tail -15 "$T_LOG" 2>/dev/null)"
	fi
}

if target_start; then
	# shellcheck disable=SC2086
	run_prog main ${MEMGRES_ISOLATION_SECTIONS:-}
	target_stop
	tap_check $? "main server stopped cleanly"
else
	tap_fail "main server started"
fi

if [ -z "${MEMGRES_ISOLATION_SECTIONS:-}" ]; then
	if target_start --threads 1; then
		run_prog threads1 threads1 visibility fifo disconnect
		target_stop
		tap_check $? "--threads 1 server stopped cleanly"
	else
		tap_fail "--threads 1 server started"
	fi
fi

if [ -z "${MEMGRES_ISOLATION_SECTIONS:-}" ]; then
	if [ "$against" = postgres ]; then
		tap_skip "memlimit: max_memory" "memgres only"
	elif target_start -c max_memory=32MB; then
		run_prog memlimit memlimit
		target_stop
		tap_check $? "max_memory server stopped cleanly"
	else
		tap_fail "max_memory server started"
	fi
fi

tap_done
