/*
 * server_int.h — interfaces between the files of src/server (main thread
 * start-up code, listener, workers, TLS).  Not for other layers.
 */
#ifndef MEMGRES_SERVER_INT_H
#define MEMGRES_SERVER_INT_H

#include <stdbool.h>
#include <sys/socket.h>

#include <event2/event.h>

#include <memgres/error.h>
#include <memgres/sqlstate.h>

/* The command line (config.c). */
typedef struct ServerOptions {
	const char *data_dir;		/* NULL with --in-memory */
	bool		in_memory;
	int			threads;		/* 0: number of cores */
	const char *ssl_cert;
	const char *ssl_key;
	const char *config_file;
	int			nsettings;		/* -c and the flags that map to settings, in order */
	const char **names;
	const char **values;
} ServerOptions;

/* Returns 0 to run, 1 to exit successfully (--help, --version), -1 on error
 * (message already printed). */
int			options_parse(int argc, char **argv, ServerOptions *opts);
void		options_free(ServerOptions *opts);

/* worker.c (main thread) */
int			workers_start(int n, MgError *err);
void		workers_dispatch(int fd, const struct sockaddr *addr, socklen_t addrlen, bool is_unix);
/* True when every worker has been running one piece of work for over 1 ms. */
bool		workers_all_busy(void);
void		workers_stop(void);

/* listener.c (main thread) */
int			listeners_start(struct event_base *base, MgError *err);
void		listeners_stop(void);
/* True if every address in listen_addresses is a loopback one. */
bool		listen_is_loopback_only(const char *addrs);

#endif
