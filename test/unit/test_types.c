/*
 * test_types.c — text input/output, send/recv, casts, comparison and key
 * encoding order of the scalar types.  Expected values come from
 * PostgreSQL 15 (queried as 'input'::type on the oracle server).
 */
#include <math.h>

#define NUMERIC_TYPMOD_TEST(p, s) ((int32_t) ((((p) << 16) | ((s) & 0x7ff)) + 4))

#include "test_types_common.h"

static const IoCase scalar_cases[] = {
	{"bool", "t", "t", NULL, NULL, NULL},
	{"bool", " yes ", "t", NULL, NULL, NULL},
	{"bool", "on", "t", NULL, NULL, NULL},
	{"bool", "of", "f", NULL, NULL, NULL},
	{"bool", "o", NULL, "22P02", "invalid input syntax for type boolean: \"o\"", NULL},
	{"bool", "TRUE", "t", NULL, NULL, NULL},
	{"bool", "1", "t", NULL, NULL, NULL},
	{"bool", "0", "f", NULL, NULL, NULL},
	{"bool", "maybe", NULL, "22P02", "invalid input syntax for type boolean: \"maybe\"", NULL},
	{"bool", "", NULL, "22P02", "invalid input syntax for type boolean: \"\"", NULL},
	{"int2", "32767", "32767", NULL, NULL, NULL},
	{"int2", "-32768", "-32768", NULL, NULL, NULL},
	{"int2", "32768", NULL, "22003", "value \"32768\" is out of range for type smallint", NULL},
	{"int2", " 12 ", "12", NULL, NULL, NULL},
	{"int2", "+5", "5", NULL, NULL, NULL},
	{"int2", "", NULL, "22P02", "invalid input syntax for type smallint: \"\"", NULL},
	{"int2", "1 2", NULL, "22P02", "invalid input syntax for type smallint: \"1 2\"", NULL},
	{"int4", "2147483647", "2147483647", NULL, NULL, NULL},
	{"int4", "-2147483648", "-2147483648", NULL, NULL, NULL},
	{"int4", "2147483648", NULL, "22003", "value \"2147483648\" is out of range for type integer", NULL},
	{"int4", "abc", NULL, "22P02", "invalid input syntax for type integer: \"abc\"", NULL},
	{"int4", "99999999999", NULL, "22003", "value \"99999999999\" is out of range for type integer", NULL},
	{"int4", "  -0012  ", "-12", NULL, NULL, NULL},
	{"int4", "1.5", NULL, "22P02", "invalid input syntax for type integer: \"1.5\"", NULL},
	{"int4", "-", NULL, "22P02", "invalid input syntax for type integer: \"-\"", NULL},
	{"int8", "9223372036854775807", "9223372036854775807", NULL, NULL, NULL},
	{"int8", "-9223372036854775808", "-9223372036854775808", NULL, NULL, NULL},
	{"int8", "9223372036854775808", NULL, "22003", "value \"9223372036854775808\" is out of range for type bigint", NULL},
	{"int8", "0x10", NULL, "22P02", "invalid input syntax for type bigint: \"0x10\"", NULL},
	{"float8", "1e3", "1000", NULL, NULL, NULL},
	{"float8", " 1.5 ", "1.5", NULL, NULL, NULL},
	{"float8", "Infinity", "Infinity", NULL, NULL, NULL},
	{"float8", "-inf", "-Infinity", NULL, NULL, NULL},
	{"float8", "NaN", "NaN", NULL, NULL, NULL},
	{"float8", "nan", "NaN", NULL, NULL, NULL},
	{"float8", "1e400", NULL, "22003", "\"1e400\" is out of range for type double precision", NULL},
	{"float8", "1e-400", NULL, "22003", "\"1e-400\" is out of range for type double precision", NULL},
	{"float8", "4.9e-324", "5e-324", NULL, NULL, NULL},
	{"float8", "0.1", "0.1", NULL, NULL, NULL},
	{"float8", "1e15", "1e+15", NULL, NULL, NULL},
	{"float8", "123456789012345678", "1.2345678901234568e+17", NULL, NULL, NULL},
	{"float8", "1e-5", "1e-05", NULL, NULL, NULL},
	{"float8", "0.0001", "0.0001", NULL, NULL, NULL},
	{"float8", "-0", "-0", NULL, NULL, NULL},
	{"float8", "x", NULL, "22P02", "invalid input syntax for type double precision: \"x\"", NULL},
	{"float8", "", NULL, "22P02", "invalid input syntax for type double precision: \"\"", NULL},
	{"float8", "1.7976931348623157e308", "1.7976931348623157e+308", NULL, NULL, NULL},
	{"float8", "3.14159265358979", "3.14159265358979", NULL, NULL, NULL},
	{"float8", "100", "100", NULL, NULL, NULL},
	{"float8", "2.5e-7", "2.5e-07", NULL, NULL, NULL},
	{"float4", "1e3", "1000", NULL, NULL, NULL},
	{"float4", "0.1", "0.1", NULL, NULL, NULL},
	{"float4", "1234567", "1.234567e+06", NULL, NULL, NULL},
	{"float4", "100000", "100000", NULL, NULL, NULL},
	{"float4", "1e6", "1e+06", NULL, NULL, NULL},
	{"float4", "1e40", NULL, "22003", "\"1e40\" is out of range for type real", NULL},
	{"float4", "1e-50", NULL, "22003", "\"1e-50\" is out of range for type real", NULL},
	{"float4", "x", NULL, "22P02", "invalid input syntax for type real: \"x\"", NULL},
	{"float4", "3.4028235e38", "3.4028235e+38", NULL, NULL, NULL},
	{"float4", "1.17549435e-38", "1.1754944e-38", NULL, NULL, NULL},
	{"float4", "-1.5e-10", "-1.5e-10", NULL, NULL, NULL},
	{"float4", "Infinity", "Infinity", NULL, NULL, NULL},
	{"float8", "0.1", "0.1", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1e15", "1e+15", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "0.333333333333333333", "0.333333333333333", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1.5", "2", NULL, NULL, "set extra_float_digits=-15"},
	{"float4", "0.1", "0.1", NULL, NULL, "set extra_float_digits=3"},
	{"float4", "123456789", "1.23457e+08", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "1e100", "1e+100", NULL, NULL, "set extra_float_digits=0"},
	{"float8", "123456789012345678", "1.23456789012346e+17", NULL, NULL, "set extra_float_digits=0"},
	{"text", "héllo", "héllo", NULL, NULL, NULL},
	{"text", "", "", NULL, NULL, NULL},
	{"varchar(3)", "abc", "abc", NULL, NULL, NULL},
	{"varchar(3)", "abcd", "abc", NULL, NULL, NULL},
	{"varchar(3)", "ab   ", "ab ", NULL, NULL, NULL},
	{"varchar(3)", "héé", "héé", NULL, NULL, NULL},
	{"varchar(3)", "hééé", "héé", NULL, NULL, NULL},
	{"char(3)", "a", "a  ", NULL, NULL, NULL},
	{"char(3)", "abcd", "abc", NULL, NULL, NULL},
	{"char(3)", "ab    ", "ab ", NULL, NULL, NULL},
	{"char(3)", "", "   ", NULL, NULL, NULL},
	{"character", "x", "x", NULL, NULL, NULL},
	{"bpchar", "ab  ", "ab  ", NULL, NULL, NULL},
	{"name", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij", "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc", NULL, NULL, NULL},
	{"bytea", "\\x0102ff", "\\x0102ff", NULL, NULL, NULL},
	{"bytea", "\\x01 02", "\\x0102", NULL, NULL, NULL},
	{"bytea", "\\x1", NULL, "22023", "invalid hexadecimal data: odd number of digits", NULL},
	{"bytea", "\\xzz", NULL, "22023", "invalid hexadecimal digit: \"z\"", NULL},
	{"bytea", "abc", "\\x616263", NULL, NULL, NULL},
	{"bytea", "a\\\\b\\001", "\\x615c6201", NULL, NULL, NULL},
	{"bytea", "\\q", NULL, "22P02", "invalid input syntax for type bytea", NULL},
	{"bytea", "\\", NULL, "22P02", "invalid input syntax for type bytea", NULL},
	{"bytea", "\\x", "\\x", NULL, NULL, NULL},
	{"bytea", "a\\\\b\\001 é", "a\\\\b\\001 \\303\\251", NULL, NULL, "set bytea_output=escape"},
	{"oid", "-1", "4294967295", NULL, NULL, NULL},
	{"oid", "4294967295", "4294967295", NULL, NULL, NULL},
	{"oid", "4294967296", NULL, "22003", "value \"4294967296\" is out of range for type oid", NULL},
	{"oid", "x", NULL, "22P02", "invalid input syntax for type oid: \"x\"", NULL},
	{"oid", "-2147483648", "2147483648", NULL, NULL, NULL},
	{"oid", "-2147483649", NULL, "22003", "value \"-2147483649\" is out of range for type oid", NULL},
	{"\"char\"", "a", "a", NULL, NULL, NULL},
	{"\"char\"", "abc", "a", NULL, NULL, NULL},
	{"\"char\"", "", "", NULL, NULL, NULL},
	{"\"char\"", "\\101", "A", NULL, NULL, NULL},
};

/* Random doubles and floats (any bit pattern), output as PostgreSQL 15 prints them. */
static const IoCase float_cases[] = {
	{"float8", "119544.7721609918", "119544.7721609918", NULL, NULL, NULL},
	{"float8", "-68.6999", "-68.6999", NULL, NULL, NULL},
	{"float8", "-620.195937", "-620.195937", NULL, NULL, NULL},
	{"float8", "259765.44043360394", "259765.44043360394", NULL, NULL, NULL},
	{"float8", "-811.75", "-811.75", NULL, NULL, NULL},
	{"float8", "-7.372788047599345e+73", "-7.372788047599345e+73", NULL, NULL, NULL},
	{"float8", "268.9056", "268.9056", NULL, NULL, NULL},
	{"float8", "929.51556", "929.51556", NULL, NULL, NULL},
	{"float8", "300.1419", "300.1419", NULL, NULL, NULL},
	{"float8", "8.88116792998917e-231", "8.88116792998917e-231", NULL, NULL, NULL},
	{"float8", "-1.1937126864956989e+160", "-1.1937126864956989e+160", NULL, NULL, NULL},
	{"float8", "-9.404446511312006e+34", "-9.404446511312006e+34", NULL, NULL, NULL},
	{"float8", "-118937.76668668643", "-118937.76668668643", NULL, NULL, NULL},
	{"float8", "38.24823", "38.24823", NULL, NULL, NULL},
	{"float8", "-2.373036535955807e-108", "-2.373036535955807e-108", NULL, NULL, NULL},
	{"float8", "1.1258992597715162e+35", "1.1258992597715162e+35", NULL, NULL, NULL},
	{"float8", "102535.47125595249", "102535.47125595249", NULL, NULL, NULL},
	{"float8", "-833.59", "-833.59", NULL, NULL, NULL},
	{"float8", "-8.89603834440535e-293", "-8.89603834440535e-293", NULL, NULL, NULL},
	{"float8", "-8.402816815872519e-231", "-8.402816815872519e-231", NULL, NULL, NULL},
	{"float8", "-199.20039", "-199.20039", NULL, NULL, NULL},
	{"float8", "-6.856640842217076e+256", "-6.856640842217076e+256", NULL, NULL, NULL},
	{"float8", "5.482841095344694e-308", "5.482841095344694e-308", NULL, NULL, NULL},
	{"float8", "-8.813722369040187e+197", "-8.813722369040187e+197", NULL, NULL, NULL},
	{"float8", "-2.30518901278551e+284", "-2.30518901278551e+284", NULL, NULL, NULL},
	{"float8", "-160.4172", "-160.4172", NULL, NULL, NULL},
	{"float8", "557021.7173533016", "557021.7173533016", NULL, NULL, NULL},
	{"float8", "6.204497722829631e+75", "6.204497722829631e+75", NULL, NULL, NULL},
	{"float8", "4.690077642987989e+197", "4.690077642987989e+197", NULL, NULL, NULL},
	{"float8", "-764.0", "-764", NULL, NULL, NULL},
	{"float8", "-978.09", "-978.09", NULL, NULL, NULL},
	{"float8", "-644.6437", "-644.6437", NULL, NULL, NULL},
	{"float8", "1.476294327498283e-73", "1.476294327498283e-73", NULL, NULL, NULL},
	{"float8", "539.044", "539.044", NULL, NULL, NULL},
	{"float8", "-766984.0247205888", "-766984.0247205888", NULL, NULL, NULL},
	{"float8", "-574268.6539818211", "-574268.6539818211", NULL, NULL, NULL},
	{"float8", "-3.596781218505223e+277", "-3.596781218505223e+277", NULL, NULL, NULL},
	{"float8", "-392.0", "-392", NULL, NULL, NULL},
	{"float8", "-2.665013245785095e+303", "-2.665013245785095e+303", NULL, NULL, NULL},
	{"float8", "284.0", "284", NULL, NULL, NULL},
	{"float8", "1.0123331184341607e-45", "1.0123331184341607e-45", NULL, NULL, NULL},
	{"float8", "-980849.522759174", "-980849.522759174", NULL, NULL, NULL},
	{"float8", "660578.955655169", "660578.955655169", NULL, NULL, NULL},
	{"float8", "1.4982484270014925e-197", "1.4982484270014925e-197", NULL, NULL, NULL},
	{"float8", "5.144416933644215e-09", "5.144416933644215e-09", NULL, NULL, NULL},
	{"float8", "2.4546564345575112e+150", "2.4546564345575112e+150", NULL, NULL, NULL},
	{"float8", "-745557.8154454429", "-745557.8154454429", NULL, NULL, NULL},
	{"float8", "664718.4576775318", "664718.4576775318", NULL, NULL, NULL},
	{"float8", "3.0676389165963427e-83", "3.0676389165963427e-83", NULL, NULL, NULL},
	{"float8", "-378377.42405498447", "-378377.42405498447", NULL, NULL, NULL},
	{"float8", "0.4865285421478334", "0.4865285421478334", NULL, NULL, NULL},
	{"float8", "-683.04858", "-683.04858", NULL, NULL, NULL},
	{"float8", "-606.82", "-606.82", NULL, NULL, NULL},
	{"float8", "207.068", "207.068", NULL, NULL, NULL},
	{"float8", "6.100479125537611e-261", "6.100479125537611e-261", NULL, NULL, NULL},
	{"float8", "-489642.6910399321", "-489642.6910399321", NULL, NULL, NULL},
	{"float8", "-216.778", "-216.778", NULL, NULL, NULL},
	{"float8", "192.93", "192.93", NULL, NULL, NULL},
	{"float8", "858472.3728947835", "858472.3728947835", NULL, NULL, NULL},
	{"float8", "-747.2", "-747.2", NULL, NULL, NULL},
	{"float8", "704799.7506837628", "704799.7506837628", NULL, NULL, NULL},
	{"float8", "-439561.2148582899", "-439561.2148582899", NULL, NULL, NULL},
	{"float8", "-592.0", "-592", NULL, NULL, NULL},
	{"float8", "4.293741025724295e+241", "4.293741025724295e+241", NULL, NULL, NULL},
	{"float8", "2.3753691062585704e-91", "2.3753691062585704e-91", NULL, NULL, NULL},
	{"float8", "-1.137342539113961e-219", "-1.137342539113961e-219", NULL, NULL, NULL},
	{"float8", "-815.6", "-815.6", NULL, NULL, NULL},
	{"float8", "960.98684", "960.98684", NULL, NULL, NULL},
	{"float8", "43.9", "43.9", NULL, NULL, NULL},
	{"float8", "847174.7341438262", "847174.7341438262", NULL, NULL, NULL},
	{"float8", "-285055.89513525355", "-285055.89513525355", NULL, NULL, NULL},
	{"float8", "1.855129194967053e-282", "1.855129194967053e-282", NULL, NULL, NULL},
	{"float8", "-850332.6850796384", "-850332.6850796384", NULL, NULL, NULL},
	{"float8", "1.91594342746431e+85", "1.91594342746431e+85", NULL, NULL, NULL},
	{"float8", "7.407851532476222e-216", "7.407851532476222e-216", NULL, NULL, NULL},
	{"float8", "-264448.19961480075", "-264448.19961480075", NULL, NULL, NULL},
	{"float8", "-2.4713137798239493e-16", "-2.4713137798239493e-16", NULL, NULL, NULL},
	{"float8", "-740.91", "-740.91", NULL, NULL, NULL},
	{"float8", "4.2889952999637214e+275", "4.2889952999637214e+275", NULL, NULL, NULL},
	{"float8", "742.203", "742.203", NULL, NULL, NULL},
	{"float8", "-939.461", "-939.461", NULL, NULL, NULL},
	{"float8", "249921.0933188384", "249921.0933188384", NULL, NULL, NULL},
	{"float8", "2.48468711121251e-293", "2.48468711121251e-293", NULL, NULL, NULL},
	{"float8", "-839595.9423385795", "-839595.9423385795", NULL, NULL, NULL},
	{"float8", "986644.3761766443", "986644.3761766443", NULL, NULL, NULL},
	{"float8", "456.414", "456.414", NULL, NULL, NULL},
	{"float8", "388.313", "388.313", NULL, NULL, NULL},
	{"float8", "676740.0583811377", "676740.0583811377", NULL, NULL, NULL},
	{"float8", "-9.749719742905791e-291", "-9.749719742905791e-291", NULL, NULL, NULL},
	{"float8", "1.765324286212786e-200", "1.765324286212786e-200", NULL, NULL, NULL},
	{"float8", "-539556.7125470077", "-539556.7125470077", NULL, NULL, NULL},
	{"float8", "-5498.844683973002", "-5498.844683973002", NULL, NULL, NULL},
	{"float8", "840928.5468801453", "840928.5468801453", NULL, NULL, NULL},
	{"float8", "5.637791432201165e+145", "5.637791432201165e+145", NULL, NULL, NULL},
	{"float8", "-7.291429816409976e-171", "-7.291429816409976e-171", NULL, NULL, NULL},
	{"float8", "-94842.82310044693", "-94842.82310044693", NULL, NULL, NULL},
	{"float8", "319.98", "319.98", NULL, NULL, NULL},
	{"float8", "-517032.5886166005", "-517032.5886166005", NULL, NULL, NULL},
	{"float8", "-498801.39233908395", "-498801.39233908395", NULL, NULL, NULL},
	{"float8", "607427.4600444494", "607427.4600444494", NULL, NULL, NULL},
	{"float8", "-599.4", "-599.4", NULL, NULL, NULL},
	{"float8", "-8.472707674495695e+210", "-8.472707674495695e+210", NULL, NULL, NULL},
	{"float8", "9.250281898247174e-143", "9.250281898247174e-143", NULL, NULL, NULL},
	{"float8", "674191.2349410788", "674191.2349410788", NULL, NULL, NULL},
	{"float8", "422.44", "422.44", NULL, NULL, NULL},
	{"float8", "-774.341", "-774.341", NULL, NULL, NULL},
	{"float8", "-1.1816323787433526e+100", "-1.1816323787433526e+100", NULL, NULL, NULL},
	{"float8", "251467.11647473718", "251467.11647473718", NULL, NULL, NULL},
	{"float8", "-369256.70927350863", "-369256.70927350863", NULL, NULL, NULL},
	{"float8", "964.073", "964.073", NULL, NULL, NULL},
	{"float8", "7.441891533809444e-270", "7.441891533809444e-270", NULL, NULL, NULL},
	{"float8", "1.6121042246597492e-257", "1.6121042246597492e-257", NULL, NULL, NULL},
	{"float8", "-437859.3031975335", "-437859.3031975335", NULL, NULL, NULL},
	{"float8", "-3.1109936306438024e+51", "-3.1109936306438024e+51", NULL, NULL, NULL},
	{"float8", "281971.0841161185", "281971.0841161185", NULL, NULL, NULL},
	{"float8", "-620163.0231033787", "-620163.0231033787", NULL, NULL, NULL},
	{"float8", "-467.175003", "-467.175003", NULL, NULL, NULL},
	{"float8", "-7.385371926506089e+288", "-7.385371926506089e+288", NULL, NULL, NULL},
	{"float8", "-107038.46649795491", "-107038.46649795491", NULL, NULL, NULL},
	{"float8", "310086.08102673036", "310086.08102673036", NULL, NULL, NULL},
	{"float4", "-1482919680.0", "-1.4829197e+09", NULL, NULL, NULL},
	{"float4", "4.0715275666603377e+18", "4.0715276e+18", NULL, NULL, NULL},
	{"float4", "-2.810097196095716e+32", "-2.8100972e+32", NULL, NULL, NULL},
	{"float4", "6.203263194987825e-27", "6.2032632e-27", NULL, NULL, NULL},
	{"float4", "-1.6999961161001664e-10", "-1.6999961e-10", NULL, NULL, NULL},
	{"float4", "2.0887911844624796e-08", "2.0887912e-08", NULL, NULL, NULL},
	{"float4", "3.1674165512640684e-08", "3.1674166e-08", NULL, NULL, NULL},
	{"float4", "-496142385152.0", "-4.961424e+11", NULL, NULL, NULL},
	{"float4", "1.0574510555080567e+35", "1.0574511e+35", NULL, NULL, NULL},
	{"float4", "17.497894287109375", "17.497894", NULL, NULL, NULL},
	{"float4", "2.1642793460174836e-11", "2.1642793e-11", NULL, NULL, NULL},
	{"float4", "-6.41683482172084e-06", "-6.416835e-06", NULL, NULL, NULL},
	{"float4", "2.8447571789744506e-37", "2.8447572e-37", NULL, NULL, NULL},
	{"float4", "-12.688735961914062", "-12.688736", NULL, NULL, NULL},
	{"float4", "3.6681379021144396e+34", "3.668138e+34", NULL, NULL, NULL},
	{"float4", "-1.419365714921741e-33", "-1.4193657e-33", NULL, NULL, NULL},
	{"float4", "-6.315353402897017e-06", "-6.3153534e-06", NULL, NULL, NULL},
	{"float4", "2.3444050149250086e-33", "2.344405e-33", NULL, NULL, NULL},
	{"float4", "2.471773133394528e-11", "2.4717731e-11", NULL, NULL, NULL},
	{"float4", "0.0004750453226733953", "0.00047504532", NULL, NULL, NULL},
	{"float4", "5921.693359375", "5921.6934", NULL, NULL, NULL},
	{"float4", "-53573.62109375", "-53573.62", NULL, NULL, NULL},
	{"float4", "1146887935623168.0", "1.146888e+15", NULL, NULL, NULL},
	{"float4", "-8.140260910561909e-33", "-8.140261e-33", NULL, NULL, NULL},
	{"float4", "-1.5251659490900238e-08", "-1.525166e-08", NULL, NULL, NULL},
	{"float4", "-4.490583064483846e+30", "-4.490583e+30", NULL, NULL, NULL},
	{"float4", "-8.766288581821964e-36", "-8.7662886e-36", NULL, NULL, NULL},
	{"float4", "-2.503861115532548e-39", "-2.503861e-39", NULL, NULL, NULL},
	{"float4", "-2.705768772075258e-21", "-2.7057688e-21", NULL, NULL, NULL},
	{"float4", "-2.324284430708739e+38", "-2.3242844e+38", NULL, NULL, NULL},
	{"float4", "-18.846561431884766", "-18.846561", NULL, NULL, NULL},
	{"float4", "2.140851718449542e-14", "2.1408517e-14", NULL, NULL, NULL},
	{"float4", "2.7962028179411415e+22", "2.7962028e+22", NULL, NULL, NULL},
	{"float4", "-3526454839083008.0", "-3.5264548e+15", NULL, NULL, NULL},
	{"float4", "-6162705.0", "-6.162705e+06", NULL, NULL, NULL},
	{"float4", "-3.853151753219208e-08", "-3.8531518e-08", NULL, NULL, NULL},
	{"float4", "-2.4097986266347676e+24", "-2.4097986e+24", NULL, NULL, NULL},
	{"float4", "0.00020123051945120096", "0.00020123052", NULL, NULL, NULL},
	{"float4", "1.7074514654198163e-25", "1.7074515e-25", NULL, NULL, NULL},
	{"float4", "1.1285508192581665e+25", "1.1285508e+25", NULL, NULL, NULL},
	{"float4", "-2.9575043191890216e+28", "-2.9575043e+28", NULL, NULL, NULL},
	{"float4", "-1.9575057909952446e+22", "-1.9575058e+22", NULL, NULL, NULL},
	{"float4", "-0.00011334918235661462", "-0.00011334918", NULL, NULL, NULL},
	{"float4", "3.8765065933064063e+21", "3.8765066e+21", NULL, NULL, NULL},
	{"float4", "6.565407485076393e-19", "6.5654075e-19", NULL, NULL, NULL},
	{"float4", "1.6809131873975892e+31", "1.6809132e+31", NULL, NULL, NULL},
	{"float4", "4.910423114806274e+31", "4.910423e+31", NULL, NULL, NULL},
	{"float4", "1.3417653654812511e-08", "1.3417654e-08", NULL, NULL, NULL},
	{"float4", "-1.3884998186117717e-19", "-1.3884998e-19", NULL, NULL, NULL},
	{"float4", "-3.09511882863372e+21", "-3.0951188e+21", NULL, NULL, NULL},
	{"float4", "-9.19879982082709e+24", "-9.1988e+24", NULL, NULL, NULL},
	{"float4", "6.789677818029892e-38", "6.789678e-38", NULL, NULL, NULL},
	{"float4", "7.094675304233933e+19", "7.0946753e+19", NULL, NULL, NULL},
	{"float4", "-3.1686390621895418e-31", "-3.168639e-31", NULL, NULL, NULL},
	{"float4", "-2.4895993241895827e-28", "-2.4895993e-28", NULL, NULL, NULL},
	{"float4", "-2.0765171520616783e-15", "-2.0765172e-15", NULL, NULL, NULL},
	{"float4", "-1.7889840554631705e+20", "-1.788984e+20", NULL, NULL, NULL},
	{"float4", "-1.5951498899841193e-38", "-1.5951499e-38", NULL, NULL, NULL},
	{"float4", "-32628788.0", "-3.2628788e+07", NULL, NULL, NULL},
	{"float4", "-107090853888.0", "-1.0709085e+11", NULL, NULL, NULL},
	{"float4", "-1.850898070827127e+30", "-1.850898e+30", NULL, NULL, NULL},
	{"float4", "468926777524224.0", "4.6892678e+14", NULL, NULL, NULL},
	{"float4", "1.8411339058099224e+33", "1.8411339e+33", NULL, NULL, NULL},
	{"float4", "1265818533888.0", "1.2658185e+12", NULL, NULL, NULL},
	{"float4", "-1.311973567166922e-15", "-1.3119736e-15", NULL, NULL, NULL},
	{"float4", "-1.2992755512619107e+36", "-1.29927555e+36", NULL, NULL, NULL},
	{"float4", "2.2720313097579492e-07", "2.2720313e-07", NULL, NULL, NULL},
	{"float4", "1.1050452701618223e-23", "1.1050453e-23", NULL, NULL, NULL},
	{"float4", "-9.955160930985585e-05", "-9.955161e-05", NULL, NULL, NULL},
	{"float4", "-1.698344830364549e+18", "-1.6983448e+18", NULL, NULL, NULL},
	{"float4", "-68476018688.0", "-6.847602e+10", NULL, NULL, NULL},
	{"float4", "-58144124.0", "-5.8144124e+07", NULL, NULL, NULL},
	{"float4", "-4.184280886326425e-17", "-4.184281e-17", NULL, NULL, NULL},
	{"float4", "-1.492939565218996e+27", "-1.4929396e+27", NULL, NULL, NULL},
	{"float4", "-2.2017222363501787e-05", "-2.2017222e-05", NULL, NULL, NULL},
	{"float4", "6.634452509300136e-20", "6.6344525e-20", NULL, NULL, NULL},
	{"float4", "4.607583377946867e-06", "4.6075834e-06", NULL, NULL, NULL},
	{"float4", "0.13168072700500488", "0.13168073", NULL, NULL, NULL},
	{"float4", "-2.707502666876225e+23", "-2.7075027e+23", NULL, NULL, NULL},
	{"float4", "8.471718444296873e+21", "8.4717184e+21", NULL, NULL, NULL},
	{"float8", "100000000000000.0", "100000000000000", NULL, NULL, NULL},
	{"float4", "100000000000000.0", "1e+14", NULL, NULL, NULL},
	{"float8", "1000000000000000.0", "1e+15", NULL, NULL, NULL},
	{"float4", "1000000000000000.0", "1e+15", NULL, NULL, NULL},
	{"float8", "1e+16", "1e+16", NULL, NULL, NULL},
	{"float4", "1e+16", "1e+16", NULL, NULL, NULL},
	{"float8", "123456789012345.6", "123456789012345.6", NULL, NULL, NULL},
	{"float4", "123456789012345.6", "1.2345679e+14", NULL, NULL, NULL},
	{"float8", "0.0001", "0.0001", NULL, NULL, NULL},
	{"float4", "0.0001", "0.0001", NULL, NULL, NULL},
	{"float8", "1e-05", "1e-05", NULL, NULL, NULL},
	{"float4", "1e-05", "1e-05", NULL, NULL, NULL},
	{"float8", "1.5e-05", "1.5e-05", NULL, NULL, NULL},
	{"float4", "1.5e-05", "1.5e-05", NULL, NULL, NULL},
	{"float8", "99999.5", "99999.5", NULL, NULL, NULL},
	{"float4", "99999.5", "99999.5", NULL, NULL, NULL},
	{"float8", "999999.0", "999999", NULL, NULL, NULL},
	{"float4", "999999.0", "999999", NULL, NULL, NULL},
	{"float8", "1000000.0", "1000000", NULL, NULL, NULL},
	{"float4", "1000000.0", "1e+06", NULL, NULL, NULL},
};

static const IoCase more_cases[] = {
	{"float8", "0x10", "16", NULL, NULL, NULL},
	{"float8", " nan ", "NaN", NULL, NULL, NULL},
	{"float8", "infinityx", NULL, "22P02", "invalid input syntax for type double precision: \"infinityx\"", NULL},
	{"float8", "1e+", NULL, "22P02", "invalid input syntax for type double precision: \"1e+\"", NULL},
	{"float8", ".", NULL, "22P02", "invalid input syntax for type double precision: \".\"", NULL},
	{"float8", "-.5e-3", "-0.0005", NULL, NULL, NULL},
	{"float8", "  -INF  ", "-Infinity", NULL, NULL, NULL},
	{"float4", "-0", "-0", NULL, NULL, NULL},
	{"float4", "NaN", "NaN", NULL, NULL, NULL},
	{"numeric", "-.5e-3", "-0.0005", NULL, NULL, NULL},
	{"numeric", "  +.5  ", "0.5", NULL, NULL, NULL},
	{"numeric", "1e-3.5", NULL, "22P02", "invalid input syntax for type numeric: \"1e-3.5\"", NULL},
	{"numeric", "Infinityx", NULL, "22P02", "invalid input syntax for type numeric: \"Infinityx\"", NULL},
	{"int4", "1_000", NULL, "22P02", "invalid input syntax for type integer: \"1_000\"", NULL},
	{"int4", "+-1", NULL, "22P02", "invalid input syntax for type integer: \"+-1\"", NULL},
	{"int8", " -0 ", "0", NULL, NULL, NULL},
	{"bool", "  f  ", "f", NULL, NULL, NULL},
	{"bool", "tr ue", NULL, "22P02", "invalid input syntax for type boolean: \"tr ue\"", NULL},
	{"bool", "yes1", NULL, "22P02", "invalid input syntax for type boolean: \"yes1\"", NULL},
	{"bool", "OFF", "f", NULL, NULL, NULL},
	{"text", "a\tb", "a\tb", NULL, NULL, NULL},
	/* the word-at-a-time ASCII paths of UTF-8 checking and counting */
	{"text", "abcdefghijklmnop\xff", NULL, "22021", "invalid byte sequence for encoding \"UTF8\": 0xff", NULL},
	{"text", "abcdefghijklmnop\xc3\x28", NULL, "22021", "invalid byte sequence for encoding \"UTF8\": 0xc3 0x28", NULL},
	{"character(12)", "abcdefgh\xc3\xa9", "abcdefgh\xc3\xa9   ", NULL, NULL, NULL},
	{"character(12)", "abcdefghijklmnop\xc3\xa9    ", "abcdefghijkl", NULL, NULL, NULL},
	{"character(20)", "abcdefghijklmnop\xc3\xa9", "abcdefghijklmnop\xc3\xa9   ", NULL, NULL, NULL},
	{"bytea", "\\x ab", "\\xab", NULL, NULL, NULL},
	{"bytea", "\\xAB CD", "\\xabcd", NULL, NULL, NULL},
	{"bytea", "\\\\", "\\x5c", NULL, NULL, NULL},
	{"uuid", " a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, "22P02", "invalid input syntax for type uuid: \" a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"", NULL},
	{"int4[]", "{ \"1\" , 2 }", "{1,2}", NULL, NULL, NULL},
	{"text[]", "{\"a\\\\\"b\"}", NULL, "22P02", "malformed array literal: \"{\"a\\\\\"b\"}\"", NULL},
	{"text[]", "{ NULL , \"NULL\" }", "{NULL,\"NULL\"}", NULL, NULL, NULL},
	{"int4[]", "{1} ", "{1}", NULL, NULL, NULL},
	{"int4[]", "  {}  ", "{}", NULL, NULL, NULL},
	{"int2vector", "1 2  3", "1 2 3", NULL, NULL, NULL},
	{"oidvector", " 4 5 ", "4 5", NULL, NULL, NULL},
	{"int2vector", "", "", NULL, NULL, NULL},
	{"int2vector", "1,2", NULL, "22P02", "invalid input syntax for type smallint: \"1,2\"", NULL},
	{"int2vector", "1 x", NULL, "22P02", "invalid input syntax for type smallint: \"x\"", NULL},
	{"int2vector", "70000", NULL, "22003", "value \"70000\" is out of range for type smallint", NULL},
	{"regtype", "integer", "integer", NULL, NULL, NULL},
	{"regtype", "int4", "integer", NULL, NULL, NULL},
	{"regtype", "character varying", "character varying", NULL, NULL, NULL},
	{"regtype", "pg_catalog.text", "text", NULL, NULL, NULL},
	{"regtype", "_int4", "integer[]", NULL, NULL, NULL},
	{"regtype", "int[]", "integer[]", NULL, NULL, NULL},
	{"regtype", "23", "integer", NULL, NULL, NULL},
	{"regtype", "0", "-", NULL, NULL, NULL},
	{"regtype", "99999", "99999", NULL, NULL, NULL},
	{"regtype", "1015", "character varying[]", NULL, NULL, NULL},
	{"regtype", "\"char\"", "\"char\"", NULL, NULL, NULL},
	{"regtype", "1042", "character", NULL, NULL, NULL},
	{"regtype", "varchar(10)", "character varying", NULL, NULL, NULL},
	{"regtype", "nosuch", NULL, "42704", "type \"nosuch\" does not exist", NULL},
	{"int4[]", "{1,2,3}", "{1,2,3}", NULL, NULL, NULL},
	{"int4[]", "{}", "{}", NULL, NULL, NULL},
	{"int4[]", " { 1 , 2 } ", "{1,2}", NULL, NULL, NULL},
	{"int4[]", "{1,,2}", NULL, "22P02", "malformed array literal: \"{1,,2}\"", NULL},
	{"int4[]", "{1,2}x", NULL, "22P02", "malformed array literal: \"{1,2}x\"", NULL},
	{"int4[]", "1,2", NULL, "22P02", "malformed array literal: \"1,2\"", NULL},
	{"int4[]", "[0:2]={1,2,3}", "[0:2]={1,2,3}", NULL, NULL, NULL},
	{"int4[]", "[0:1]={1,2,3}", NULL, "22P02", "malformed array literal: \"[0:1]={1,2,3}\"", NULL},
	{"int4[]", "{1,2", NULL, "22P02", "malformed array literal: \"{1,2\"", NULL},
	{"int4[]", "{1,abc}", NULL, "22P02", "invalid input syntax for type integer: \"abc\"", NULL},
	{"int4[]", "[1:2]{1,2}", NULL, "22P02", "malformed array literal: \"[1:2]{1,2}\"", NULL},
	{"int4[]", "{NULL,1,null}", "{NULL,1,NULL}", NULL, NULL, NULL},
	{"int4[]", "[1:3]={7,8,9}", "{7,8,9}", NULL, NULL, NULL},
	{"text[]", "{\"a\",b c , d\\\\,e,\"\",NULL,\"NULL\",null}", "{a,\"b c\",\"d\\\\\",e,\"\",NULL,\"NULL\",NULL}", NULL, NULL, NULL},
	{"text[]", "{\"a}", NULL, "22P02", "malformed array literal: \"{\"a}\"", NULL},
	{"text[]", "{a\\\"b,\"c\\\\d\",{x}", NULL, "22P02", "malformed array literal: \"{a\\\"b,\"c\\\\d\",{x}\"", NULL},
	{"text[]", "{\"x y\", \" lead\",trail   ,\"}\"}", "{\"x y\",\" lead\",trail,\"}\"}", NULL, NULL, NULL},
	{"text[]", "{é,ü}", "{é,ü}", NULL, NULL, NULL},
	{"varchar(2)[]", "{abc,de}", "{ab,de}", NULL, NULL, NULL},
	{"numeric[]", "{1.50,NaN,-Infinity}", "{1.50,NaN,-Infinity}", NULL, NULL, NULL},
	{"float8[]", "{0.1,1e300,-0}", "{0.1,1e+300,-0}", NULL, NULL, NULL},
	{"bool[]", "{t,false,yes}", "{t,f,t}", NULL, NULL, NULL},
	{"bytea[]", "{\"\\\\x01ff\",abc}", "{\"\\\\x01ff\",\"\\\\x616263\"}", NULL, NULL, NULL},
	{"uuid[]", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", NULL, NULL, NULL},
	{"char(3)[]", "{a,bcde}", "{\"a  \",bcd}", NULL, NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "{a0eebc999c0b4ef8bb6d6bb9bd380a11}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1", NULL, "22P02", "invalid input syntax for type uuid: \"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1\"", NULL},
	{"uuid", "123", NULL, "22P02", "invalid input syntax for type uuid: \"123\"", NULL},
	{"uuid", "a0eebc999c0b4ef8bb6d6bb9bd380a11x", NULL, "22P02", "invalid input syntax for type uuid: \"a0eebc999c0b4ef8bb6d6bb9bd380a11x\"", NULL},
	{"uuid", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, "22P02", "invalid input syntax for type uuid: \"{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11\"", NULL},
	{"regclass", "1259", "pg_class", NULL, NULL, NULL},
	{"regclass", "-", "-", NULL, NULL, NULL},
	{"oid[]", "{1,4294967295}", "{1,4294967295}", NULL, NULL, NULL},
	{"name[]", "{abc,\"x y\"}", "{abc,\"x y\"}", NULL, NULL, NULL},
	{"\"char\"", "\\101", "A", NULL, NULL, NULL},
};

typedef struct CastCase {
	const char *src;
	const char *input;
	const char *dst;
	const char *output;			/* NULL: an error is expected */
	const char *sqlstate;
	const char *message;
} CastCase;

/* select cast('input'::src as dst) on PostgreSQL 15. */
static const CastCase cast_cases[] = {
	{"int4", "70000", "int2", NULL, "22003", "smallint out of range"},
	{"int4", "-5", "int2", "-5", NULL, NULL},
	{"int8", "3000000000", "int4", NULL, "22003", "integer out of range"},
	{"int8", "-42", "int4", "-42", NULL, NULL},
	{"int2", "7", "int8", "7", NULL, NULL},
	{"float8", "2.5", "int4", "2", NULL, NULL},
	{"float8", "3.5", "int4", "4", NULL, NULL},
	{"float8", "-2.5", "int4", "-2", NULL, NULL},
	{"float8", "1e10", "int4", NULL, "22003", "integer out of range"},
	{"float8", "NaN", "int4", NULL, "22003", "integer out of range"},
	{"float8", "9.3e18", "int8", NULL, "22003", "bigint out of range"},
	{"float8", "32767.5", "int2", NULL, "22003", "smallint out of range"},
	{"float4", "2.5", "int4", "2", NULL, NULL},
	{"float4", "1.5", "int8", "2", NULL, NULL},
	{"float8", "1e39", "float4", NULL, "22003", "value out of range: overflow"},
	{"float8", "1e-50", "float4", NULL, "22003", "value out of range: underflow"},
	{"float8", "0.1", "float4", "0.1", NULL, NULL},
	{"float4", "0.1", "float8", "0.10000000149011612", NULL, NULL},
	{"int4", "16777217", "float4", "1.6777216e+07", NULL, NULL},
	{"int8", "9007199254740993", "float8", "9.007199254740992e+15", NULL, NULL},
	{"numeric", "2.5", "int4", "3", NULL, NULL},
	{"numeric", "-2.5", "int4", "-3", NULL, NULL},
	{"numeric", "NaN", "int4", NULL, "0A000", "cannot convert NaN to integer"},
	{"numeric", "Infinity", "int8", NULL, "0A000", "cannot convert infinity to bigint"},
	{"numeric", "99999999999", "int4", NULL, "22003", "integer out of range"},
	{"numeric", "32767.49", "int2", "32767", NULL, NULL},
	{"numeric", "1.23456789012345678", "float8", "1.2345678901234567", NULL, NULL},
	{"numeric", "1e400", "float8", NULL, "22003", "\"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000\" is out of range for type double precision"},
	{"numeric", "1e39", "float4", NULL, "22003", "\"1000000000000000000000000000000000000000\" is out of range for type real"},
	{"numeric", "NaN", "float8", "NaN", NULL, NULL},
	{"float8", "0.1", "numeric", "0.1", NULL, NULL},
	{"float8", "1e20", "numeric", "100000000000000000000", NULL, NULL},
	{"float8", "Infinity", "numeric", "Infinity", NULL, NULL},
	{"float4", "0.1", "numeric", "0.1", NULL, NULL},
	{"float8", "123456.789012345678", "numeric", "123456.789012346", NULL, NULL},
	{"int8", "-9223372036854775808", "numeric", "-9223372036854775808", NULL, NULL},
	{"int4", "5", "bool", "t", NULL, NULL},
	{"int4", "0", "bool", "f", NULL, NULL},
	{"bool", "true", "int4", "1", NULL, NULL},
	{"bool", "false", "text", "false", NULL, NULL},
	{"bool", "true", "varchar(2)", "tr", NULL, NULL},
	{"text", "abcd", "varchar(2)", "ab", NULL, NULL},
	{"text", "abcd", "char(2)", "ab", NULL, NULL},
	{"char(5)", "ab", "text", "ab", NULL, NULL},
	{"char(5)", "ab", "varchar", "ab", NULL, NULL},
	{"varchar", "ab  ", "char(3)", "ab ", NULL, NULL},
	{"text", "x", "\"char\"", "x", NULL, NULL},
	{"\"char\"", "y", "text", "y", NULL, NULL},
	{"name", "abc", "text", "abc", NULL, NULL},
	{"int4", "42", "text", "42", NULL, NULL},
	{"numeric", "1.50", "text", "1.50", NULL, NULL},
	{"float8", "0.1", "text", "0.1", NULL, NULL},
	{"text", "12", "int4", "12", NULL, NULL},
	{"text", " 12 ", "numeric(4,1)", "12.0", NULL, NULL},
	{"text", "abc", "int4", NULL, "22P02", "invalid input syntax for type integer: \"abc\""},
	{"varchar", "t", "bool", "t", NULL, NULL},
	{"char(4)", "12", "int4", "12", NULL, NULL},
	{"int4", "-1", "oid", "4294967295", NULL, NULL},
	{"int8", "4294967296", "oid", NULL, "22003", "OID out of range"},
	{"oid", "4294967295", "int4", "-1", NULL, NULL},
	{"oid", "4294967295", "int8", "4294967295", NULL, NULL},
	{"int4[]", "{1,2}", "int8[]", "{1,2}", NULL, NULL},
	{"int4[]", "{1,NULL}", "text[]", "{1,NULL}", NULL, NULL},
	{"text[]", "{1,2}", "int4[]", "{1,2}", NULL, NULL},
	{"text[]", "{abc,de}", "varchar(2)[]", "{ab,de}", NULL, NULL},
	{"float8[]", "{1.5,2.5}", "int4[]", "{2,2}", NULL, NULL},
	{"int4[]", "{1,2}", "text", "{1,2}", NULL, NULL},
	{"text", "{3,4}", "int4[]", "{3,4}", NULL, NULL},
	{"numeric", "123.456", "numeric(5,2)", "123.46", NULL, NULL},
	{"numeric", "1234.5", "numeric(5,2)", NULL, "22003", "numeric field overflow"},
	{"int4", "123", "numeric(5,2)", "123.00", NULL, NULL},
	{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "text", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL},
	{"text", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", NULL, NULL},
	{"bytea", "\\x41", "text", "\\x41", NULL, NULL},
	{"int4", "1", "bytea", NULL, "42846", "cannot cast type integer to bytea"},
};

static void
test_cast_case(TestCtx *t, const CastCase *c)
{
	int32_t		stypmod, dtypmod;
	const MgType *st, *dt;
	Datum		d;
	StrBuf		sb;
	int			rc;

	mg_error_reset(&t->err);
	st = test_parse_type(t, c->src, &stypmod);
	dt = test_parse_type(t, c->dst, &dtypmod);
	if (st == NULL || dt == NULL)
	{
		tap_ok(0, "cast %s -> %s: types known", c->src, c->dst);
		return;
	}
	rc = st->input(&t->ctx, c->input, strlen(c->input), -1, &d);
	if (rc == 0 && stypmod >= 0)
		rc = st->modapply(&t->ctx, d, stypmod, true, &d);
	if (rc < 0)
	{
		tap_ok(0, "cast source '%s'::%s: %s", c->input, c->src, t->err.message);
		return;
	}
	rc = cast_apply(&t->ctx, st->oid, stypmod, dt->oid, dtypmod, true, d, &d);
	strbuf_init(&sb);
	if (rc == 0)
		rc = dt->output(&t->ctx, d, dtypmod, &sb);
	if (c->output == NULL)
		tap_ok(rc < 0 && strcmp(t->err.sqlstate, c->sqlstate) == 0 && strcmp(t->err.message, c->message) == 0,
			   "cast('%s'::%s as %s) fails with %s: %s (got %s)", c->input, c->src, c->dst, c->sqlstate,
			   c->message, rc < 0 ? t->err.message : sb.data);
	else
		tap_ok(rc == 0 && strcmp(sb.data, c->output) == 0, "cast('%s'::%s as %s) = '%s' (got '%s')",
			   c->input, c->src, c->dst, c->output, rc == 0 ? sb.data : t->err.message);
	strbuf_free(&sb);
	arena_reset(&t->arena);
}

/* pg_cast contexts, plus the I/O conversion rules. */
static void
test_cast_contexts(void)
{
	static const struct
	{
		Oid			src, dst;
		CastContext ctx;
		bool		allowed;
	}			cases[] = {
		{INT4OID, INT8OID, CAST_IMPLICIT, true},
		{INT8OID, INT4OID, CAST_IMPLICIT, false},
		{INT8OID, INT4OID, CAST_ASSIGNMENT, true},
		{NUMERICOID, FLOAT8OID, CAST_IMPLICIT, true},
		{FLOAT8OID, NUMERICOID, CAST_IMPLICIT, false},
		{FLOAT8OID, NUMERICOID, CAST_ASSIGNMENT, true},
		{INT4OID, NUMERICOID, CAST_IMPLICIT, true},
		{INT4OID, TEXTOID, CAST_IMPLICIT, false},
		{INT4OID, TEXTOID, CAST_ASSIGNMENT, true},
		{TEXTOID, INT4OID, CAST_ASSIGNMENT, false},
		{TEXTOID, INT4OID, CAST_EXPLICIT, true},
		{INT4OID, BOOLOID, CAST_ASSIGNMENT, false},
		{INT4OID, BOOLOID, CAST_EXPLICIT, true},
		{INT4OID, BYTEAOID, CAST_EXPLICIT, false},
		{INT4ARRAYOID, INT8ARRAYOID, CAST_IMPLICIT, true},
		{INT8ARRAYOID, INT4ARRAYOID, CAST_IMPLICIT, false},
		{TEXTOID, VARCHAROID, CAST_IMPLICIT, true},
		{BPCHAROID, TEXTOID, CAST_IMPLICIT, true},
		{TEXTOID, REGCLASSOID, CAST_IMPLICIT, true},
		{UNKNOWNOID, UUIDOID, CAST_IMPLICIT, true},
		{UUIDOID, TEXTOID, CAST_IMPLICIT, false},
		{UUIDOID, TEXTOID, CAST_ASSIGNMENT, true},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		tap_ok(cast_find(cases[i].src, cases[i].dst, cases[i].ctx) == cases[i].allowed,
			   "cast %u -> %u in context %d is %s", cases[i].src, cases[i].dst, (int) cases[i].ctx,
			   cases[i].allowed ? "allowed" : "refused");
}

static int
sign3(int x)
{
	return (x > 0) - (x < 0);
}

/* For each type, every pair of values: cmp order == memcmp order of keys; equal values hash equal. */
static void
test_key_order(TestCtx *t)
{
	static const struct
	{
		const char *type;
		const char *values[16];
	}			sets[] = {
		{"bool", {"f", "t"}},
		{"int2", {"-32768", "-1", "0", "1", "255", "256", "32767"}},
		{"int4", {"-2147483648", "-65536", "-1", "0", "1", "65535", "65536", "2147483647"}},
		{"int8", {"-9223372036854775808", "-4294967296", "-1", "0", "1", "4294967296", "9223372036854775807"}},
		{"float4", {"-Infinity", "-1e30", "-1", "-1e-30", "-0", "0", "1e-45", "1", "3.4e38", "Infinity", "NaN"}},
		{"float8", {"-Infinity", "-1e300", "-1.5", "-5e-324", "-0", "0", "5e-324", "0.1", "1", "1e300", "Infinity", "NaN"}},
		{"text", {"", "a", "a\001", "aa", "ab", "b", "é", "ü"}},
		{"bpchar", {"", " ", "a", "a  ", "a\001", "ab", "b"}},
		{"bytea", {"\\x", "\\x00", "\\x0000", "\\x0001", "\\x01", "\\xff"}},
		{"oid", {"0", "1", "2147483648", "4294967295"}},
		{"uuid", {"00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000001", "ffffffff-0000-0000-0000-000000000000"}},
		{"int4[]", {"{}", "{-1}", "[0:0]={1}", "{1}", "{1,2}", "{1,2,3}", "{1,NULL}", "{2}", "{NULL}"}},
		{"text[]", {"{}", "{\"\"}", "{a}", "{a,b}", "{ab}", "{b,NULL}"}},
		{"numeric[]", {"{}", "{-1.5}", "{0}", "{0.00}", "{1,2}", "{NaN}"}},
	};

	for (size_t s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
	{
		int32_t		typmod;
		const MgType *ty = test_parse_type(t, sets[s].type, &typmod);
		int			n = 0, bad = 0;
		Datum		d[16];

		for (; n < 16 && sets[s].values[n] != NULL; n++)
		{
			char		unescaped[64];
			size_t		k = 0;
			const char *v = sets[s].values[n];

			/* "\\001"-style escapes above stand for single bytes in text tests */
			for (const char *p = v; *p && k < sizeof(unescaped) - 1; p++)
			{
				if (p[0] == '\\' && p[1] >= '0' && p[1] <= '3' && ty->oid != BYTEAOID)
				{
					unescaped[k++] = (char) (((p[1] - '0') << 6) | ((p[2] - '0') << 3) | (p[3] - '0'));
					p += 3;
				}
				else
					unescaped[k++] = *p;
			}
			unescaped[k] = '\0';
			if (ty->input(&t->ctx, unescaped, k, -1, &d[n]) < 0)
			{
				printf("# bad literal %s for %s: %s\n", v, sets[s].type, t->err.message);
				bad++;
			}
		}
		for (int i = 0; i < n && !bad; i++)
			for (int j = 0; j < n; j++)
			{
				StrBuf		ka, kb;
				int			c, k;

				strbuf_init(&ka);
				strbuf_init(&kb);
				ty->key_encode(d[i], &ka);
				ty->key_encode(d[j], &kb);
				c = ty->cmp(d[i], d[j]);
				k = memcmp(ka.data, kb.data, ka.len < kb.len ? ka.len : kb.len);
				if (k == 0)
					k = (ka.len > kb.len) - (ka.len < kb.len);
				if (sign3(c) != sign3(k) || (c == 0 && ty->hash(d[i]) != ty->hash(d[j])) ||
					(i < j && c >= 0 && !(ty->oid == FLOAT8OID || ty->oid == FLOAT4OID || ty->oid == BPCHAROID ||
										  ty->oid == NUMERICARRAYOID)))
				{
					printf("# %s: %s vs %s: cmp %d key %d\n", sets[s].type, sets[s].values[i],
						   sets[s].values[j], c, k);
					bad++;
				}
				strbuf_free(&ka);
				strbuf_free(&kb);
			}
		tap_ok(bad == 0, "%s: cmp, hash and key encoding agree on %d values", sets[s].type, n);
		arena_reset(&t->arena);
	}
}

/* xorshift64*: deterministic pseudo-random values for the order tests. */
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;

static uint64_t
rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

/* A random literal of the given type, biased towards edge cases. */
static void
random_literal(Oid type, char *buf, size_t size)
{
	uint64_t	r = rng();

	switch (type)
	{
		case INT4OID:
			snprintf(buf, size, "%d", (int32_t) (r % 5 == 0 ? (uint32_t) r : (uint32_t) (r % 2001) - 1000));
			break;
		case INT8OID:
			snprintf(buf, size, "%lld", (long long) (r % 5 == 0 ? (int64_t) r : (int64_t) (r % 2001) - 1000));
			break;
		case FLOAT8OID:
			{
				double		d;

				if (r % 7 == 0)
				{
					uint64_t	bits = rng();

					memcpy(&d, &bits, sizeof(d));	/* any bit pattern, NaNs included */
				}
				else
					d = ((double) (int64_t) (r % 20001) - 10000) / (double) (1 + rng() % 1000);
				snprintf(buf, size, "%.17g", d);
				if (strcmp(buf, "nan") == 0 || strcmp(buf, "-nan") == 0)
					snprintf(buf, size, "NaN");
				else if (strcmp(buf, "inf") == 0)
					snprintf(buf, size, "Infinity");
				else if (strcmp(buf, "-inf") == 0)
					snprintf(buf, size, "-Infinity");
				break;
			}
		case NUMERICOID:
			{
				int			scale = (int) (rng() % 12);
				int64_t		mant = (int64_t) (rng() % 2000001) - 1000000;

				if (r % 13 == 0)
					snprintf(buf, size, r % 2 ? "NaN" : "-Infinity");
				else
					snprintf(buf, size, "%lldE%d", (long long) mant, (int) (rng() % 41) - 20 - scale);
				break;
			}
		default:
			{
				/* text: short strings over a small alphabet, with NUL-free bytes >= 0x80 */
				static const char alphabet[] = "aab\x01\x7f\xc3\xa9 z";
				size_t		n = (size_t) (r % 6);

				for (size_t i = 0; i < n && i < size - 1; i++)
					buf[i] = alphabet[rng() % (sizeof(alphabet) - 1)];
				buf[n < size - 1 ? n : size - 1] = '\0';
				break;
			}
	}
}

/*
 * Random values of each indexable type: for every pair, the memcmp order
 * of the key encodings is the cmp order, and equal values hash equal.
 */
static void
test_random_key_order(TestCtx *t)
{
	static const Oid types[] = {INT4OID, INT8OID, FLOAT8OID, NUMERICOID, BYTEAOID};

	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
	{
		const MgType *ty = type_by_oid(types[k]);
		enum
		{
			NVALS = 300
		};
		Datum		vals[NVALS];
		StrBuf		keys[NVALS];
		int			bad = 0;

		for (int i = 0; i < NVALS; i++)
		{
			char		lit[64];

			random_literal(ty->oid, lit, sizeof(lit));
			mg_error_reset(&t->err);
			if (ty->oid == BYTEAOID)
				vals[i] = text_datum(&t->arena, lit, strlen(lit));	/* raw bytes */
			else if (ty->input(&t->ctx, lit, strlen(lit), -1, &vals[i]) < 0)
			{
				printf("# %s: bad random literal %s: %s\n", ty->name, lit, t->err.message);
				vals[i] = vals[0];
				bad++;
			}
			strbuf_init(&keys[i]);
			ty->key_encode(vals[i], &keys[i]);
		}
		for (int i = 0; i < NVALS; i++)
			for (int j = 0; j < NVALS; j++)
			{
				int			c = ty->cmp(vals[i], vals[j]);
				size_t		n = keys[i].len < keys[j].len ? keys[i].len : keys[j].len;
				int			m = memcmp(keys[i].data, keys[j].data, n);

				if (m == 0)
					m = (keys[i].len > keys[j].len) - (keys[i].len < keys[j].len);
				if (sign3(c) != sign3(m) || (c == 0 && ty->hash(vals[i]) != ty->hash(vals[j])))
					bad++;
			}
		for (int i = 0; i < NVALS; i++)
			strbuf_free(&keys[i]);
		tap_ok(bad == 0, "%s: key order equals cmp order on %d random values (%d mismatches)",
			   ty->name, NVALS, bad);
		arena_reset(&t->arena);
	}
}

/* Binary send output, byte for byte: encode(TYPEsend('literal'::type), 'hex') on PostgreSQL 15. */
static void
test_send_bytes(TestCtx *t)
{
	static const struct
	{
		const char *type;
		const char *input;
		const char *hex;
	}			cases[] = {
		{"numeric", "1.50", "000200000000000200011388"},
		{"numeric", "-123456.789", "0003000140000003000c0d801ed2"},
		{"numeric", "0", "0000000000000000"},
		{"numeric", "0.000", "0000000000000003"},
		{"numeric", "NaN", "00000000c0000000"},
		{"numeric", "-Infinity", "00000000f0000020"},
		{"numeric", "Infinity", "00000000d0000020"},
		{"numeric", "1e20", "00010005000000000001"},
		{"numeric", "0.00001", "0001fffe0000000503e8"},
		{"int4[]", "{1,NULL,3}", "00000001000000010000001700000003000000010000000400000001ffffffff0000000400000003"},
		{"int4[]", "{}", "000000000000000000000017"},
		{"text[]", "{a,\"b c\"}", "0000000100000000000000190000000200000001000000016100000003622063"},
		{"int4[]", "[0:1]={5,6}", "000000010000000000000017000000020000000000000004000000050000000400000006"},
		{"numeric[]", "{1.5}", "0000000100000000000006a400000001000000010000000c000200000000000100011388"},
		{"float8", "0.1", "3fb999999999999a"},
		{"float4", "-2.5", "c0200000"},
		{"bool", "t", "01"},
		{"int2", "-2", "fffe"},
		{"int8", "-9223372036854775808", "8000000000000000"},
		{"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc999c0b4ef8bb6d6bb9bd380a11"},
		{"oid", "4294967295", "ffffffff"},
		{"\"char\"", "A", "41"},
		{"int2vector", "1 2", "0000000100000000000000150000000200000000000000020001000000020002"},
		{"oidvector", "23 25", "00000001000000000000001a000000020000000000000004000000170000000400000019"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		int32_t		typmod;
		const MgType *ty = test_parse_type(t, cases[i].type, &typmod);
		Datum		d;
		StrBuf		bin, hex;
		int			rc;

		strbuf_init(&bin);
		strbuf_init(&hex);
		mg_error_reset(&t->err);
		rc = ty->input(&t->ctx, cases[i].input, strlen(cases[i].input), -1, &d);
		if (rc == 0)
			rc = ty->send(&t->ctx, d, -1, &bin);
		for (size_t k = 0; k < bin.len; k++)
			strbuf_printf(&hex, "%02x", (unsigned char) bin.data[k]);
		tap_ok(rc == 0 && strcmp(hex.data, cases[i].hex) == 0, "%ssend('%s') = %s (got %s)",
			   cases[i].type, cases[i].input, cases[i].hex, hex.data);
		strbuf_free(&bin);
		strbuf_free(&hex);
		arena_reset(&t->arena);
	}
}

/* A stand-in catalog for the regclass hooks. */
static int
test_regclass_in(EvalCtx *ctx, const char *name, size_t len, Oid *out)
{
	if (len == 8 && memcmp(name, "pg_class", 8) == 0)
	{
		*out = 1259;
		return 0;
	}
	mg_error(ctx->err, SQLSTATE_UNDEFINED_TABLE, "relation \"%.*s\" does not exist", (int) len, name);
	return -1;
}

static bool
test_regclass_out(EvalCtx *ctx, Oid relid, StrBuf *out)
{
	(void) ctx;
	if (relid != 1259)
		return false;
	strbuf_puts(out, "pg_class");
	return true;
}

static void
test_records(TestCtx *t)
{
	Oid			types[4] = {INT4OID, TEXTOID, TEXTOID, NUMERICOID};
	Datum		values[4];
	bool		nulls[4] = {false, false, true, false};
	Datum		rec;
	StrBuf		sb;

	values[0] = Int32GetDatum(42);
	values[1] = cstring_text_datum(&t->arena, "a \"b\"");
	values[2] = 0;
	type_input(&t->ctx, NUMERICOID, -1, "1.50", 4, &values[3]);
	rec = record_build(&t->arena, 4, types, NULL, values, nulls);
	strbuf_init(&sb);
	type_output(&t->ctx, RECORDOID, -1, rec, &sb);
	/* select row(42, 'a "b"', null::text, 1.50) */
	tap_ok(strcmp(sb.data, "(42,\"a \"\"b\"\"\",,1.50)") == 0, "record output (got %s)", sb.data);
	strbuf_reset(&sb);
	{
		/* natts; int4 (oid, len, 4 bytes); text (5 bytes); NULL (oid, -1); numeric 1.50 (12 bytes) */
		int			rc = type_send(&t->ctx, RECORDOID, -1, rec, &sb);

		tap_ok(rc == 0 && sb.len == 4 + 12 + 13 + 8 + 20, "record send (%zu bytes)", sb.len);
	}
	strbuf_free(&sb);
	arena_reset(&t->arena);
}

static void
test_regclass(TestCtx *t)
{
	static const TypeCatalogHooks hooks = {test_regclass_in, test_regclass_out};
	Datum		d;
	StrBuf		sb;

	strbuf_init(&sb);
	mg_error_reset(&t->err);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "pg_class", 8, &d) < 0 &&
		   strcmp(t->err.sqlstate, "0A000") == 0, "regclass by name needs the catalog hook");
	types_set_catalog_hooks(&hooks);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "pg_class", 8, &d) == 0 && DatumGetObjectId(d) == 1259,
		   "'pg_class'::regclass through the hook");
	mg_error_reset(&t->err);
	tap_ok(type_input(&t->ctx, REGCLASSOID, -1, "nosuch", 6, &d) < 0 &&
		   strcmp(t->err.message, "relation \"nosuch\" does not exist") == 0, "unknown relation");
	type_output(&t->ctx, REGCLASSOID, -1, ObjectIdGetDatum(99999), &sb);
	tap_ok(strcmp(sb.data, "99999") == 0, "unknown regclass OID prints as a number");
	strbuf_free(&sb);
}

/* format_type() and name lookup. */
static void
test_format(void)
{
	static const struct
	{
		const char *name;
		int32_t		typmod;
		const char *expected;
	}			cases[] = {
		{"int4", -1, "integer"}, {"integer[]", -1, "integer[]"}, {"varchar", 24, "character varying(20)"},
		{"numeric", NUMERIC_TYPMOD_TEST(10, 2), "numeric(10,2)"}, {"bpchar", -1, "bpchar"},
		{"character", 5, "character(1)"}, {"double precision", -1, "double precision"},
		{"_text", -1, "text[]"}, {"\"char\"", -1, "\"char\""}, {"bool", -1, "boolean"},
		{"float4", -1, "real"}, {"int2", -1, "smallint"}, {"int8", -1, "bigint"}, {"uuid", -1, "uuid"},
		{"int2vector", -1, "int2vector"}, {"oidvector", -1, "oidvector"}, {"_int2vector", -1, "int2vector[]"},
		{"regtype", -1, "regtype"}, {"any", -1, "\"any\""}, {"anyelement", -1, "anyelement"},
		{"cstring", -1, "cstring"},
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		const MgType *t = cases[i].name[0] == '"' ? type_by_oid(CHAROID) : type_by_name(cases[i].name);
		StrBuf		sb;

		strbuf_init(&sb);
		if (t != NULL)
			type_format(t->oid, cases[i].typmod, &sb);
		tap_ok(t != NULL && strcmp(sb.data, cases[i].expected) == 0, "format_type(%s, %d) = %s (got %s)",
			   cases[i].name, cases[i].typmod, cases[i].expected, sb.data);
		strbuf_free(&sb);
	}
}

int
main(void)
{
	TestCtx		t;

	types_init();
	test_ctx_init(&t);
	for (size_t i = 0; i < sizeof(scalar_cases) / sizeof(scalar_cases[0]); i++)
		test_io_case(&t, &scalar_cases[i]);
	test_regclass(&t);
	for (size_t i = 0; i < sizeof(float_cases) / sizeof(float_cases[0]); i++)
		test_io_case(&t, &float_cases[i]);
	for (size_t i = 0; i < sizeof(more_cases) / sizeof(more_cases[0]); i++)
		test_io_case(&t, &more_cases[i]);
	for (size_t i = 0; i < sizeof(cast_cases) / sizeof(cast_cases[0]); i++)
		test_cast_case(&t, &cast_cases[i]);
	test_cast_contexts();
	test_key_order(&t);
	test_random_key_order(&t);
	test_send_bytes(&t);
	test_records(&t);
	test_format();
	{
		Datum		d;

		mg_error_reset(&t.err);
		tap_ok(type_input(&t.ctx, ANYELEMENTOID, -1, "1", 1, &d) < 0 && strcmp(t.err.sqlstate, "0A000") == 0 &&
			   strcmp(t.err.message, "cannot accept a value of type anyelement") == 0,
			   "pseudo-types accept no values");
		mg_error_reset(&t.err);
	}
	test_ctx_free(&t);
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}
