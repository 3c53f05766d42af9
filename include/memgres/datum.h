/*
 * datum.h — the value representation shared by the SQL layer, the protocol
 * (for parameters and results) and storage (tuples).
 *
 * A Datum is one machine word.  Types whose MgType.byval is true keep their
 * value in the word itself: bool, "char", int2, int4, int8, float4 (bits), float8
 * (bits), oid, void, date (int32 days since 2000-01-01), time (int64 µs),
 * timestamp and timestamptz (int64 µs since 2000-01-01 00:00 UTC), regclass.
 * Every other type is by reference: the word is a pointer to a Varlena
 * (4-byte length + bytes), whatever the type's internal layout (numeric,
 * text, bytea, uuid, interval, json, jsonb, arrays, name ...).
 *
 * Memory: a by-reference Datum points either into an arena of the running
 * statement or into an immutable stored tuple; the holder never frees it.
 * NULL is not a Datum value: it travels beside the Datum as a bool.
 */
#ifndef MEMGRES_DATUM_H
#define MEMGRES_DATUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef uintptr_t Datum;
typedef uint32_t Oid;

#define InvalidOid ((Oid) 0)

typedef struct Varlena {
	uint32_t	len;		/* bytes in data[], header excluded */
	char		data[];
} Varlena;

#define VARLENA_HDRSZ ((size_t) sizeof(uint32_t))
#define VARSIZE_TOTAL(v) (VARLENA_HDRSZ + (v)->len)

static inline Datum BoolGetDatum(bool b) { return (Datum) (b ? 1 : 0); }
static inline bool DatumGetBool(Datum d) { return d != 0; }
static inline Datum Int16GetDatum(int16_t v) { return (Datum) (intptr_t) v; }
static inline int16_t DatumGetInt16(Datum d) { return (int16_t) d; }
static inline Datum Int32GetDatum(int32_t v) { return (Datum) (intptr_t) v; }
static inline int32_t DatumGetInt32(Datum d) { return (int32_t) d; }
static inline Datum Int64GetDatum(int64_t v) { return (Datum) v; }
static inline int64_t DatumGetInt64(Datum d) { return (int64_t) d; }
static inline Datum ObjectIdGetDatum(Oid v) { return (Datum) v; }
static inline Oid DatumGetObjectId(Datum d) { return (Oid) d; }
static inline Datum PointerGetDatum(const void *p) { return (Datum) p; }
static inline void *DatumGetPointer(Datum d) { return (void *) d; }
static inline Varlena *DatumGetVarlena(Datum d) { return (Varlena *) d; }

static inline Datum
Float4GetDatum(float f)
{
	uint32_t	u;

	memcpy(&u, &f, sizeof(u));
	return (Datum) u;
}
static inline float
DatumGetFloat4(Datum d)
{
	uint32_t	u = (uint32_t) d;
	float		f;

	memcpy(&f, &u, sizeof(f));
	return f;
}
static inline Datum
Float8GetDatum(double f)
{
	uint64_t	u;

	memcpy(&u, &f, sizeof(u));
	return (Datum) u;
}
static inline double
DatumGetFloat8(Datum d)
{
	uint64_t	u = (uint64_t) d;
	double		f;

	memcpy(&f, &u, sizeof(f));
	return f;
}

/* PostgreSQL's type OIDs (pg_type.oid), so RowDescription and the catalog agree. */
#define BOOLOID			16
#define BYTEAOID		17
#define CHAROID			18
#define NAMEOID			19
#define INT8OID			20
#define INT2OID			21
#define INT2VECTOROID	22
#define INT4OID			23
#define REGPROCOID		24
#define TEXTOID			25
#define OIDOID			26
#define OIDVECTOROID	30
#define JSONOID			114
#define XMLOID			142
#define FLOAT4OID		700
#define FLOAT8OID		701
#define UNKNOWNOID		705
#define BPCHAROID		1042
#define VARCHAROID		1043
#define DATEOID			1082
#define TIMEOID			1083
#define TIMESTAMPOID	1114
#define TIMESTAMPTZOID	1184
#define INTERVALOID		1186
#define TIMETZOID		1266
#define BITOID			1560
#define VARBITOID		1562
#define NUMERICOID		1700
#define REGPROCEDUREOID 2202
#define REGOPEROID		2203
#define REGCLASSOID		2205
#define REGTYPEOID		2206
#define RECORDOID		2249
#define CSTRINGOID		2275
#define ANYOID			2276
#define ANYARRAYOID		2277
#define VOIDOID			2278
#define TRIGGEROID		2279
#define ANYELEMENTOID	2283
#define ANYNONARRAYOID	2776
#define UUIDOID			2950
#define JSONBOID		3802
#define REGNAMESPACEOID 4089
#define REGROLEOID		4096
/* Array types. */
#define BOOLARRAYOID	1000
#define BYTEAARRAYOID	1001
#define CHARARRAYOID	1002
#define NAMEARRAYOID	1003
#define INT2ARRAYOID	1005
#define INT4ARRAYOID	1007
#define TEXTARRAYOID	1009
#define OIDARRAYOID		1028
#define BPCHARARRAYOID	1014
#define VARCHARARRAYOID 1015
#define INT8ARRAYOID	1016
#define FLOAT4ARRAYOID	1021
#define FLOAT8ARRAYOID	1022
#define TIMESTAMPARRAYOID 1115
#define DATEARRAYOID	1182
#define TIMEARRAYOID	1183
#define TIMESTAMPTZARRAYOID 1185
#define INTERVALARRAYOID 1187
#define NUMERICARRAYOID 1231
#define BITARRAYOID		1561
#define VARBITARRAYOID	1563
#define UUIDARRAYOID	2951
#define JSONARRAYOID	199
#define JSONBARRAYOID	3807
#define REGCLASSARRAYOID 2210
#define REGTYPEARRAYOID 2211
#define TIMETZARRAYOID	1270
#define INT2VECTORARRAYOID 1006
#define OIDVECTORARRAYOID 1013

#endif
