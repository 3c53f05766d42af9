/* main.c — memgres entry point: hands the command line to the server. */
#include <memgres/server.h>

int
main(int argc, char **argv)
{
	return server_main(argc, argv);
}
