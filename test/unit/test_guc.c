/*
 * test_guc.c — settings: defaults, SET/SHOW canonical forms and errors as
 * PostgreSQL 15 prints them, RESET, custom dotted names, report bits.
 */
#include <stdlib.h>
#include <string.h>

#include <memgres/guc.h>
#include "tap.h"

static GucSession s;

static void
set_show(const char *name, const char *value, const char *expect)
{
	MgError		err = MG_ERROR_INIT;
	const char *got;

	if (guc_set(&s, name, value, &err) < 0)
	{
		ok(0, "SET %s = '%s': %s", name, value, err.message);
		mg_error_reset(&err);
		return;
	}
	got = guc_show(&s, name, &err);
	ok(got && strcmp(got, expect) == 0, "SET %s = '%s' shows '%s' (got '%s')", name, value, expect,
	   got ? got : "(null)");
	mg_error_reset(&err);
}

static void
set_fails(const char *name, const char *value, const char *sqlstate, const char *msg)
{
	MgError		err = MG_ERROR_INIT;
	int			rc = guc_set(&s, name, value, &err);

	ok(rc < 0 && strcmp(err.sqlstate, sqlstate) == 0 && strcmp(err.message, msg) == 0,
	   "SET %s = '%s' fails: %s (got %s %s)", name, value, msg, err.sqlstate,
	   err.message ? err.message : "");
	mg_error_reset(&err);
}

int
main(void)
{
	MgError		err = MG_ERROR_INIT;

	unsetenv("TZ");
	guc_server_init();
	guc_session_init(&s);
	ok(strcmp(guc_str(&s, GUC_SERVER_VERSION), "15.0 (memgres 0.1.0)") == 0, "server_version");
	ok(guc_int(&s, GUC_SERVER_VERSION_NUM) == 150000, "server_version_num");
	ok(strcmp(guc_str(&s, GUC_DATESTYLE), "ISO, MDY") == 0, "DateStyle default");
	ok(strcmp(guc_str(&s, GUC_TIMEZONE), "UTC") == 0, "TimeZone default");
	ok(strcmp(guc_str(&s, GUC_SEARCH_PATH), "\"$user\", public") == 0, "search_path default");
	ok(guc_int(&s, GUC_MAX_MESSAGE_SIZE) == 1073741823, "max_message_size default");
	ok(guc_int(&s, GUC_AUTHENTICATION_TIMEOUT) == 60, "authentication_timeout is 60 s");
	ok(strcmp(guc_str(&s, GUC_AUTHENTICATION_TIMEOUT), "1min") == 0, "authentication_timeout shows 1min");
	ok(strcmp(guc_str(&s, GUC_WORK_MEM), "4MB") == 0, "work_mem shows 4MB");
	ok(strcmp(guc_str(&s, GUC_EFFECTIVE_CACHE_SIZE), "4GB") == 0, "effective_cache_size shows 4GB");
	ok(strcmp(guc_str(&s, GUC_LOG_MIN_DURATION_STATEMENT), "-1") == 0, "log_min_duration_statement -1");

	set_show("statement_timeout", "5s", "5s");
	ok(guc_int(&s, GUC_STATEMENT_TIMEOUT) == 5000, "statement_timeout in ms");
	set_show("statement_timeout", "1500", "1500ms");
	set_show("statement_timeout", "60s", "1min");
	set_show("statement_timeout", "5 min", "5min");
	set_show("statement_timeout", "0", "0");
	set_fails("statement_timeout", "abc", "22023", "invalid value for parameter \"statement_timeout\": \"abc\"");
	set_fails("statement_timeout", "5x", "22023", "invalid value for parameter \"statement_timeout\": \"5x\"");
	set_fails("statement_timeout", "-5", "22023",
			  "-5 ms is outside the valid range for parameter \"statement_timeout\" (0 .. 2147483647)");
	set_show("work_mem", "64MB", "64MB");
	set_show("work_mem", "65537", "65537kB");
	set_show("datestyle", "iso", "ISO, MDY");
	set_show("DateStyle", "german", "German, DMY");
	set_show("DateStyle", "sql, dmy", "SQL, DMY");
	set_show("DateStyle", "postgres", "Postgres, DMY");
	set_fails("DateStyle", "iso, sql", "22023", "invalid value for parameter \"DateStyle\": \"iso, sql\"");
	set_fails("DateStyle", "foo", "22023", "invalid value for parameter \"DateStyle\": \"foo\"");
	set_show("timezone", "utc", "UTC");
	set_show("TimeZone", "america/new_york", "America/New_York");
	set_show("TimeZone", "5", "<+05>-05");
	set_show("TimeZone", "-5.5", "<-05:30>+05:30");
	set_fails("TimeZone", "foo/bar", "22023", "invalid value for parameter \"TimeZone\": \"foo/bar\"");
	set_fails("TimeZone", "../../etc/passwd", "22023",
			  "invalid value for parameter \"TimeZone\": \"../../etc/passwd\"");
	set_show("jit", "of", "off");
	set_show("jit", "TRUE", "on");
	set_fails("jit", "maybe", "22023", "parameter \"jit\" requires a Boolean value");
	set_fails("client_min_messages", "foo", "22023", "invalid value for parameter \"client_min_messages\": \"foo\"");
	set_show("client_min_messages", "WARNING", "warning");
	set_show("client_min_messages", "DEBUG", "debug2");
	set_show("intervalstyle", "ISO_8601", "iso_8601");
	set_show("client_encoding", "utf-8", "UTF8");
	set_show("client_encoding", "sql_ascii", "SQL_ASCII");
	set_show("client_encoding", "UTF8", "UTF8");
	set_fails("client_encoding", "latin1", "0A000", "conversion between latin1 and UTF8 is not supported");
	set_fails("extra_float_digits", "5", "22023",
			  "5 is outside the valid range for parameter \"extra_float_digits\" (-15 .. 3)");
	set_show("random_page_cost", "1.5", "1.5");
	set_fails("server_version", "1", "55P02", "parameter \"server_version\" cannot be changed");
	set_fails("port", "1", "55P02", "parameter \"port\" cannot be changed without restarting the server");
	set_fails("foo", "1", "42704", "unrecognized configuration parameter \"foo\"");
	set_fails("log_statement", "all", "42501", "permission denied to set parameter \"log_statement\"");
	set_show("search_path", "a, \"B c\", public", "a, \"B c\", public");
	set_show("application_name", "DEFAULT", "DEFAULT");
	set_show("application_name", "h\xc3\xa9llo", "h??llo");
	set_show("application_name", "0123456789012345678901234567890123456789012345678901234567890123456789",
			 "012345678901234567890123456789012345678901234567890123456789012");
	set_show("myapp.x", "1", "1");
	set_show("MyApp.X", "2", "2");
	ok(guc_set(&s, "myapp.x", NULL, &err) == 0 && strcmp(guc_show(&s, "myapp.x", &err), "") == 0,
	   "RESET custom gives ''");
	ok(guc_show(&s, "myapp.y", &err) == NULL && strcmp(err.sqlstate, "42704") == 0, "SHOW unknown custom: 42704");
	mg_error_reset(&err);

	/* report bits and reset targets */
	s.changed_report = 0;
	set_show("application_name", "x", "x");
	ok(s.changed_report == (UINT64_C(1) << GUC_APPLICATION_NAME), "application_name change reported");
	s.changed_report = 0;
	set_show("application_name", "x", "x");
	ok(s.changed_report == 0, "unchanged value not reported");
	ok(guc_set_startup(&s, "application_name", "psql", &err) == 0, "startup application_name");
	set_show("application_name", "other", "other");
	ok(guc_set(&s, "application_name", NULL, &err) == 0 &&
	   strcmp(guc_str(&s, GUC_APPLICATION_NAME), "psql") == 0, "RESET restores the startup value");
	set_show("work_mem", "1GB", "1GB");
	ok(guc_set(&s, "all", NULL, &err) == 0 && strcmp(guc_str(&s, GUC_WORK_MEM), "4MB") == 0, "RESET ALL");
	guc_session_force(&s, GUC_IS_SUPERUSER, "on");
	set_show("log_statement", "all", "all");
	ok(strcmp(guc_canonical_name(&s, "datestyle"), "DateStyle") == 0, "canonical name");

	{
		GucSession	c = {0};

		guc_session_copy(&c, &s);
		ok(strcmp(guc_str(&c, GUC_LOG_STATEMENT), "all") == 0, "session copy");
		guc_session_free(&c);
	}
	guc_session_free(&s);
	return tap_done();
}
