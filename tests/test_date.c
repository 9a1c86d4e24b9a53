/* test_date.c -- the date module (src/date/): every written form dyad
 * reads (command line, records, dictionaries, feeds), the two-digit year
 * rule, and the dates a sentence's words give an event. */
#include "t.h"
#include "dyad.h"
#include "date/date.h"

/* The date of a sentence against a document date given as written
 * ("" or a malformed one: no date). */
static void check_date(const char *doc, const char *sentence, const char *want, const char *kind) {
    char out[9];
    int32_t d = date_parse(doc, strlen(doc)), v = -1;
    dyad_date_kind k = date_in_sentence(d > 0 ? d : 0, sentence, strlen(sentence), &v);
    date_put(v, out);
    CHECK_STR(out, want);
    CHECK_STR(dyad_date_kind_name(k), kind);
}

static void test_event_dates(void) {
    /* 2026-03-14 is a Saturday */
    check_date("20260314", "Putin met Pezeshkian in Moscow on Friday.", "20260313", "weekday");
    check_date("20260314", "They met on Saturday.", "20260314", "weekday");
    check_date("20260314", "They met last Saturday.", "20260307", "weekday");
    check_date("20260314", "They met on Sunday.", "20260308", "weekday");
    check_date("20260314", "Russia sent aid to Iran yesterday.", "20260313", "yesterday");
    check_date("20260314", "Iran thanked Russia last week.", "20260307", "last week");
    check_date("20260314", "Iran thanked Russia last month.", "20260214", "last month");
    check_date("20260331", "Iran thanked Russia last month.", "20260228", "last month");
    check_date("20260402", "Araghchi visited Moscow on March 27-28.", "20260327", "month day");
    check_date("20260402", "Araghchi visited Moscow on 27 March.", "20260327", "month day");
    check_date("20260105", "The talks on December 30 failed.", "20251230", "month day");
    check_date("20260105", "The talks on Dec. 30 failed.", "20251230", "month day");
    check_date("20260105", "The talks on March 3, 2024 failed.", "20240303", "month day");
    check_date("20260105", "Iran may 5 times say no.", "20260105", "document");
    check_date("20260105", "Russia praised Iran.", "20260105", "document");
    check_date("20260105", "The talks on February 30 failed.", "20260105", "document");
    check_date("20240301", "They met yesterday.", "20240229", "yesterday"); /* leap day */
    check_date("20260101", "They met yesterday.", "20251231", "yesterday");
    check_date("", "They met yesterday.", "", "none");
    check_date("20260314", "Russia said Friday it would send aid.", "20260313", "weekday");
    check_date("20260314", "Thousands attended Friday prayers.", "20260314", "document");
    check_date("20260314", "They will meet next Monday.", "20260316", "next weekday");
    check_date("20260314", "They will meet next Saturday.", "20260321", "next weekday");
    check_date("20260314", "They met two days ago.", "20260312", "ago");
    check_date("20260314", "They met 3 weeks ago.", "20260221", "ago");
    check_date("20260314", "They met a week ago.", "20260307", "ago");
    check_date("20260314", "Talks resume next week.", "20260321", "next week");
    /* the words are split as far as they are asked for: a phrase at the
     * very end, the first of two phrases, and the 160-word limit */
    check_date("20260314", "Iran and Russia met two days ago", "20260312", "ago");
    check_date("20260314", "They met Friday, not yesterday.", "20260313", "weekday");
    check_date("20260314", "Talks on March 3", "20260303", "month day");
    char long_sentence[2048] = "";
    for (int i = 0; i < 159; i++) strcat(long_sentence, "word ");
    strcat(long_sentence, "yesterday");
    check_date("20260314", long_sentence, "20260313", "yesterday"); /* word 160 */
    strcat(long_sentence, " and yesterday");
    memcpy(long_sentence + 159 * 5, "x", 1); /* word 160 is no date word now */
    check_date("20260314", long_sentence, "20260314", "document");
    /* the edges of years 1-9999: no wrapping to year 0 */
    check_date("99991231", "They meet tomorrow.", "", "none");
    check_date("99991230", "They meet tomorrow.", "99991231", "tomorrow");
    check_date("99991231", "Talks resume next week.", "", "none");
    check_date("99991231", "They will meet next Monday.", "", "none");
    check_date("00010101", "They met yesterday.", "", "none");
    check_date("00010102", "They met yesterday.", "00010101", "yesterday");
    check_date("00010103", "Iran thanked Russia last week.", "", "none");
    check_date("00010115", "Iran thanked Russia last month.", "", "none");
    check_date("00010103", "They met 3 weeks ago.", "", "none");
    check_date("00010105", "The talks on December 30 failed.", "", "none");
    check_date("00000101", "They met yesterday.", "", "none");
    check_date("20190601", "The talks on March 3, 99999 failed.", "", "none");
    check_date("20190601", "The talks on March 3, 2019 failed.", "20190303", "month day");
    check_date("19650320", "The talks on March 3, 1965 failed.", "19650303", "month day");
    check_date("20190601", "On March 3, 1000 soldiers crossed.", "20190303", "month day");
}

/* A date read from `in` (date_parse, date_parse_written) against the
 * YYYYMMDD wanted, or NULL when it must be refused. */
static void check_read(const char *in, int32_t got, const char *want) {
    char out[9] = "";
    int rc = date_text(got, out);
    if (!want) {
        if (rc != -1) fprintf(stderr, "  \"%s\" accepted as %s\n", in, out);
        CHECK(rc == -1);
    } else {
        CHECK(rc == 0);
        CHECK_STR(out, want);
    }
}

/* Dates of JSON Lines and XML records: the time of day of a timestamp is
 * checked (T25:99:99Z was taken once). */
static void check_norm(const char *in, const char *want) {
    check_read(in, date_parse(in, strlen(in)), want);
}

static void test_date_normalize(void) {
    check_norm("2017-05-23", "20170523");
    check_norm("20170523", "20170523");
    check_norm("2017-05-23T10:00:00Z", "20170523");
    check_norm("2017-05-23T23:59:60Z", "20170523");
    check_norm("2017-05-23 10:00", "20170523");
    check_norm("2017-05-23T10:00:00.123+02:00", "20170523");
    check_norm("2017-05-23T10:00:00-0500", "20170523");
    check_norm("2017-05-23T10:00:00+05", "20170523");
    check_norm("9999-12-31T23:59:59Z", "99991231");
    check_norm("0001-01-01", "00010101");
    check_norm("2017-05-23T25:99:99Z", NULL);
    check_norm("2017-05-23T24:00:00Z", NULL);
    check_norm("2017-05-23T10:60:00Z", NULL);
    check_norm("2017-05-23T10:00:61Z", NULL);
    check_norm("2017-05-23T10:00:00+25:00", NULL);
    check_norm("2017-05-23T10:00:00Zjunk", NULL);
    check_norm("2017-05-23T", NULL);
    check_norm("2017-05-23Tnoon", NULL);
    check_norm("2017-05-23T1:00", NULL);
    check_norm("0000-01-01", NULL);
    check_norm("00000101", NULL);
}

/* Dates as feeds write them (RSS, Atom, a page's meta tags). */
static void check_written(const char *in, const char *want) {
    check_read(in, date_parse_written(in), want);
}

static void test_written(void) {
    check_written("Sat, 14 Mar 2026 09:30:00 +0000", "20260314");
    check_written("2 Apr 2026 14:00 GMT", "20260402");
    check_written("Thu, 02 Apr 26 14:00:00 GMT", "20260402");
    check_written("2026-04-20T08:00:00Z", "20260420");
    check_written("  2024-02-29", "20240229");
    check_written("2025-02-29", NULL);
    check_written("Sat, 14 Foo 2026", NULL);
    check_written("yesterday", NULL);
    check_written("14 March 2026", "20260314");
    check_written("March 14, 2026", "20260314");
    check_written("Sept 3, 2025", "20250903");
    check_written("Foo 3, 2025", NULL);
    check_written("Marble 3, 2025", NULL);
}

/* The command line's --date: "YYYY-MM-DD" or "YYYYMMDD", a real date. */
static void test_command_line(void) {
    CHECK(dyad_date_parse("2017-05-23") == 20170523);
    CHECK(dyad_date_parse("20170523") == 20170523);
    CHECK(dyad_date_parse("2024-02-29") == 20240229);
    CHECK(dyad_date_parse("2017-02-31") == -1); /* no such day */
    CHECK(dyad_date_parse("2023-02-29") == -1);
    CHECK(dyad_date_parse("2017-0523") == -1);  /* half dashed */
    CHECK(dyad_date_parse("2017-05-23T10:00") == -1);
    CHECK(dyad_date_parse(" 2017-05-23") == -1);
    CHECK(dyad_date_parse("0000-01-01") == -1);
    CHECK(dyad_date_parse("") == -1);
    CHECK(dyad_date_parse("yesterday") == -1);
}

/* One rule for two-digit years, in the dictionaries and in feeds alike. */
static void test_two_digit_years(void) {
    CHECK(date_year2(0) == 2000);
    CHECK(date_year2(29) == 2029);
    CHECK(date_year2(30) == 1930);
    CHECK(date_year2(99) == 1999);
    CHECK(date_parse_compact("170523", 6) == 20170523);
    CHECK(date_parse_compact("291231", 6) == 20291231);
    CHECK(date_parse_compact("450101", 6) == 19450101);
    CHECK(date_parse_compact("20170523", 8) == 20170523);
    CHECK(date_parse_compact("20170231", 8) == -1); /* the calendar, not "day <= 31" */
    CHECK(date_parse_compact("170231", 6) == -1);
    CHECK(date_parse_compact("2017-05", 7) == -1);
    CHECK(date_parse_compact("1705", 4) == -1);
    check_written("Thu, 02 Apr 26 14:00:00 GMT", "20260402"); /* 26 -> 2026 */
    check_written("Sun, 02 Apr 45 14:00:00 GMT", "19450402"); /* 45 -> 1945, as in dictionaries */
}

static void test_arithmetic(void) {
    CHECK(date_of_day(0) == 19700101);
    CHECK(date_day_of(19700102) == 1);
    CHECK(date_of_day(date_day_of(20240229) + 1) == 20240301);
    CHECK(date_make(2017, 2, 31) == 0);
    CHECK(date_make(2017, 2, 28) == 20170228);
    char iso[11];
    date_put_iso(20170523, iso);
    CHECK_STR(iso, "2017-05-23");
    date_put_iso(0, iso);
    CHECK_STR(iso, "");
    date_put_iso(10101, iso);
    CHECK_STR(iso, "0001-01-01");
    date_put_iso(99991231, iso);
    CHECK_STR(iso, "9999-12-31");
    char compact[9];
    date_put(10101, compact);
    CHECK_STR(compact, "00010101");
    date_put(20260314, compact);
    CHECK_STR(compact, "20260314");
    date_put(-1, compact);
    CHECK_STR(compact, "");
    int32_t v = -1;
    CHECK(date_in_sentence(0, "They met yesterday.", 19, &v) == DYAD_DATE_NONE && v == 0);
}

/* The words a date phrase needs, which the coder looks for before it reads
 * a sentence for its date: every word that makes one of the phrases above,
 * in any case, and nothing that merely begins like one. */
static void test_date_words(void) {
    const char *yes[] = {"yesterday", "TODAY", "tonight", "Tomorrow", "week", "MONTH", "ago",
                         "Monday", "TUESDAY", "wednesday", "Thursday", "friday", "Saturday",
                         "SUNDAY", "January", "Jan", "janu", "February", "Feb", "febr", "march",
                         "MAR", "Marc", "April", "Apr", "Apri", "May", "June", "Jun", "July",
                         "Jul", "August", "Aug", "Augu", "September", "SEPT", "Sep", "October",
                         "Oct", "octo", "November", "Nov", "nove", "DECEMBER", "Dec", "dece"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CHECK(date_word(yes[i], strlen(yes[i])));
    const char *no[] = {"", "a", "we", "weeks", "weekly", "mayor", "Sundays", "Septem", "Marches",
                        "agony", "decade", "mon", "todays", "days", "2024", "MAY5", "tomorrows"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++) CHECK(!date_word(no[i], strlen(no[i])));
    /* the words of a token's text, read as date_in_sentence reads them */
    const char *s = "talks in mid-March";
    CHECK(date_words_in(s, s + 9, s + 18));     /* "mid-March" */
    CHECK(!date_words_in(s, s + 0, s + 5));     /* "talks" */
    s = "on Sept. 30";
    CHECK(date_words_in(s, s + 3, s + 8));      /* "Sept." */
    s = "on 5 Jan't";                           /* tokens Ja|n't: the word is "Jan" */
    CHECK(date_words_in(s, s + 7, s + 10));
    CHECK(!date_words_in(s + 7, s + 7, s + 10)); /* not before the sentence's start */
    s = "Monday\xc3\xa9";                        /* a non-ASCII byte ends a word */
    CHECK(date_words_in(s, s, s + 8));
}

int main(void) {
    test_event_dates();
    test_date_words();
    test_date_normalize();
    test_written();
    test_command_line();
    test_two_digit_years();
    test_arithmetic();
    return t_summary();
}
