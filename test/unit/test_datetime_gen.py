#!/usr/bin/env python3
"""Regenerates test_datetime_cases.c: date/time text I/O cases whose
expected results come from PostgreSQL 15 (the oracle).

Usage: test_datetime_gen.py [port] > test/unit/test_datetime_cases.c
Needs a scratch database "datetime" on 127.0.0.1:port (default 5499); the
helper function t_case() is (re)created there.
"""
import subprocess
import sys

PORT = sys.argv[1] if len(sys.argv) > 1 else "5499"
PSQL = ["psql", "-h", "127.0.0.1", "-p", PORT, "-U", "postgres", "-d", "datetime", "-X", "-q"]

HELPER = r"""
CREATE OR REPLACE FUNCTION t_case(ds text, ist text, tz text, expr text) RETURNS text AS $$
DECLARE r text; st text; msg text; hint text;
BEGIN
  PERFORM set_config('datestyle', ds, true);
  PERFORM set_config('intervalstyle', ist, true);
  PERFORM set_config('timezone', tz, true);
  EXECUTE 'SELECT (' || expr || ')::text' INTO r;
  RETURN 'OK:' || coalesce(r, '<NULL>');
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT;
  RETURN 'ERR:' || st || ':' || msg || CASE WHEN hint <> '' THEN ':HINT:' || hint ELSE '' END;
END $$ LANGUAGE plpgsql;
"""

ISO = "ISO, MDY"
DATE_INPUTS = [
    "1999-01-08", "January 8, 1999", "1/8/1999", "1/18/1999", "01/02/03", "1999-Jan-08",
    "Jan-08-1999", "08-Jan-1999", "99-Jan-08", "08-Jan-99", "Jan-08-99", "19990108",
    "990108", "1999.008", "J2451187", "January 8, 99 BC", "2000-02-29", "2001-02-29",
    "1900-02-29", "2400-02-29", "13/01/2000", "2000-13-01", "0001-01-01", "0000-01-01",
    "4714-11-24 BC", "4714-11-23 BC", "5874897-12-31", "5874898-01-01", "epoch",
    "infinity", "-infinity", "+infinity", "garbage", "", "1999-01-08 04:05:06",
    "  1999-01-08  ", "Friday, January 8 1999", "1999 Jan 8", "8 Jan 1999", "Jan 8 1999",
    "1/8/99", "12/31/69", "1/1/70", "1999-01-08 BC", "20000230", "allballs",
    "2000-01-01 America/New_York",
]
TIME_INPUTS = [
    "04:05:06.789", "04:05:06", "04:05", "040506", "04:05 AM", "04:05 PM", "12:00 AM",
    "12:00 PM", "13:00 PM", "04:05:06.789-8", "04:05:06-08:00", "04:05-08:00",
    "040506-08", "2003-04-12 04:05:06 America/New_York", "allballs", "24:00:00",
    "24:00:01", "23:59:59.9999999", "00:00:00.0000005", "25:00", "12:60", "1:2:3",
    "T040506", "abc", "04:05:06.123456789",
]
TS_INPUTS = [
    "1999-01-08 04:05:06", "1999-01-08 04:05:06 -8:00", "January 8 04:05:06 1999 PST",
    "1999-01-08T04:05:06Z", "1999-01-08T04:05:06.5+02:00", "1999-01-08 04:05:06.123456789",
    "1999-01-08 04:05:06 Europe/Berlin", "1999-07-08 04:05:06 Europe/Berlin",
    "1999-01-08 04:05:06 america/new_york", "2024-03-10 02:30:00 America/New_York",
    "2024-11-03 01:30:00 America/New_York", "2024-03-31 02:30 Europe/Berlin",
    "2024-10-27 02:30 Europe/Berlin", "epoch", "infinity", "-infinity", "Infinity",
    "1999-01-08 04:05:06 BC", "0044-03-15 12:00 BC", "294276-12-31 23:59:59.999999",
    "294277-01-01 00:00:00", "4714-11-24 00:00:00 BC", "4714-11-23 23:59:59 BC",
    "2000-01-01 00:00:00+15", "2000-01-01 00:00:00+16", "2000-01-01 00:00:00+14:59:59",
    "2000-01-01 24:00:00", "2000-01-01 24:00:01", "2000-01-01 23:59:60",
    "2000-01-01 12:00 EST", "2000-07-01 12:00 EDT", "2000-07-01 12:00 CEST",
    "2000-01-01 12:00 MSK", "2000-01-01 12:00 UTC", "2000-01-01 12:00 GMT",
    "2000-01-01 12:00 zulu", "2000-01-01 12:00 foo", "2000-01-01 12:00 Foo/Bar",
    "Sat Jan 01 12:00:00 2000 PST", "Sat Jan 01 12:00:00.5 2000", "01/02/2000 12:00",
    "2000-01-01 12:00:00 +0530", "2000-01-01 12:00:00+05:30", "2000-01-01 12:00:00-0330",
    "20000101 120000", "20000101T120000", "2000-01-01 12:00 PM", "2000-01-01 1:00 PM",
    "2000-01-01 13:00 PM", "1999-12-31 23:59:59.9999995", "J2451187 04:05:06",
    "2000-01-01 12:00 +02 DST", "2000-01-01 12:00 MET DST", "1800-01-01 00:00 America/New_York",
    "2100-07-04 12:00 America/New_York", "2100-01-04 12:00 Europe/Berlin",
    "2000-01-01 12:00 <+03>-03", "2000-01-01 12:00 EST5EDT", "2000-01-01 12:00 Asia/Kolkata",
    "2000-01-01 12:00 Australia/Lord_Howe", "2000-07-01 12:00 Australia/Lord_Howe",
    "1999-01-08 04:05:06 xyz", "1999-01-08 04:05:06 1999", "99-01-08 04:05", "yesterday x",
]
TZS = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Lord_Howe"]
STYLES = ["ISO, MDY", "ISO, DMY", "ISO, YMD", "SQL, MDY", "SQL, DMY", "Postgres, MDY",
          "Postgres, DMY", "German, DMY"]
OUT_TS = ["2000-01-01 00:00:00", "1999-07-08 04:05:06.5", "0044-03-15 12:00 BC",
          "10000-01-01 00:00", "2024-11-03 05:30:00+00", "2024-03-31 00:59:59.000001+00",
          "1800-01-01 12:00+00", "2100-07-04 16:00+00", "infinity"]

cases = []  # (datestyle, intervalstyle, timezone, type, input)
for s in DATE_INPUTS:
    cases.append((ISO, "postgres", "UTC", "date", s))
for s in ["01/02/03", "1/8/1999", "1999-01-08", "08-Jan-99", "99-Jan-08", "13/01/2000"]:
    for ds in ["ISO, DMY", "ISO, YMD"]:
        cases.append((ds, "postgres", "UTC", "date", s))
for s in TIME_INPUTS:
    cases.append((ISO, "postgres", "UTC", "time", s))
for s in ["04:05:06.789", "04:05:06.5"]:
    for p in range(0, 4):
        cases.append((ISO, "postgres", "UTC", "time(%d)" % p, s))
for s in TS_INPUTS:
    cases.append((ISO, "postgres", "UTC", "timestamp", s))
    cases.append((ISO, "postgres", "America/New_York", "timestamptz", s))
for tz in TZS:
    for s in OUT_TS:
        for ds in STYLES:
            cases.append((ds, "postgres", tz, "timestamptz", s))
for ds in STYLES:
    for s in ["2000-01-31", "0044-03-15 BC", "10000-01-01", "infinity"]:
        cases.append((ds, "postgres", "UTC", "date", s))
    for s in ["2000-01-31 04:05:06.789", "0044-03-15 12:00 BC", "-infinity"]:
        cases.append((ds, "postgres", "UTC", "timestamp", s))
for s in ["2000-01-01 12:34:56.789012", "1999-12-31 23:59:59.99"]:
    for p in range(0, 7):
        cases.append((ISO, "postgres", "UTC", "timestamp(%d)" % p, s))
        cases.append((ISO, "postgres", "Europe/Berlin", "timestamptz(%d)" % p, s))

INTERVAL_INPUTS = [
    "1 day", "1 day 02:03:04", "2 hours 30 minutes", "1 year 2 months 3 days 4 hours 5 minutes 6 seconds",
    "-1 year -2 mons +3 days -04:05:06", "1-2", "3 4:05:06", "P1Y2M3DT4H5M6S", "P0.5Y",
    "PT1.5S", "P1W", "P1Y-2M", "P0001-02-03T04:05:06", "@ 1 day ago", "@ 1 hour 30 mins ago",
    "1.5 days", "1.5 months", "1.5 years", "0.1 seconds", "1 millisecond", "1 microsecond",
    "10 decades", "2 centuries", "1 millennium", "1 week", "1 fortnight", "12:34", "12:34:56.789",
    "-12:34", "1:02:03.5", "00:00:00", "0", "5", "-5", "1 day -1 second", "2147483647 days",
    "2147483648 days", "178000000 years", "178956970 years 7 months", "xyz", "", "1 day day",
    "1 2", "P", "PT", "1 d 2 h", "1 yr 2 mon", "1 sec", "1.5 weeks", "-1.5 hours",
    "1 year 1 year", "100000000 hours", "+1 -2", "1 day ago", "3 mons ago 2 days",
    "1-2 3 4:05:06", "-1-2 +3 -4:05:06", "1 day 2 hours 3 minutes 4.5 seconds ago",
    "infinity", "P1Y2M3DT4H5M6.789S", "PT-1.5H", "P-1D", "1 hour 61 minutes",
]
INTERVAL_OUT = ["1 year 2 months 3 days 04:05:06.789", "-1 year -2 months +3 days -04:05:06",
                "1 day -1 second", "-1 day", "0", "1 mon", "-1 mon 1 day", "00:00:00.5",
                "-00:00:00.5", "1 year", "-1 year -2 months", "3 days 04:05:06", "-3 days -04:05:06",
                "01:02:03", "-01:02:03", "178956970 years 7 months", "1 day 25:00:00",
                "2 days 00:00:00.000001", "-1 days +1 hour", "1 year -1 day"]
ISTYLES = ["postgres", "postgres_verbose", "sql_standard", "iso_8601"]
for s in INTERVAL_INPUTS:
    cases.append((ISO, "postgres", "UTC", "interval", s))
for s in ["1 day 02:03:04", "1-2", "1 2:03", "-1 2:03:04", "1 2", "+1-2 +3 +4:05:06", "-1-2"]:
    cases.append((ISO, "sql_standard", "UTC", "interval", s))
for ist in ISTYLES:
    for s in INTERVAL_OUT:
        cases.append((ISO, ist, "UTC", "interval", s))
for p in [0, 1, 3]:
    cases.append((ISO, "postgres", "UTC", "interval(%d)" % p, "1 day 02:03:04.56789"))
for rng in ["year", "month", "day", "hour", "minute", "second", "year to month", "day to hour",
            "day to minute", "day to second", "hour to minute", "hour to second",
            "minute to second", "second(2)", "day to second(1)"]:
    cases.append((ISO, "postgres", "UTC", "interval " + rng, "1 year 2 months 3 days 04:05:06.789"))
    cases.append((ISO, "postgres", "UTC", "interval " + rng, "5"))
    cases.append((ISO, "postgres", "UTC", "interval " + rng, "1 2"))
    cases.append((ISO, "postgres", "UTC", "interval " + rng, "12:34"))


def c_str(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        elif ch == "\n":
            out += "\\n"
        else:
            out += ch
    return out + '"'


def sql_lit(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    subprocess.run(PSQL, input=HELPER, text=True, check=True)
    rows = []
    for (ds, ist, tz, typ, inp) in cases:
        expr = "%s::%s" % (sql_lit(inp), typ)
        rows.append("SELECT t_case(%s, %s, %s, %s);" % (sql_lit(ds), sql_lit(ist), sql_lit(tz), sql_lit(expr)))
    res = subprocess.run(PSQL + ["-At"], input="\n".join(rows) + "\n", text=True,
                         capture_output=True, check=True)
    results = res.stdout.split("\n")
    assert len(results) >= len(cases), (len(results), len(cases))
    print("/* Generated by test_datetime_gen.py from PostgreSQL 15; do not edit. */")
    print('#include "test_datetime_cases.h"')
    print("const DtCase dt_cases[] = {")
    for (ds, ist, tz, typ, inp), r in zip(cases, results):
        print("\t{%s, %s, %s, %s, %s, %s}," % (c_str(ds), c_str(ist), c_str(tz), c_str(typ),
                                               c_str(inp), c_str(r)))
    print("};")
    print("const int dt_ncases = sizeof(dt_cases) / sizeof(dt_cases[0]);")


main()
