/* log.c — PostgreSQL-style log lines on stderr (see log.h). */
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <memgres/log.h>

MgSeverity	mg_log_min_severity = MG_SEV_LOG;

static void
log_line(MgSeverity sev, const char *label, const char *fmt, va_list ap)
{
	char		buf[4096];
	struct timeval tv;
	struct tm	tm;
	size_t		n;
	int			m;

	if (sev < mg_log_min_severity && sev != MG_SEV_NONE)
		return;
	gettimeofday(&tv, NULL);
	gmtime_r(&tv.tv_sec, &tm);
	n = strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	m = snprintf(buf + n, sizeof(buf) - n, ".%03d UTC [%d] %s:  ",
				 (int) (tv.tv_usec / 1000), (int) getpid(), label);
	if (m > 0)
		n += (size_t) m;
	if (n < sizeof(buf))
	{
		m = vsnprintf(buf + n, sizeof(buf) - n, fmt, ap);
		if (m > 0)
			n += (size_t) m;
	}
	if (n > sizeof(buf) - 2)
		n = sizeof(buf) - 2;
	buf[n++] = '\n';
	(void) !write(STDERR_FILENO, buf, n);
}

void
mg_log(MgSeverity sev, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	log_line(sev, mg_severity_name(sev), fmt, ap);
	va_end(ap);
}

static void
log_aux(MgSeverity sev, const char *label, const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	log_line(sev, label, fmt, ap);
	va_end(ap);
}

void
mg_log_error(const MgError *e)
{
	if (e->severity < mg_log_min_severity)
		return;
	mg_log(e->severity, "%s", e->message ? e->message : "");
	if (e->detail)
		log_aux(e->severity, "DETAIL", "%s", e->detail);
	if (e->hint)
		log_aux(e->severity, "HINT", "%s", e->hint);
	if (e->context)
		log_aux(e->severity, "CONTEXT", "%s", e->context);
}
