/* date.h -- every date dyad reads, in one module: the command line's
 * --date, documents' dates, the actor dictionaries' date restrictions,
 * feeds' and pages' dates, and the dates a sentence's words give an event
 * ("yesterday", "on Friday", "last week"). Dates are YYYYMMDD integers of
 * years 1-9999, checked against the proleptic Gregorian calendar; 0 is no
 * date. One rule for two-digit years: below 30 is 20YY, else 19YY. */
#ifndef DYAD_DATE_H
#define DYAD_DATE_H

#include <stddef.h>
#include <stdint.h>
#include "dyad.h"

/* ---- calendar arithmetic (civil.c; H. Hinnant's algorithms) */
/* Days since 1970-01-01 of year y, month m (1-12), day d. */
long date_days(int y, int m, int d);
/* The civil date of day number z (days since 1970-01-01). */
void date_civil(long z, int *y, int *m, int *d);
/* Days in month m (1-12) of year y. */
int date_month_days(int y, int m);
/* Is y-m-d a real date of years 1-9999? */
int date_valid(int y, int m, int d);
/* y, m, d -> YYYYMMDD, 0 when it is no real date of years 1-9999. */
int32_t date_make(int y, int m, int d);
/* Day number z -> YYYYMMDD; 0 outside years 1-9999. */
int32_t date_of_day(long z);
/* YYYYMMDD -> day number (ymd must be valid). */
long date_day_of(int32_t ymd);

/* ---- reading (parse.c); each returns YYYYMMDD, or -1 when s is no date */
/* "YYYY-MM-DD", "YYYYMMDD", or an ISO timestamp "YYYY-MM-DDThh:mm[:ss[.f]]"
 * with an optional zone (checked, not applied); blanks around ignored. */
int32_t date_parse(const char *s, size_t n);
/* The dictionaries' forms: "YYYYMMDD" or "YYMMDD" (two-digit year rule). */
int32_t date_parse_compact(const char *s, size_t n);
/* The same as PETRARCH-2 reads a restriction's date when it is neither:
 * more than 7 characters are YYYYMMDD and what follows the 8th is ignored
 * ("1920030320" is 1920-03-03), 6 or 7 are YYMMDD and the 7th is ignored. */
int32_t date_parse_compact_loose(const char *s, size_t n);
/* The two-digit year rule: 0-29 -> 2000-2029, 30-99 -> 1930-1999. */
int date_year2(int yy);
/* What feeds and pages write: ISO 8601, RFC 822 ("Sat, 14 Mar 2026
 * 10:00:00 +0000", two-digit years too), "March 14, 2026" (written.c). */
int32_t date_parse_written(const char *s);
/* YYYYMMDD -> "YYYYMMDD" (out[9]) and "YYYY-MM-DD" (out[11]); "" for 0. */
void date_put(int32_t ymd, char out[9]);
void date_put_iso(int32_t ymd, char out[11]);
/* A date read by one of the above (-1: none) into out[9]: 0, or -1. */
int date_text(int32_t ymd, char out[9]);

/* ---- a document's date from its words or its file name (document.c) */
/* A full date (day, month, year) in the first lines of a text ("MOSCOW,
 * March 3, 2024 -", "Updated: 3 March 2024", "2024-03-03"), or a
 * YYYY-MM-DD or YYYYMMDD in a file's base name -> "YYYYMMDD"; -1 if none. */
int date_scan_text(const char *text, size_t len, char out[9]);
int date_scan_name(const char *path, char out[9]);

/* ---- an event's date from its sentence (sentence.c) */
/* The first date phrase of the sentence [s, s+len) resolved against the
 * document date doc (YYYYMMDD): *out gets the date (0 when none) and the
 * phrase kind is returned (DYAD_DATE_DOCUMENT when there is none). */
dyad_date_kind date_in_sentence(int32_t doc, const char *s, size_t len, int32_t *out);
/* Is the word s[0..n) (letters in any case) one that a date phrase needs:
 * "yesterday", "week", "ago", a weekday, a month or its abbreviation? A
 * sentence whose words (runs of ASCII letters and digits) hold none is
 * dated by its document: date_in_sentence(doc, "", 0, out) gives the same. */
int date_word(const char *s, size_t n);
/* Does a word that overlaps [p, end) (and begins at lo or after) pass
 * date_word? The words are read as date_in_sentence reads them. */
int date_words_in(const char *lo, const char *p, const char *end);
#endif
