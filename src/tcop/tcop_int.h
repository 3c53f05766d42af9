/*
 * tcop_int.h — the Tcop's insides, shared by the files of src/tcop:
 * tcop.c (dispatch, simple query), extended.c (Parse/Bind/Describe/
 * Execute/Close/Sync), dest.c (result rows, COPY framing, notices).
 */
#ifndef MEMGRES_TCOP_INT_H
#define MEMGRES_TCOP_INT_H

#include <memgres/arena.h>
#include <memgres/protocol.h>
#include <memgres/sql.h>
#include <memgres/tcop.h>
#include <memgres/types.h>

/* A prepared statement of the extended protocol ("" is the unnamed one). */
typedef struct TcopStmt {
	struct TcopStmt *next;
	char	   *name;			/* malloc'd */
	Arena		arena;			/* the statement's life: query, parse tree, plan */
	const SqlStmt *stmt;		/* NULL: empty query string */
	SqlPrepared *prep;			/* NULL: empty query string */
	int			refs;			/* 1 for the list + 1 per portal using it */
	bool		closed;			/* removed from the list, freed with its last portal */
} TcopStmt;

/* A portal of the extended protocol ("" is the unnamed one). */
typedef struct TcopPortal {
	struct TcopPortal *next;
	char	   *name;			/* malloc'd */
	Arena		arena;			/* parameters, formats, executor state */
	TcopStmt   *stmt;			/* holds a reference */
	SqlPortal  *portal;			/* NULL: empty query */
	int			nformats;		/* result format codes, one per column (or 0) */
	int16_t    *formats;
	bool		done;			/* ran to completion */
	char	   *tag;			/* the CommandComplete tag once done (arena) */
} TcopPortal;

typedef enum RunKind {
	RUN_NONE,
	RUN_SIMPLE,					/* a statement of a simple Query */
	RUN_EXECUTE					/* an Execute message */
} RunKind;

/* The portal being run, kept across TCOP_BLOCKED/TCOP_WAIT. */
typedef struct TcopRun {
	RunKind		kind;
	SqlPortal  *portal;
	TcopPortal *tp;				/* RUN_EXECUTE */
	int64_t		max_rows;		/* RUN_EXECUTE: 0 = all */
	int64_t		rows;			/* rows sent by this run */
	int			nformats;
	const int16_t *formats;
	bool		copy_out;		/* CopyOutResponse sent */
	bool		copy_in;		/* CopyInResponse sent: expecting CopyData */
} TcopRun;

struct Tcop {
	SqlSession *sql;
	GucSession *gucs;
	TcopIO		io;
	SqlDest		dest;
	Arena		row_arena;		/* output conversion of one row */
	int64_t		turn_rows;		/* rows since the last yield */

	/* simple Query */
	Arena		query_arena;	/* the query text and its statements */
	Arena		stmt_arena;		/* plan and portal of the current statement */
	SqlStmt   **stmts;
	int			nstmts;
	int			cur;
	bool		in_simple;

	TcopRun		run;
	/*
	 * The error slot handed to every sql_portal_run/copy call: it lives as
	 * long as the Tcop, so an executor that keeps the pointer from its
	 * first call still writes somewhere valid when resumed.
	 */
	MgError		run_err;

	/* extended protocol */
	TcopStmt   *stmts_list;
	TcopPortal *portals;
	bool		skip_till_sync;
	bool		in_batch;		/* implicit block open since the last Sync */
};

/* tcop.c */
void		tcop_clear_interrupt(Tcop *t);
void		tcop_send_error(Tcop *t, MgError *e);
/* Runs t->run until it finishes or must stop; SQL_DONE/SUSPENDED/BLOCKED/WAIT/COPY_IN/ERROR. */
SqlRunResult tcop_run_portal(Tcop *t, MgError *err);
void		tcop_run_reset(Tcop *t);

/* extended.c */
TcopResult	ext_parse(Tcop *t, const char *body, size_t len);
TcopResult	ext_bind(Tcop *t, const char *body, size_t len);
TcopResult	ext_describe(Tcop *t, const char *body, size_t len);
TcopResult	ext_execute(Tcop *t, const char *body, size_t len);
TcopResult	ext_close(Tcop *t, const char *body, size_t len);
TcopResult	ext_sync(Tcop *t);
/* Continues an Execute after BLOCKED/WAIT. */
TcopResult	ext_continue(Tcop *t);
/* Handles a run result of the Execute's portal (also the end of its COPY FROM STDIN). */
TcopResult	execute_after_run(Tcop *t, SqlRunResult rr, MgError *e);
/* An error in the extended protocol: ErrorResponse, abort, skip till Sync. */
TcopResult	ext_fail(Tcop *t, MgError *e);
void		ext_free_all(Tcop *t);
void		ext_drop_portals(Tcop *t);

/* dest.c */
void		dest_init(Tcop *t);
void		dest_row_description(Tcop *t, const SqlTupleDesc *desc, int nformats, const int16_t *formats);
void		dest_notice_hook(void *arg, const MgError *notice);
void		eval_ctx_init(Tcop *t, EvalCtx *ctx, Arena *a, MgError *err);

#endif
