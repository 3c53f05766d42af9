/*
 * server.h — process start-up: configuration, listener, worker threads,
 * signals.
 *
 * server_main() runs on the main thread.  It parses the command line
 * (-p/--port, -h/--listen, -k/--unix-socket-dir, -D/--data-dir,
 * --in-memory, --threads, --ssl-cert/--ssl-key, -c name=value, --config,
 * --max-memory, --version, --help) and the environment (POSTGRES_USER,
 * POSTGRES_PASSWORD, POSTGRES_DB), locks the data directory, starts the
 * SQL engine, listens, runs the worker threads, and returns the process
 * exit status: 0 after a clean shutdown on SIGINT/SIGTERM (or --help,
 * --version), 1 when start-up fails (the reason is logged as FATAL on
 * stderr).  It owns everything it creates and frees it before returning.
 */
#ifndef MEMGRES_SERVER_H
#define MEMGRES_SERVER_H

int			server_main(int argc, char **argv);

#endif
