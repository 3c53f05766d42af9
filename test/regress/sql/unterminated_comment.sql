-- An unterminated block comment at the end of the input.
SELECT 1;
SELECT 2 /* never closed
