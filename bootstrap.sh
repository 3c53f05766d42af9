#!/bin/bash
# bootstrap.sh — one command from a fresh Debian 12 machine to a running
# server or a full test run.
#
#   ./bootstrap.sh run [SERVER-ARGS...]   install what is missing, build, start
#                                         memgres on its defaults (port 5432)
#   ./bootstrap.sh check                  install what is missing, build the normal
#                                         and the sanitizer (ASan+UBSan) builds, run
#                                         the whole suite in both, print one line
#                                         "N passed, N failed" and exit non-zero on
#                                         any failure
#   ./bootstrap.sh bench                  build, then run the benchmarks
#
# Builds are VPATH builds in $MEMGRES_BUILD_ROOT/build and .../build-asan
# (default: the source directory), so the source tree itself stays
# unconfigured.  Packages are installed with apt-get only when one is missing
# (root or sudo needed then).  MEMGRES_TEST_FILTER=regex restricts the suites.
set -u
set -o pipefail
SRC=$(cd "$(dirname "$0")" && pwd)
ROOT=${MEMGRES_BUILD_ROOT:-$SRC}
JOBS=${JOBS:-2}

BUILD_PKGS="build-essential autoconf automake libtool pkg-config libevent-dev libssl-dev
	libpg-query-dev postgresql-server-dev-15 libpcre2-dev libpq-dev postgresql-client-15"
# The test suite also wants the PostgreSQL 15 server (oracle for expected
# outputs, benchmarks), openssl (test certificates), clang (libFuzzer) and
# the tools the suites use.
TEST_PKGS="$BUILD_PKGS postgresql-15 openssl clang libclang-rt-14-dev procps iproute2 diffutils"

die() { echo "bootstrap: $*" >&2; exit 1; }

install_missing()
{
	local missing=() p
	for p in $*; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	echo "bootstrap: installing ${missing[*]}"
	local sudo=
	[ "$(id -u)" -ne 0 ] && sudo=sudo
	# Installing postgresql-15 must not create and start a cluster on 5432,
	# the port memgres itself defaults to.
	if [[ " ${missing[*]} " == *" postgresql-15 "* ]] && [ ! -e /etc/postgresql-common/createcluster.conf ]; then
		$sudo mkdir -p /etc/postgresql-common
		echo "create_main_cluster = false" | $sudo tee /etc/postgresql-common/createcluster.conf >/dev/null
	fi
	export DEBIAN_FRONTEND=noninteractive
	$sudo apt-get update -q || die "apt-get update failed"
	$sudo apt-get install -y -q -o Dpkg::Options::=--force-confold "${missing[@]}" \
		|| die "apt-get install failed"
}

# build DIR [CONFIGURE-ARGS...]: configure (once) and make in DIR.
build()
{
	local dir=$1; shift
	if [ ! -x "$SRC/configure" ] || [ "$SRC/configure.ac" -nt "$SRC/configure" ]; then
		(cd "$SRC" && ./autogen.sh) || die "autogen.sh failed"
	fi
	mkdir -p "$dir"
	if [ ! -f "$dir/Makefile" ]; then
		(cd "$dir" && "$SRC/configure" -q "$@") || die "configure failed in $dir"
	fi
	make -C "$dir" -s -j"$JOBS" || die "build failed in $dir"
}

# check_in DIR LABEL: runs make check in DIR; sets P F S from its summary.
check_in()
{
	local dir=$1 label=$2 out line
	echo "== $label build: make check ($dir)"
	out=$(mktemp)
	make -C "$dir" -s -j"$JOBS" check 2>&1 | tee "$out"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -1)
	rm -f "$out"
	if [ -z "$line" ]; then
		# make check died before the runner summed up (a build error).
		P=0 F=1 S=0
		echo "not ok - $label build: make check did not produce a summary"
		return
	fi
	P=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$line")
	F=$(sed -E 's/^[0-9]+ passed, ([0-9]+) failed.*/\1/' <<<"$line")
	S=$(sed -nE 's/.*, ([0-9]+) skipped.*/\1/p' <<<"$line"); S=${S:-0}
}

cmd=${1:-}
[ $# -gt 0 ] && shift
case "$cmd" in
run)
	install_missing "$BUILD_PKGS"
	build "$ROOT/build"
	exec "$ROOT/build/src/memgres" "$@"
	;;
check)
	install_missing "$TEST_PKGS"
	build "$ROOT/build"
	build "$ROOT/build-asan" --enable-sanitizers
	# The libFuzzer target (clang) runs briefly inside the fuzz suite.
	extra_fail=0
	if ! make -C "$ROOT/build" -s fuzz-libfuzzer; then
		echo "not ok - the libFuzzer target (make fuzz-libfuzzer) builds"
		extra_fail=1
	fi
	check_in "$ROOT/build" normal; tp=$P tf=$((F + extra_fail)) ts=$S
	check_in "$ROOT/build-asan" sanitizer; tp=$((tp + P)); tf=$((tf + F)); ts=$((ts + S))
	echo "== both builds"
	if [ "$ts" -gt 0 ]; then
		echo "$tp passed, $tf failed, $ts skipped"
	else
		echo "$tp passed, $tf failed"
	fi
	[ "$tf" -eq 0 ]
	;;
bench)
	install_missing "$TEST_PKGS"
	build "$ROOT/build"
	make -C "$ROOT/build" -s bench
	;;
*)
	sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'
	exit 2
	;;
esac
