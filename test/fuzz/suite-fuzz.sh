#!/bin/bash
# test/fuzz/suite-fuzz.sh — the seeded protocol fuzzer against a fresh
# server (also in the sanitizer build, where a crash or a leak report makes
# the server exit non-zero at the end).  MEMGRES_FUZZ_SEED and
# MEMGRES_FUZZ_CASES override the seed and the cases per category.  When the
# libFuzzer target was built (make fuzz-libfuzzer), it also runs it for a
# few seconds over the pure parsers.
. "$(dirname "$0")/../lib.sh"
F=$MEMGRES_BUILDDIR/test/fuzz
seed=${MEMGRES_FUZZ_SEED:-20261122}
cases=${MEMGRES_FUZZ_CASES:-400}
ulimit -n 4096 2>/dev/null

if ! [ -x "$F/fuzz_protocol" ]; then
	tap_fail "fuzz_protocol is built"
elif target_start -c authentication_timeout=5s; then
	out=$(MEMGRES_TEST_CONNSTR="$T_CONNSTR" MEMGRES_TEST_PORT=$T_PORT MEMGRES_TEST_HOST=$T_HOST \
		MEMGRES_TEST_PID=$T_PID timeout 900 "$F/fuzz_protocol" "$seed" "$cases" 2>&1)
	st=$?
	while IFS= read -r line; do
		case "$line" in
		"ok "*) tap_ok "fuzz ${line#ok * - }" ;;
		"not ok "*) tap_fail "fuzz ${line#not ok * - }" ;;
		"#"*) echo "$line" ;;
		esac
	done <<<"$out"
	tap_check $st "fuzz_protocol seed $seed exited with status 0 (got $st)"
	target_stop
	tap_check $? "server stopped cleanly after fuzzing (no sanitizer report)"
else
	tap_fail "server started for fuzzing"
fi

# The libFuzzer target is optional (clang); run it briefly when present.
if [ -x "$F/fuzz_parser" ]; then
	corpus=$(mktemp -d "$MEMGRES_TMP/fuzzcorpus.XXXXXX")
	"$F/fuzz_parser" -seed="$seed" -max_total_time=10 -max_len=4096 "$corpus" >"$MEMGRES_TMP/fuzz_parser.log" 2>&1
	tap_check $? "libFuzzer fuzz_parser 10 s over the startup and message parsers"
	rm -rf "$corpus"
fi
tap_done
