#!/bin/bash
# test/run-tests.sh — runs every test suite and prints "N passed, N failed".
#
# Each suite is an executable (a built program in test/unit/, or a script
# test/*/suite-*.sh from the source tree) that prints TAP lines: "ok N -
# description", "not ok N - description", "ok N - description # SKIP why".
# A suite that exits non-zero without printing any "not ok" line counts as
# one failure, so a crash is never silent; so does a suite that outlives
# MEMGRES_SUITE_TIMEOUT seconds (default 600) or prints "Bail out!".
# Unit programs run first, then the script suites in name order.  Each
# suite's output is kept in $MEMGRES_BUILDDIR/test/log/NAME.log.
#
# Environment: MEMGRES_BUILDDIR, MEMGRES_SRCDIR (set by make check);
# MEMGRES_TEST_FILTER=regex runs only the suites whose path matches;
# MEMGRES_TEST_AGAINST=postgres runs the script suites against PostgreSQL
# 15 (see doc/testing.md).
set -u
B=${MEMGRES_BUILDDIR:-$(pwd)}
S=${MEMGRES_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
export MEMGRES_BUILDDIR=$B MEMGRES_SRCDIR=$S
LOGDIR=$B/test/log
mkdir -p "$LOGDIR"

suites=()
# Unit tests: every built test/unit program.
for f in "$B"/test/unit/*; do
	[ -f "$f" ] && [ -x "$f" ] && [[ "$f" != *.o ]] && suites+=("$f")
done
# Script suites: every test/*/suite-*.sh in the source tree, in name order.
for f in "$S"/test/*/suite-*.sh; do
	[ -f "$f" ] && suites+=("$f")
done

passed=0 failed=0 skipped=0
for suite in "${suites[@]}"; do
	if [ -n "${MEMGRES_TEST_FILTER:-}" ] && ! [[ "$suite" =~ $MEMGRES_TEST_FILTER ]]; then
		continue
	fi
	name=$(basename "$suite")
	log=$LOGDIR/$name.log
	start=$(date +%s)
	if [[ "$suite" == *.sh ]]; then
		timeout -k 10 "${MEMGRES_SUITE_TIMEOUT:-600}" bash "$suite" >"$log" 2>&1 </dev/null
	else
		timeout -k 10 "${MEMGRES_SUITE_TIMEOUT:-600}" "$suite" >"$log" 2>&1 </dev/null
	fi
	rc=$?
	p=$(grep -cE '^ok [0-9]+' "$log")
	s=$(grep -cE '^ok [0-9]+.*# *SKIP' "$log")
	f=$(grep -cE '^not ok [0-9]+' "$log")
	p=$((p - s))
	if grep -q '^Bail out!' "$log"; then
		f=$((f + 1))
	fi
	if [ "$rc" -eq 124 ]; then
		f=$((f + 1))
		echo "not ok - $name timed out after ${MEMGRES_SUITE_TIMEOUT:-600}s" >>"$log"
	elif [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $name exited with status $rc" >>"$log"
	fi
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
	printf '%-40s %4d passed %4d failed %3d skipped %4ds\n' "$name" "$p" "$f" "$s" $(( $(date +%s) - start ))
	if [ "$f" -gt 0 ]; then
		grep -E '^not ok' "$log" | head -20 | sed 's/^/    /'
		echo "    (log: $log)"
	fi
done

if [ "$skipped" -gt 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
