/*
 * server.h — process start-up: configuration, listener, worker threads,
 * signals.  server_main() runs on the main thread and returns the process
 * exit status after a clean shutdown (SIGINT/SIGTERM).
 */
#ifndef MEMGRES_SERVER_H
#define MEMGRES_SERVER_H

int			server_main(int argc, char **argv);

#endif
