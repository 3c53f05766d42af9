/* server.c — placeholder until the listener and workers land. */
#include <stdio.h>
#include <memgres/server.h>

int
server_main(int argc, char **argv)
{
	(void) argc;
	(void) argv;
	fputs("memgres: not yet runnable\n", stderr);
	return 1;
}
