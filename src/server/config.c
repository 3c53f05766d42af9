/*
 * config.c — the command line.
 *
 * Flags that correspond to settings (-p, -h, -k, -c, --max-memory) are
 * collected in order and applied after the --config file, so the command
 * line wins, as with postgres.  Runs on the main thread before anything
 * else; prints its own errors to stderr.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <memgres/mem.h>

#include "config.h"
#include "server_int.h"

#define MEMGRES_VERSION PACKAGE_VERSION

static void
usage(const char *prog)
{
	printf("memgres is an in-memory SQL server speaking the PostgreSQL 15 protocol.\n\n"
		   "Usage:\n  %s [OPTION]...\n\n"
		   "Options:\n"
		   "  -p, --port=PORT             port to listen on (default 5432)\n"
		   "  -h, --listen=ADDRS          comma-separated addresses to listen on, * for all\n"
		   "                              (default 127.0.0.1)\n"
		   "  -k, --unix-socket-dir=DIR   directory of the Unix socket (default /tmp; empty disables)\n"
		   "  -D, --data-dir=DIR          data directory (default ./memgres-data)\n"
		   "      --in-memory             no data directory at all\n"
		   "      --threads=N             worker threads (default: number of cores)\n"
		   "      --ssl-cert=FILE         server certificate (PEM); enables TLS with --ssl-key\n"
		   "      --ssl-key=FILE          server private key (PEM), mode 0600 or stricter\n"
		   "  -c NAME=VALUE               set a configuration parameter (as postgres -c)\n"
		   "      --config=FILE           read settings from a postgresql.conf-style file\n"
		   "      --max-memory=SIZE       memory limit for stored data (e.g. 2GB; 0: none)\n"
		   "  -V, --version               print the version and exit\n"
		   "  -?, --help                  show this help and exit\n\n"
		   "Environment (as the official PostgreSQL container image):\n"
		   "  POSTGRES_USER       the superuser's name (default postgres)\n"
		   "  POSTGRES_PASSWORD   its password; TCP clients then authenticate with SCRAM-SHA-256\n"
		   "  POSTGRES_DB         a database created at start-up\n", prog);
}

static void
add_setting(ServerOptions *o, const char *name, const char *value)
{
	o->names = mg_realloc(o->names, sizeof(char *) * (size_t) (o->nsettings + 1));
	o->values = mg_realloc(o->values, sizeof(char *) * (size_t) (o->nsettings + 1));
	o->names[o->nsettings] = mg_strdup(name);
	o->values[o->nsettings] = mg_strdup(value);
	o->nsettings++;
}

int
options_parse(int argc, char **argv, ServerOptions *o)
{
	enum
	{
		OPT_IN_MEMORY = 256, OPT_THREADS, OPT_SSL_CERT, OPT_SSL_KEY, OPT_CONFIG, OPT_MAX_MEMORY
	};
	static const struct option longopts[] = {
		{"port", required_argument, NULL, 'p'},
		{"listen", required_argument, NULL, 'h'},
		{"unix-socket-dir", required_argument, NULL, 'k'},
		{"data-dir", required_argument, NULL, 'D'},
		{"in-memory", no_argument, NULL, OPT_IN_MEMORY},
		{"threads", required_argument, NULL, OPT_THREADS},
		{"ssl-cert", required_argument, NULL, OPT_SSL_CERT},
		{"ssl-key", required_argument, NULL, OPT_SSL_KEY},
		{"config", required_argument, NULL, OPT_CONFIG},
		{"max-memory", required_argument, NULL, OPT_MAX_MEMORY},
		{"version", no_argument, NULL, 'V'},
		{"help", no_argument, NULL, '?'},
		{NULL, 0, NULL, 0}
	};
	const char *prog = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	int			c;

	memset(o, 0, sizeof(*o));
	o->data_dir = "./memgres-data";
	/* --help/-? and --version as postgres: only as the first argument */
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-?") == 0))
	{
		usage(prog);
		return 1;
	}
	if (argc > 1 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0))
	{
		printf("memgres (PostgreSQL) 15.0 (memgres %s)\n", MEMGRES_VERSION);
		return 1;
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "p:h:k:D:c:V?", longopts, NULL)) != -1)
	{
		switch (c)
		{
			case 'p':
				add_setting(o, "port", optarg);
				break;
			case 'h':
				add_setting(o, "listen_addresses", optarg);
				break;
			case 'k':
				add_setting(o, "unix_socket_directories", optarg);
				break;
			case 'D':
				o->data_dir = optarg;
				break;
			case OPT_IN_MEMORY:
				o->in_memory = true;
				break;
			case OPT_THREADS:
				o->threads = atoi(optarg);
				if (o->threads < 1 || o->threads > 1024)
				{
					fprintf(stderr, "%s: invalid --threads value \"%s\" (1 .. 1024)\n", prog, optarg);
					return -1;
				}
				break;
			case OPT_SSL_CERT:
				o->ssl_cert = optarg;
				break;
			case OPT_SSL_KEY:
				o->ssl_key = optarg;
				break;
			case OPT_CONFIG:
				o->config_file = optarg;
				break;
			case OPT_MAX_MEMORY:
				add_setting(o, "max_memory", optarg);
				break;
			case 'c':
				{
					char	   *eq = strchr(optarg, '=');
					char	   *name;
					char	   *p;

					if (eq == NULL)
					{
						fprintf(stderr, "%s: -c %s requires a value\n", prog, optarg);
						return -1;
					}
					name = mg_strndup(optarg, (size_t) (eq - optarg));
					for (p = name; *p; p++)
						if (*p == '-')
							*p = '_';
					add_setting(o, name, eq + 1);
					free(name);
					break;
				}
			case 'V':
				printf("memgres (PostgreSQL) 15.0 (memgres %s)\n", MEMGRES_VERSION);
				return 1;
			case '?':
				if (optopt == 0 || optopt == '?')
				{
					if (optind > 0 && strcmp(argv[optind - 1], "-?") == 0)
					{
						usage(prog);
						return 1;
					}
				}
				fprintf(stderr, "%s: invalid option: %s\n", prog, argv[optind - 1]);
				fprintf(stderr, "Try \"%s --help\" for more information.\n", prog);
				return -1;
			default:
				fprintf(stderr, "Try \"%s --help\" for more information.\n", prog);
				return -1;
		}
	}
	if (optind < argc)
	{
		fprintf(stderr, "%s: invalid argument: \"%s\"\n", prog, argv[optind]);
		fprintf(stderr, "Try \"%s --help\" for more information.\n", prog);
		return -1;
	}
	if ((o->ssl_cert == NULL) != (o->ssl_key == NULL))
	{
		fprintf(stderr, "%s: --ssl-cert and --ssl-key must be given together\n", prog);
		return -1;
	}
	return 0;
}

void
options_free(ServerOptions *o)
{
	int			i;

	for (i = 0; i < o->nsettings; i++)
	{
		free((char *) o->names[i]);
		free((char *) o->values[i]);
	}
	free(o->names);
	free(o->values);
	o->names = o->values = NULL;
	o->nsettings = 0;
}
