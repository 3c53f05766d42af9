#!/bin/bash
# test/protocol/suite-auth.sh — logins through libpq (psql) with every
# authentication method: SCRAM-SHA-256 (plain and with channel binding over
# TLS), md5, cleartext, trust, reject; right and wrong passwords; the
# defaults of the official PostgreSQL container image (POSTGRES_PASSWORD);
# pg_hba.conf rules from -c hba_file; and the refusal to start with trust
# on a non-loopback address.
#
# The messages asserted are PostgreSQL 15's (checked against it by hand:
# these cases need roles with passwords, which memgres takes from
# POSTGRES_PASSWORD at start-up).
. "$(dirname "$0")/../lib.sh"

D=$(mktemp -d "$MEMGRES_TMP/auth.XXXXXX")
PW=s3cret-Pass

# login DESC EXPECT CONNSTR [PASSWORD]: psql runs `select 1`; EXPECT is "1" for
# success, or a substring of the error message.
login()
{
	local desc=$1 expect=$2 conn=$3 pw=${4:-} out
	out=$(env -u PGPASSWORD ${pw:+PGPASSWORD=$pw} PGCONNECT_TIMEOUT=10 \
		psql -X -w -A -t -c 'select 1' "$conn" 2>&1)
	if [ "$expect" = 1 ]; then
		[ "$out" = 1 ]
	else
		[[ "$out" == *"$expect"* ]]
	fi
	local st=$?
	[ $st -ne 0 ] && tap_diag "expected [$expect], got [$out]"
	tap_check $st "$desc"
}

hba()
{
	printf '%s\n' "$@" >"$D/hba.conf"
}

tcp() { echo "host=127.0.0.1 port=$MG_PORT user=${1:-postgres} dbname=${2:-postgres} sslmode=${3:-disable}"; }

# --- the container image's defaults with POSTGRES_PASSWORD -------------------
if POSTGRES_PASSWORD=$PW mg_start; then
	login "SCRAM: right password over TCP" 1 "$(tcp)" "$PW"
	login "SCRAM: wrong password over TCP" 'password authentication failed for user "postgres"' "$(tcp)" wrong
	login "SCRAM: no password supplied" 'no password supplied' "$(tcp)"
	login "SCRAM: unknown role fails like a wrong password" \
		'password authentication failed for user "nobody"' "$(tcp nobody)" "$PW"
	login "unknown database after a good login" 'database "nope" does not exist' "$(tcp postgres nope)" "$PW"
	login "Unix socket trusts without a password" 1 "host=$MG_SOCKDIR port=$MG_PORT user=postgres dbname=postgres"
	mg_stop
	tap_check $? "server stopped cleanly"
else
	tap_fail "server with POSTGRES_PASSWORD started"
fi

# --- cleartext password ------------------------------------------------------
hba "local all all trust" "host all all 127.0.0.1/32 password"
if POSTGRES_PASSWORD=$PW mg_start -c "hba_file=$D/hba.conf"; then
	login "cleartext: right password" 1 "$(tcp)" "$PW"
	login "cleartext: wrong password" 'password authentication failed for user "postgres"' "$(tcp)" nope
	mg_stop
else
	tap_fail "server with a password hba_file started"
fi

# --- md5 (the role's password stored as md5) ---------------------------------
hba "local all all trust" "host all all 127.0.0.1/32 md5"
if POSTGRES_PASSWORD=$PW mg_start -c "hba_file=$D/hba.conf" -c password_encryption=md5; then
	login "md5: right password" 1 "$(tcp)" "$PW"
	login "md5: wrong password" 'password authentication failed for user "postgres"' "$(tcp)" nope
	mg_stop
else
	tap_fail "server with an md5 hba_file started"
fi

# --- reject, no matching rule, database and user lists -----------------------
hba "local all all trust" \
	"host special all 127.0.0.1/32 trust" \
	"host all bob 127.0.0.1/32 reject"
if mg_start -c "hba_file=$D/hba.conf"; then
	login "reject rule" 'pg_hba.conf rejects connection for host "127.0.0.1", user "bob", database "postgres"' "$(tcp bob)"
	login "no matching rule" 'no pg_hba.conf entry for host "127.0.0.1", user "postgres", database "postgres"' "$(tcp)"
	mg_stop
else
	tap_fail "server with a reject hba_file started"
fi

# --- TLS: hostssl and SCRAM channel binding ----------------------------------
if openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=localhost -days 2 \
		-keyout "$D/server.key" -out "$D/server.crt" >/dev/null 2>&1; then
	chmod 600 "$D/server.key"
	hba "local all all trust" "hostssl all all 127.0.0.1/32 scram-sha-256"
	if POSTGRES_PASSWORD=$PW mg_start -c "hba_file=$D/hba.conf" --ssl-cert "$D/server.crt" --ssl-key "$D/server.key"; then
		login "TLS: SCRAM-SHA-256-PLUS with channel_binding=require" 1 "$(tcp postgres postgres require) channel_binding=require" "$PW"
		login "TLS: SCRAM without channel binding" 1 "$(tcp postgres postgres require) channel_binding=disable" "$PW"
		login "TLS: wrong password" 'password authentication failed for user "postgres"' "$(tcp postgres postgres require)" nope
		login "hostssl: a plaintext connection has no matching rule" \
			'no pg_hba.conf entry for host "127.0.0.1", user "postgres", database "postgres", no encryption' "$(tcp)" "$PW"
		mg_stop
	else
		tap_fail "TLS server started"
	fi
else
	tap_fail "openssl made a test certificate"
fi

# --- trust is never the default off loopback ---------------------------------
port=$(free_port)
out=$(env -u POSTGRES_PASSWORD timeout 20 "$MEMGRES_BIN" -p "$port" -h 0.0.0.0 -k '' --in-memory 2>&1)
st=$?
release_port "$port"
if [ $st -ne 0 ] && [ $st -ne 124 ] && [[ "$out" == *POSTGRES_PASSWORD* || "$out" == *password* ]]; then
	tap_ok "listening on 0.0.0.0 without a password refuses to start"
else
	tap_diag "status $st: $out"
	tap_fail "listening on 0.0.0.0 without a password refuses to start"
fi

rm -rf "$D"
tap_done
