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
DECLARE r text; st text; msg text; hint text; det text;
BEGIN
  PERFORM set_config('datestyle', ds, true);
  PERFORM set_config('intervalstyle', ist, true);
  PERFORM set_config('timezone', tz, true);
  EXECUTE 'SELECT CASE WHEN x IS NULL THEN ''<NULL>'' ELSE format(''%s'', x) END FROM (SELECT (' || expr || ') AS x) s' INTO r;
  RETURN 'OK:' || r;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, hint = PG_EXCEPTION_HINT, det = PG_EXCEPTION_DETAIL;
  RETURN 'ERR:' || st || ':' || msg || CASE WHEN det <> '' THEN ':DETAIL:' || det ELSE '' END
         || CASE WHEN hint <> '' THEN ':HINT:' || hint ELSE '' END;
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
TIMETZ_INPUTS = ["04:05:06.789-8", "04:05:06+05:30", "04:05 PM PST", "04:05:06 America/New_York",
                 "2024-07-01 04:05:06 America/New_York", "04:05:06", "04:05:06z", "allballs", "24:00:00+01",
                 "04:05:06+16", "04:05:06 Foo/Bar", "abc", "040506-0800", "04:05:06.123456789+00"]
for s in TIMETZ_INPUTS:
    for tz in ["UTC", "Asia/Kolkata"]:  # zones without DST: a bare time takes today's offset
        cases.append((ISO, "postgres", tz, "timetz", s))
for ds in ["SQL, MDY", "Postgres, MDY", "German, DMY"]:
    cases.append((ds, "postgres", "UTC", "timetz", "04:05:06+05:30"))
for s in ["04:05:06.789+02", "04:05:06.5-03:30"]:
    for p in range(0, 3):
        cases.append((ISO, "postgres", "UTC", "timetz(%d)" % p, s))
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


# Function and operator cases: (datestyle, timezone, kind, name, [(type, value), ...])
FCASES = []
def fn(name, *args, tz="UTC", ds=ISO):
    FCASES.append((ds, tz, "f", name, list(args)))
def cast(target, a, tz="UTC", ds=ISO):
    FCASES.append((ds, tz, "c", target, [a]))
def op(name, l, r, tz="UTC", ds=ISO):
    FCASES.append((ds, tz, "o", name, [a for a in (l, r) if a is not None]))
TS = "timestamp"; TZ = "timestamptz"; D = "date"; T = "time"; IV = "interval"; TX = "text"
I4 = "int4"; F8 = "float8"
for u in ["microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month",
          "quarter", "year", "decade", "century", "millennium", "dow", "isodow", "doy",
          "isoyear", "epoch", "julian", "timezone", "timezone_hour", "timezone_m", "foo", "DAY", "secs"]:
    for v in ["2024-03-10 07:30:15.25", "0044-03-15 12:00:00.5 BC", "2021-01-03 00:00", "infinity"]:
        fn("extract", (TX, u), (TS, v))
        fn("date_part", (TX, u), (TS, v))
        fn("extract", (TX, u), (TZ, v), tz="America/New_York")
        fn("date_part", (TX, u), (TZ, v), tz="Asia/Kolkata")
    fn("extract", (TX, u), (D, "2020-02-29"))
    fn("date_part", (TX, u), (D, "2020-02-29"))
    fn("extract", (TX, u), (T, "13:45:12.5"))
    fn("date_part", (TX, u), (T, "13:45:12.5"))
    fn("extract", (TX, u), (IV, "1 year 14 months -3 days 25:59:07.123"))
    fn("date_part", (TX, u), (IV, "-1 year 2 mons 3 days 04:05:06.5"))
for u in ["microseconds", "milliseconds", "second", "minute", "hour", "day", "week", "month",
          "quarter", "year", "decade", "century", "millennium", "dow", "bogus"]:
    for v in ["2024-03-10 07:30:15.123456", "1999-12-31 23:59:59.999", "0001-06-15 BC 10:00", "2004-02-29"]:
        fn("date_trunc", (TX, u), (TS, v))
        fn("date_trunc", (TX, u), (TZ, v), tz="America/New_York")
    fn("date_trunc", (TX, u), (TZ, "2024-10-27 02:30+00"), tz="Europe/Berlin")
    fn("date_trunc", (TX, u), (TZ, "2024-10-27 02:30+00"), (TX, "Asia/Tokyo"), tz="Europe/Berlin")
    fn("date_trunc", (TX, u), (IV, "1234 years 11 mons 29 days 23:59:59.987654"))
for a, b in [("2024-03-31", "2024-01-31"), ("2001-04-10", "1957-06-13"), ("2000-02-29", "2001-03-01 12:00"),
             ("1999-01-01", "2000-12-31 23:59:59.5"), ("2024-03-10 12:00", "2024-03-09 12:00")]:
    fn("age", (TS, a), (TS, b))
    fn("age", (TZ, a), (TZ, b), tz="America/New_York")
for y, m, d in [(2013, 7, 15), (-44, 3, 15), (2023, 2, 29), (0, 1, 1), (2024, 13, 1), (5874898, 1, 1)]:
    fn("make_date", (I4, str(y)), (I4, str(m)), (I4, str(d)))
for h, m, s in [(8, 15, "23.5"), (24, 0, "0"), (24, 0, "0.1"), (-1, 0, "0"), (12, 60, "0"), (23, 59, "59.9999999")]:
    fn("make_time", (I4, str(h)), (I4, str(m)), (F8, s))
fn("make_timestamp", (I4, "2013"), (I4, "7"), (I4, "15"), (I4, "8"), (I4, "15"), (F8, "23.5"))
fn("make_timestamp", (I4, "-44"), (I4, "3"), (I4, "15"), (I4, "12"), (I4, "0"), (F8, "0"))
fn("make_timestamptz", (I4, "2024"), (I4, "3"), (I4, "10"), (I4, "2"), (I4, "30"), (F8, "0"), tz="America/New_York")
fn("make_timestamptz", (I4, "2024"), (I4, "7"), (I4, "1"), (I4, "12"), (I4, "0"), (F8, "0"), (TX, "Europe/Berlin"), tz="America/New_York")
fn("make_interval", (I4, "1"), (I4, "2"), (I4, "3"), (I4, "4"), (I4, "5"), (I4, "6"), (F8, "7.5"))
fn("make_interval", (I4, "1"), (I4, "2"))
fn("make_interval")
for v in ["0", "1284352323.5", "-1", "1e20", "'Infinity'", "'NaN'"]:
    fn("to_timestamp", (F8, v.strip("'")), tz="Europe/Berlin")
for v in ["35 days 25:00:00", "-35 days 25:00:00", "1 mon -1 day", "-1 mon 50 days -50:00:00", "29 days 23:59:59"]:
    fn("justify_days", (IV, v)); fn("justify_hours", (IV, v)); fn("justify_interval", (IV, v))
for t, v in [(D, "infinity"), (D, "2000-01-01"), (TS, "-infinity"), (TZ, "2000-01-01"), (IV, "1 day")]:
    fn("isfinite", (t, v))
for z in ["UTC", "America/New_York", "EST", "europe/berlin", "+05", "-03:30", "UTC+3", "Foo/Bar", "MSK", "<+03>-03"]:
    fn("timezone", (TX, z), (TZ, "2024-07-01 12:00+00"))
    fn("timezone", (TX, z), (TS, "2024-03-10 02:30"), tz="America/New_York")
fn("timezone", (IV, "05:30"), (TZ, "2024-07-01 12:00+00"))
fn("timezone", (IV, "-05:30"), (TS, "2024-07-01 12:00"))
fn("timezone", (IV, "1 day"), (TS, "2024-07-01 12:00"))
fn("date_bin", (IV, "15 minutes"), (TS, "2020-02-11 15:44:17"), (TS, "2001-01-01"))
fn("date_bin", (IV, "15 minutes"), (TS, "2020-02-11 15:44:17"), (TS, "2001-01-01 00:02:30"))
fn("date_bin", (IV, "1 month"), (TS, "2020-02-11 15:44:17"), (TS, "2001-01-01"))
fn("date_bin", (IV, "0 days"), (TS, "2020-02-11 15:44:17"), (TS, "2001-01-01"))
fn("date_bin", (IV, "1 hour"), (TS, "1999-02-11 15:44:17"), (TS, "2001-01-01"))
# operators
op("+", (D, "2000-02-28"), (I4, "1")); op("+", (I4, "366"), (D, "2000-01-01")); op("-", (D, "2000-03-01"), (I4, "1"))
op("-", (D, "2000-03-01"), (D, "1999-03-01")); op("-", (D, "infinity"), (D, "1999-03-01")); op("+", (D, "5874897-12-31"), (I4, "1"))
op("+", (D, "2000-01-31"), (IV, "1 month")); op("-", (D, "2000-03-31"), (IV, "1 month 1 hour")); op("+", (D, "2000-01-01"), (T, "12:34"))
for tz in ["UTC", "America/New_York", "Europe/Berlin"]:
    op("+", (TZ, "2024-03-09 12:00"), (IV, "1 day"), tz=tz)
    op("+", (TZ, "2024-03-09 12:00"), (IV, "24 hours"), tz=tz)
    op("+", (TZ, "2024-01-31 02:30"), (IV, "1 mon 1 day 1 hour"), tz=tz)
    op("-", (TZ, "2024-11-04 00:00"), (IV, "1 day"), tz=tz)
    op("-", (TZ, "2024-11-04 00:00"), (TZ, "2024-11-03 00:00"), tz=tz)
    op("-", (TZ, "2024-03-31 12:00"), (TZ, "2024-03-30 12:00"), tz=tz)
op("+", (TS, "2000-01-31 10:00"), (IV, "1 mon")); op("+", (TS, "2000-02-29"), (IV, "1 year")); op("-", (TS, "2000-03-31"), (IV, "1 mon 2 days 3 hours"))
op("+", (IV, "1 day"), (TS, "2000-01-01")); op("-", (TS, "2000-01-01"), (TS, "1999-12-30 01:02:03.5")); op("-", (TS, "1999-12-30"), (TS, "2000-01-01 01:00"))
op("-", (TS, "infinity"), (TS, "2000-01-01")); op("+", (TS, "infinity"), (IV, "1 day")); op("+", (TS, "294276-12-31"), (IV, "1 day"))
op("-", (T, "12:00"), (T, "13:30:00.5")); op("+", (T, "23:00"), (IV, "2 hours")); op("-", (T, "01:00"), (IV, "2 hours"))
op("+", (IV, "1 day 2 hours"), (IV, "-3 hours")); op("-", (IV, "1 mon"), (IV, "1 day")); op("-", None, (IV, "1 year -2 days 03:00"))
for f in ["2", "0.5", "1.5", "-0.3333", "1e10", "0.001"]:
    op("*", (IV, "1 mon 1 day 01:00:01"), (F8, f)); op("/", (IV, "1 mon 1 day 01:00:01"), (F8, f))
op("/", (IV, "1 day"), (F8, "0")); op("*", (F8, "3"), (IV, "1 hour"))
for a, b in [("1 mon", "30 days"), ("1 day", "24 hours"), ("1 year", "360 days"), ("-1 day", "1 hour")]:
    for o in ["=", "<", ">", "<>", "<=", ">="]:
        op(o, (IV, a), (IV, b))
for o in ["=", "<", ">="]:
    op(o, (D, "2000-01-01"), (D, "infinity")); op(o, (TS, "2000-01-01"), (TS, "-infinity"))
    op(o, (T, "10:00"), (T, "10:00:00.000001")); op(o, (TZ, "2000-01-01 00:00+02"), (TZ, "1999-12-31 22:00+00"))


FMTS = ["YYYY-MM-DD HH24:MI:SS.US", "FMMonth FMDDth, YYYY", "Day Dy DAY dy MONTH Mon mon month",
        "HH12:MI AM a.m. P.M. pm", "\"Quarter\" Q, WW W DDD D J", "IYYY-IW-ID IDDD IY I", "Y,YYY YYY YY Y CC",
        "SSSS SSSSS MS FF1 FF3 FF6", "TZ tz TZH:TZM OF", "RM rm FMRM", "DDth DDTH FMDDth Dth",
        "\\\"x\\\" \"a\\\"b\" HH", "TMMonth TMDay", "FXYYYY", "FMHH12:FMMI FMSS", "BC bc B.C. AD a.d.",
        "YYYYMMDD", "hh24miss", "FMYYYY FMMM FMDD FMHH24", ""]
for f in FMTS:
    for tz in ["Asia/Kolkata", "America/New_York"]:
        fn("to_char", (TZ, "2024-03-05 14:07:09.123456+00"), (TX, f), tz=tz)
    fn("to_char", (TS, "0044-01-02 00:00 BC"), (TX, f))
    fn("to_char", (TS, "2021-01-03 23:59:59.9"), (TX, f))
    fn("to_char", (TS, "12345-06-07 08:09:10"), (TX, f))
    fn("to_char", (IV, "1 year 2 mons 3 days 27:04:05.5"), (TX, f))
    fn("to_char", (IV, "-3 hours -4 minutes"), (TX, f))
fn("to_char", (TS, "infinity"), (TX, "YYYY"))
for src, f in [("2024-03-05 14:07:09", "YYYY-MM-DD HH24:MI:SS"), ("05 Mar 2024", "DD Mon YYYY"),
               ("March 5, 2024 2:07 PM", "Month DD, YYYY HH:MI AM"), ("20240305", "YYYYMMDD"),
               ("24-03-05", "YY-MM-DD"), ("2024-03-05 14:07:09.123", "YYYY-MM-DD HH24:MI:SS.MS"),
               ("2024-03-05 14:07:09.1234", "YYYY-MM-DD HH24:MI:SS.US"), ("2024 065", "YYYY DDD"),
               ("1999-12-31 23:59:59 +05:30", "YYYY-MM-DD HH24:MI:SS TZH:TZM"), ("44 BC", "YYYY BC"),
               ("2024-02-30", "YYYY-MM-DD"), ("2024-13-01", "YYYY-MM-DD"), ("13:00 PM", "HH:MI AM"),
               ("2451187", "J"), ("2024-Foo-01", "YYYY-Mon-DD"), ("  2024  -03- 05", "YYYY-MM-DD"),
               ("2024/03/05", "YYYY-MM-DD"), ("abc", "YYYY"), ("2024-03-05T10:11:12", "YYYY-MM-DD\"T\"HH24:MI:SS")]:
    for tz in ["UTC", "Europe/Berlin"]:
        fn("to_timestamp", (TX, src), (TX, f), tz=tz)
    fn("to_date", (TX, src), (TX, f))
for tz in ["UTC", "America/New_York", "Europe/Berlin"]:
    cast("timestamptz", (D, "2024-03-10"), tz=tz); cast("timestamptz", (TS, "2024-03-10 02:30"), tz=tz)
    cast("timestamptz", (TS, "2024-11-03 01:30"), tz=tz); cast("timestamp", (TZ, "2024-03-10 07:30+00"), tz=tz)
    cast("date", (TZ, "2024-03-10 03:30+00"), tz=tz); cast("time", (TZ, "2024-03-10 03:30:01.5+00"), tz=tz)
    cast("timestamptz", (D, "infinity"), tz=tz)
cast("timestamp", (D, "2000-02-29")); cast("date", (TS, "2000-02-29 23:59:59")); cast("time", (TS, "2000-02-29 23:59:59"))
cast("interval", (T, "12:34:56.5")); cast("time", (IV, "-1 day 01:00")); cast("time", (IV, "27:00"))
cast("date", (TS, "-infinity")); cast("timestamp", (D, "5874897-01-01"))
cast("jsonb", ("json", '{"b": 1, "a": [1, 2.50]}')); cast("json", ("jsonb", '{"b": 1, "a": [1, 2.50]}'))
for target in ["bool", "numeric", "int2", "int4", "int8", "float4", "float8"]:
    for v in ["true", "12.5", "70000", "\"s\"", "null", "[1]", "{}", "1e3"]:
        cast(target, ("jsonb", v))
# implicit casts chosen by overload resolution (date -> timestamptz is preferred)
fn("to_char", (D, "2024-03-05"), (TX, "YYYY-MM-DD HH24 TZ"), tz="America/New_York")
fn("date_trunc", (TX, "month"), (D, "2024-03-05"), tz="America/New_York")
fn("age", (D, "2024-03-05"), (D, "2023-01-31"), tz="Europe/Berlin")
fn("date_part", (TX, "epoch"), (D, "2024-03-05"), tz="America/New_York")
op("-", (D, "2024-03-05"), (IV, "1 day"), tz="Europe/Berlin")
op("<", (D, "2024-03-05"), (TS, "2024-03-05 00:00:01"))
op("=", (D, "2024-03-05"), (TZ, "2024-03-05 00:00-05"), tz="America/New_York")
op("=", (TS, "2024-03-05 00:00"), (TZ, "2024-03-05 00:00-05"), tz="America/New_York")
op("-", (D, "2024-03-05"), (TS, "2024-03-04 12:00"))
op("+", (D, "2024-03-05"), (IV, "1 hour"))
for a, b, c2, d in [("2024-01-01", "2024-01-10", "2024-01-05", "2024-01-20"), ("2024-01-10", "2024-01-01", "2024-01-10", "2024-01-20"),
                    ("2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"), ("2024-01-01", "2024-01-01", "2024-01-01", "2024-01-01")]:
    fn("overlaps", (TS, a), (TS, b), (TS, c2), (TS, d)); fn("overlaps", (TZ, a), (TZ, b), (TZ, c2), (TZ, d))
    fn("overlaps", (TS, a), (IV, "3 days"), (TS, c2), (IV, "1 day"))
fn("overlaps", (T, "10:00"), (T, "12:00"), (T, "11:00"), (T, "13:00"))
fn("overlaps", (T, "10:00"), (T, "11:00"), (T, "11:00"), (T, "13:00"))
cast("timetz", (T, "12:34:56"), tz="Asia/Kolkata"); cast("time", ("timetz", "12:34:56+03"))
cast("timetz", (TZ, "2024-07-01 12:00+00"), tz="America/New_York")
for a, b in [("12:00+01", "11:00+00"), ("12:00+01", "12:00+00"), ("10:00-05", "15:00+00"), ("23:00-02", "00:30+00")]:
    for o in ["=", "<", ">", "<>"]:
        op(o, ("timetz", a), ("timetz", b))
J = "json"; JB = "jsonb"
for a, b in [('[1,[2]]', '2'), ('[1,2]', '1'), ('1', '[1]'), ('{"a":[1,2,{"b":3}]}', '{"a":[{"b":3}]}'),
             ('{"a":1,"b":{"c":[1,2]}}', '{"b":{"c":[2]}}'), ('{"a":1}', '{"a":1.0}'), ('[1,[2,3]]', '[[3]]'),
             ('{"a":[1]}', '{"a":1}'), ('"x"', '"x"'), ('[]', '[]'), ('{}', '[]'), ('[{"a":1,"b":2}]', '[{"a":1}]')]:
    op("@>", (JB, a), (JB, b)); op("<@", (JB, b), (JB, a))
for a, b in [('1', '2'), ('{"a":1}', '1'), ('[1]', '{"b":2}'), ('{"a":1,"b":2}', '{"a":3}'), ('"s"', '[1]'), ('[]', '[]')]:
    op("||", (JB, a), (JB, b))
for j, k in [('["a",1,"a"]', 'a'), ('{"a":1,"b":2}', 'a'), ('"a"', 'a'), ('{}', 'x')]:
    op("-", (JB, j), (TX, k))
for j, i in [('[1,2,3]', '-1'), ('[1,2,3]', '5'), ('[1,2,3]', '0'), ('{"a":1}', '0'), ('1', '0')]:
    op("-", (JB, j), (I4, i))
for j, ks in [('{"a":1,"b":2}', '{x,b}'), ('{"a":1,"b":2}', '{a,b}'), ('{"a":1,"b":2}', '{a,c}'), ('["a","b"]', '{}'), ('"a"', '{a}')]:
    op("?|", (JB, j), ("_text", ks)); op("?&", (JB, j), ("_text", ks))
for j, pth in [('{"a":{"b":[1,2]},"c":1}', '{a,b,0}'), ('[1,2,3]', '{-1}'), ('{"a":1}', '{x}'), ('1', '{a}'),
               ('[1,2]', '{x}'), ('{"a":[1]}', '{a,5}'), ('{"a":1}', '{}')]:
    op("#-", (JB, j), ("_text", pth))
for j in ['{"a":1,"b":[1,2,{}],"c":{"d":[]}}', '1', '[]', '{"a": null, "b": [null, {"c": null, "d": "x"}]}']:
    fn("jsonb_pretty", (JB, j)); fn("jsonb_strip_nulls", (JB, j)); fn("json_strip_nulls", (J, j))
for j, pth, v in [('{"a":[1,2,3]}', '{a,1}', '"x"'), ('{"a":[1,2,3]}', '{a,9}', '"x"'), ('{"a":[1,2,3]}', '{a,-9}', '"x"'),
                  ('{"a":[1,2,3]}', '{a,-1}', '{"k": 1}'), ('{"a":1}', '{b}', '2'), ('{"a":1}', '{b,c}', '2'),
                  ('[1]', '{x}', '2'), ('1', '{x}', '2'), ('{"a":{"b":1}}', '{a,b}', '[1]'), ('{"a":1}', '{}', '2')]:
    fn("jsonb_set", (JB, j), ("_text", pth), (JB, v))
    fn("jsonb_set", (JB, j), ("_text", pth), (JB, v), ("bool", "false"))
for j, k in [('{"a":1}', 'a'), ('["a", 1]', 'a'), ('"a"', 'a'), ('{"b":{"a":1}}', 'a'), ('[["a"]]', 'a')]:
    op("?", (JB, j), (TX, k))
for j in ['[1, 2, [3]]', '{}', '1', '"[1]"', '[]']:
    fn("json_array_length", (J, j)); fn("jsonb_array_length", (JB, j))
for j in ['{"a": {"b": [10, "x", {"c": null}]}, "d" : "s"}', '[0, [1, 2]]']:
    for path in ["{a,b,1}", "{a,b,-1,c}", "{a,b}", "{d}", "{1,0}", "{1,x}", "{}", "{a,zz}", "{0}"]:
        for o in ["#>", "#>>"]:
            op(o, (J, j), ("_text", path)); op(o, (JB, j), ("_text", path))
JSON_INPUTS = ['{"a":1,}', 'xyz', '[1,2', '{"a" 1}', '"abc', '01', '1.', '-', '"\\u0000"', '"\\ud800"',
               '"\\ud83d\\ude00"', '{"a":tru}', '', '[1] x', '[1] 2', '"a\tb"', '"\\x"', '1e5', '-0', '1.50',
               '{"b":1,"a":2,"b":3}', ' { "aa" : [1, 2.0, {"x": null}], "b": true, "c": false } ',
               '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '[]', '{}', '[[[]]]', '"\\u00e9\\u20AC"', '{"a":\n 1,\n "b" 2}',
               '0.000001234', '-1.5E-3', '123456789012345678901234567890', '{"ab":1,"b":2,"abc":3,"a":4}',
               '[1,2,]', '{"a"}', '{1:2}', 'nul', 'true false', '"\\u12"']
for s in JSON_INPUTS:
    cases.append((ISO, "postgres", "UTC", "json", s))
    cases.append((ISO, "postgres", "UTC", "jsonb", s))
J = "json"; JB = "jsonb"
for t, v in [(I4, "42"), (F8, "1.5"), (F8, "NaN"), ("numeric", "1.50"), ("bool", "true"), (TX, 'a"b\\c\n'),
             (D, "2024-01-02"), (TS, "2024-01-02 03:04:05.5"), (TZ, "2024-01-02 03:04:05+00"),
             (D, "infinity"), (T, "12:34:56.789"), (J, '{"b": [1, 2]}'), (JB, '{"b": [1, 2]}'),
             (IV, "1 day"), ("float4", "-0"), ("int8", "-9223372036854775808")]:
    fn("to_json", (t, v), tz="Europe/Berlin")
    fn("to_jsonb", (t, v), tz="Europe/Berlin")
for v in ['{"a": 1}', '[1]', '"s"', '1.5', 'true', 'false', 'null']:
    fn("json_typeof", (J, v)); fn("jsonb_typeof", (JB, v))
fn("json_build_object", (TX, "a"), (I4, "1"), (TX, "b"), (TX, "x\"y"), (I4, "3"), (D, "2000-01-01"))
fn("jsonb_build_object", (TX, "a"), (I4, "1"), (TX, "b"), (TX, "x\"y"), (I4, "3"), (D, "2000-01-01"))
fn("json_build_object", (TX, "a"), (I4, "1"), (TX, "b"))
fn("jsonb_build_object", (TX, "b"), (JB, '{"z": 1, "a": [true]}'), (TX, "a"), (J, '[1, 2]'), (TX, "b"), (F8, "2.5"))
fn("json_build_array", (I4, "1"), (TX, "two"), (JB, '{"x": 1}'), ("bool", "false"))
fn("jsonb_build_array", (I4, "1"), (TX, "two"), (JB, '{"x": 1}'), ("bool", "false"))
fn("json_build_object"); fn("jsonb_build_array")
for t, v in [("int4[]", "{1,NULL,3}"), ("text[]", '{a,"b c"}'), ("int4[]", "{}"), ("date[]", "{2024-01-01}"),
             ("numeric[]", "{1.50,-0}"), ("bool[]", "{t,f}")]:
    fn("to_json", (t, v)); fn("to_jsonb", (t, v))
for j in ['{"a": {"b": [1, "x", null]}, "a2": "s\\n", "n": null}', '[10, "x", [1], {"k": 2}, null]', '{"a":1, "a" : 2}', '"scalar"']:
    for k in ["a", "a2", "n", "zz"]:
        op("->", (J, j), (TX, k)); op("->>", (J, j), (TX, k)); op("->", (JB, j), (TX, k)); op("->>", (JB, j), (TX, k))
    for i in ["0", "1", "-1", "3", "5", "-6"]:
        op("->", (J, j), (I4, i)); op("->>", (J, j), (I4, i)); op("->", (JB, j), (I4, i)); op("->>", (JB, j), (I4, i))
for a, b in [('{"a": 1}', '{"a": 1.0}'), ('[1, 2]', '[1, 2, 3]'), ('{"b": 1}', '{"a": 1, "b": 1}'), ('"a"', '1'),
             ('null', '"a"'), ('true', 'false'), ('[3]', '{"a": 1}'), ('{"a": 1, "b": 2}', '{"b": 2, "a": 1}'),
             ('"abc"', '"abd"'), ('"b"', '"ab"'), ('[1, "a"]', '[1, 2]'), ('{"a": [1]}', '{"a": [2]}'),
             ('[]', 'null'), ('[]', '[null]'), ('{"aa": 0}', '{"b": 0}'), ('[null]', '[[]]'), ('1', '[1]'), ('[]', '{}')]:
    for o in ["=", "<", ">"]:
        op(o, (JB, a), (JB, b))


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
    res = subprocess.run(PSQL + ["-At", "-0"], input="\n".join(rows) + "\n", text=True,
                         capture_output=True, check=True)
    results = res.stdout.split("\0")
    assert len(results) >= len(cases), (len(results), len(cases))
    print("/* Generated by test_datetime_gen.py from PostgreSQL 15; do not edit. */")
    print('#include "test_datetime_cases.h"')
    print("const DtCase dt_cases[] = {")
    for (ds, ist, tz, typ, inp), r in zip(cases, results):
        print("\t{%s, %s, %s, %s, %s, %s}," % (c_str(ds), c_str(ist), c_str(tz), c_str(typ),
                                               c_str(inp), c_str(r)))
    print("};")
    print("const int dt_ncases = sizeof(dt_cases) / sizeof(dt_cases[0]);")
    rows = []
    for (ds, tz, kind, name, args) in FCASES:
        lits = ["%s::%s" % (sql_lit(v), t) for (t, v) in args]
        if kind == "c":
            expr = "%s::%s" % (lits[0], name)
        elif kind == "f":
            expr = "%s%s(%s)" % ("pg_catalog." if name == "extract" else "", name, ", ".join(lits))
        elif len(lits) == 1:
            expr = "%s %s" % (name, lits[0])
        else:
            expr = "%s %s %s" % (lits[0], name, lits[1])
        rows.append("SELECT t_case(%s, 'postgres', %s, %s);" % (sql_lit(ds), sql_lit(tz), sql_lit(expr)))
    res = subprocess.run(PSQL + ["-At", "-0"], input="\n".join(rows) + "\n", text=True,
                         capture_output=True, check=True)
    results = res.stdout.split("\0")
    assert len(results) >= len(FCASES), (len(results), len(FCASES))
    print("const DtFnCase dt_fcases[] = {")
    for (ds, tz, kind, name, args), r in zip(FCASES, results):
        types = [c_str(t) for (t, v) in args] + ["NULL"] * (8 - len(args))
        vals = [c_str(v) for (t, v) in args] + ["NULL"] * (8 - len(args))
        print("\t{%s, %s, '%s', %s, %d, {%s}, {%s}, %s}," % (c_str(ds), c_str(tz), kind, c_str(name), len(args),
              ", ".join(types), ", ".join(vals), c_str(r)))
    print("};")
    print("const int dt_nfcases = sizeof(dt_fcases) / sizeof(dt_fcases[0]);")


main()
