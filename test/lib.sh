# test/lib.sh — shell helpers for the test suites (sourced, not run).
#
# Provides:
#   TAP output     tap_ok DESC, tap_fail DESC, tap_check COND-STATUS DESC,
#                  tap_skip DESC REASON, tap_diag TEXT; counters in TAP_N.
#   memgres        mg_start [ARGS...]  starts $MEMGRES_BUILDDIR/src/memgres on a free
#                  port of the tests range (15600-15699) on 127.0.0.1 with
#                  --in-memory and a private Unix socket dir, waits until it
#                  accepts connections; sets MG_PORT MG_PID MG_SOCKDIR MG_LOG
#                  MG_CONNSTR.  mg_stop stops it (SIGTERM, then SIGKILL after
#                  20 s) and returns 0 only if it exited with status 0.
#   PostgreSQL 15  pg_start_private starts a throw-away PostgreSQL 15 (initdb
#                  --locale=C.UTF-8 -A trust) on a free port; as the postgres
#                  user when run as root, because PostgreSQL refuses root.
#                  Sets PG_PORT PG_DIR PG_CONNSTR.  pg_stop_private stops it.
#   target         target_start [ARGS...] starts memgres, or a private
#                  PostgreSQL when MEMGRES_TEST_AGAINST=postgres (how every
#                  suite is validated against the oracle); sets T_PORT,
#                  T_HOST, T_CONNSTR, T_PID (the server process to watch).
#
# Invariants: every server started here is stopped by the EXIT trap that
# lib_cleanup installs, even when a suite dies; ports come only from the
# tests range and are probed before use; nothing is written outside
# $MEMGRES_TMP (default $MEMGRES_BUILDDIR/test/tmp).

: "${MEMGRES_BUILDDIR:=$(pwd)}"
: "${MEMGRES_SRCDIR:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${MEMGRES_PORT_MIN:=15600}"
: "${MEMGRES_PORT_MAX:=15699}"
export MEMGRES_BUILDDIR MEMGRES_SRCDIR
MEMGRES_BIN=${MEMGRES_BIN:-$MEMGRES_BUILDDIR/src/memgres}
PG_BINDIR=${PG_BINDIR:-$(pg_config --bindir 2>/dev/null)}
[ -x "$PG_BINDIR/initdb" ] || PG_BINDIR=/usr/lib/postgresql/15/bin
MEMGRES_TMP=${MEMGRES_TMP:-$MEMGRES_BUILDDIR/test/tmp}
mkdir -p "$MEMGRES_TMP"
# The sanitizer build: leaks are failures; keep reports in the log.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=23}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

TAP_N=0
TAP_FAILED=0

tap_ok() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $*"; }
tap_fail() { TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1)); echo "not ok $TAP_N - $*"; }
tap_diag() { sed 's/^/# /' <<<"$*"; }
tap_skip() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $1 # SKIP ${2:-}"; }
# tap_check STATUS DESC: ok when STATUS is 0.
tap_check()
{
	local st=$1; shift
	if [ "$st" -eq 0 ]; then tap_ok "$@"; else tap_fail "$@"; fi
}
tap_done() { echo "1..$TAP_N"; [ "$TAP_FAILED" -eq 0 ]; }

# port_in_use PORT: true if something listens on 127.0.0.1:PORT.
port_in_use()
{
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# free_port: prints a port of the tests range that nobody listens on and
# that no other suite of this run has claimed (claims are lock files).
free_port()
{
	local p tries=0 span=$((MEMGRES_PORT_MAX - MEMGRES_PORT_MIN + 1))
	mkdir -p "$MEMGRES_TMP/ports"
	p=$((MEMGRES_PORT_MIN + (RANDOM % span)))
	while [ $tries -lt $span ]; do
		if ! port_in_use "$p" && mkdir "$MEMGRES_TMP/ports/$p" 2>/dev/null; then
			echo "$p"
			return 0
		fi
		# A claim whose owner is gone may be reused.
		if [ -f "$MEMGRES_TMP/ports/$p/pid" ] && ! kill -0 "$(cat "$MEMGRES_TMP/ports/$p/pid")" 2>/dev/null; then
			rm -rf "$MEMGRES_TMP/ports/$p"
			continue
		fi
		p=$((p + 1)); [ $p -gt "$MEMGRES_PORT_MAX" ] && p=$MEMGRES_PORT_MIN
		tries=$((tries + 1))
	done
	echo "free_port: no free port in $MEMGRES_PORT_MIN-$MEMGRES_PORT_MAX" >&2
	return 1
}

release_port() { [ -n "${1:-}" ] && rm -rf "$MEMGRES_TMP/ports/$1"; }

MG_PID= MG_PORT= PG_PORT= PG_DIR= PG_PIDFILE=
_lib_cleanup_done=
lib_cleanup()
{
	[ -n "$_lib_cleanup_done" ] && return
	_lib_cleanup_done=1
	[ -n "$MG_PID" ] && mg_stop >/dev/null 2>&1
	[ -n "$PG_DIR" ] && pg_stop_private >/dev/null 2>&1
	return 0
}
trap lib_cleanup EXIT
trap 'exit 130' INT TERM

# wait_accepting PORT SECONDS [PID]: waits until a TCP connect succeeds.
wait_accepting()
{
	local port=$1 limit=$(($2 * 10)) pid=${3:-} i=0
	while [ $i -lt $limit ]; do
		port_in_use "$port" && return 0
		if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
			return 1
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# mg_start [ARGS...]: extra ARGS go to the server after the defaults, so
# they may override them.  Returns non-zero (log printed as TAP comments)
# when the server does not come up within 60 s.
mg_start()
{
	MG_PORT=$(free_port) || return 1
	MG_SOCKDIR=$(mktemp -d "$MEMGRES_TMP/mgsock.XXXXXX")
	MG_LOG=$MEMGRES_TMP/memgres-$MG_PORT.log
	"$MEMGRES_BIN" -p "$MG_PORT" -h 127.0.0.1 -k "$MG_SOCKDIR" --in-memory "$@" >"$MG_LOG" 2>&1 &
	MG_PID=$!
	echo "$MG_PID" >"$MEMGRES_TMP/ports/$MG_PORT/pid"
	if ! wait_accepting "$MG_PORT" 60 "$MG_PID"; then
		tap_diag "memgres did not start (port $MG_PORT): $(tail -20 "$MG_LOG")"
		mg_stop >/dev/null 2>&1
		return 1
	fi
	MG_CONNSTR="host=127.0.0.1 port=$MG_PORT user=postgres dbname=postgres"
	export MG_PORT MG_PID MG_SOCKDIR MG_LOG MG_CONNSTR
}

# mg_stop: SIGTERM, then SIGKILL after 20 s; status 0 only for a clean exit 0.
mg_stop()
{
	local st=0 i=0
	[ -z "$MG_PID" ] && return 0
	kill -TERM "$MG_PID" 2>/dev/null
	while kill -0 "$MG_PID" 2>/dev/null && [ $i -lt 200 ]; do
		sleep 0.1; i=$((i + 1))
	done
	if kill -0 "$MG_PID" 2>/dev/null; then
		kill -KILL "$MG_PID" 2>/dev/null
		st=124
	fi
	wait "$MG_PID" 2>/dev/null
	local rc=$?
	[ $st -eq 0 ] && st=$rc
	[ $st -ne 0 ] && tap_diag "memgres exit status $st; log tail: $(tail -30 "$MG_LOG" 2>/dev/null)"
	release_port "$MG_PORT"
	rm -rf "$MG_SOCKDIR"
	MG_PID=
	return $st
}

# mg_rss_kb PID: resident set size in kB from /proc.
rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }

# as_postgres CMD...: runs CMD as the postgres user when we are root.
as_postgres()
{
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# pg_start_private [ARGS...]: a throw-away PostgreSQL 15 with the settings
# the expected outputs are generated with.  ARGS go to postgres (-c ...).
pg_start_private()
{
	PG_PORT=$(free_port) || return 1
	PG_DIR=$(mktemp -d /tmp/memgres-pg.XXXXXX)
	chmod 755 "$PG_DIR"
	[ "$(id -u)" -eq 0 ] && chown postgres: "$PG_DIR"
	if ! as_postgres "$PG_BINDIR/initdb" -D "$PG_DIR/data" --locale=C.UTF-8 --encoding=UTF8 \
			-A trust -U postgres >"$PG_DIR/initdb.log" 2>&1; then
		tap_diag "initdb failed: $(tail -5 "$PG_DIR/initdb.log")"
		return 1
	fi
	as_postgres "$PG_BINDIR/postgres" -D "$PG_DIR/data" -p "$PG_PORT" -k "$PG_DIR" \
		-c listen_addresses=127.0.0.1 -c fsync=off -c timezone=UTC \
		-c log_min_messages=warning "$@" >"$PG_DIR/postgres.log" 2>&1 &
	PG_PID=$!
	echo "$PG_PID" >"$MEMGRES_TMP/ports/$PG_PORT/pid"
	local i=0
	until "$PG_BINDIR/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
		sleep 0.2; i=$((i + 1))
		if [ $i -gt 150 ] || ! kill -0 "$PG_PID" 2>/dev/null; then
			tap_diag "PostgreSQL did not start: $(tail -5 "$PG_DIR/postgres.log")"
			return 1
		fi
	done
	# The server process itself (runuser forks it as a child).
	PG_SERVER_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
	PG_CONNSTR="host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres"
	export PG_PORT PG_DIR PG_CONNSTR PG_SERVER_PID
}

pg_stop_private()
{
	[ -z "$PG_DIR" ] && return 0
	as_postgres "$PG_BINDIR/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1
	wait "$PG_PID" 2>/dev/null
	release_port "$PG_PORT"
	rm -rf "$PG_DIR"
	PG_DIR=
}

# target_start [MEMGRES-ARGS...]: the server under test.  With
# MEMGRES_TEST_AGAINST=postgres, a private PostgreSQL 15 instead (memgres
# arguments -c name=value and --ssl-cert/--ssl-key are translated; others
# are dropped).
target_start()
{
	if [ "${MEMGRES_TEST_AGAINST:-memgres}" = postgres ]; then
		local pgargs=() a
		while [ $# -gt 0 ]; do
			a=$1; shift
			case "$a" in
			-c) [ $# -gt 0 ] && { pgargs+=(-c "$1"); shift; } ;;
			--ssl-cert) pgargs+=(-c ssl=on -c "ssl_cert_file=$1"); shift ;;
			--ssl-key) pgargs+=(-c "ssl_key_file=$1"); shift ;;
			esac
		done
		pg_start_private "${pgargs[@]}" || return 1
		T_PORT=$PG_PORT T_PID=$PG_SERVER_PID T_CONNSTR=$PG_CONNSTR T_LOG=$PG_DIR/postgres.log
	else
		mg_start "$@" || return 1
		T_PORT=$MG_PORT T_PID=$MG_PID T_CONNSTR=$MG_CONNSTR T_LOG=$MG_LOG
	fi
	T_HOST=127.0.0.1
	export T_PORT T_PID T_CONNSTR T_HOST T_LOG
}

target_stop()
{
	if [ "${MEMGRES_TEST_AGAINST:-memgres}" = postgres ]; then
		pg_stop_private
	else
		mg_stop
	fi
}

# regress_psql PORT DBNAME < FILE: runs one regression file exactly as both
# the suite (against memgres) and tools/regress-expected.sh (against
# PostgreSQL) do, output (stdout and stderr, interleaved) on stdout.  The
# environment is cleared of everything that would change the session.
regress_psql()
{
	env -u PGOPTIONS -u PGTZ -u PGDATESTYLE -u PGCLIENTENCODING -u PGAPPNAME \
		-u PGSERVICE -u PGSSLMODE -u PGPASSWORD -u PSQLRC \
		LC_ALL=C.UTF-8 LANG=C.UTF-8 \
		psql -X -a -q -h 127.0.0.1 -p "$1" -U postgres -d "$2" 2>&1
}
