-- SQL-standard interval literals: the field qualifier decides what a bare
-- number means (interval '1' day is one day, not one second).
SELECT interval '1' day, interval '1' hour, interval '1' year, interval '2' minute, interval '3' month;
SELECT interval '1 2' day to hour, interval '1:30' hour to minute, interval '90' second, interval '1.5' second(0);
SELECT '1'::interval day, interval '1 day 3 hours' day, cast('5' as interval hour), '7'::interval;
SELECT interval '1-2' year to month, interval '10' day to second, interval '3 4:05:06.789' day to second(1);
CREATE TABLE iv (d interval day, h interval hour to minute);
INSERT INTO iv VALUES ('2', '3:45'), ('1 day 5 hours', '12');
SELECT * FROM iv;
SELECT interval 'x' day;
\echo :LAST_ERROR_SQLSTATE
