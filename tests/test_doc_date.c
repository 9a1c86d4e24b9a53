/* test_doc_date.c -- the date of a document that gives none in its
 * metadata (dyad_doc_find_date): a full date in its dateline or first
 * lines, else a YYYY-MM-DD or YYYYMMDD in its file name; else none. The
 * texts are written for this test. */
#include "t.h"
#include "dyad.h"

/* The date found for text (and file name), "" when none; its source in *from. */
static const char *found(dyad_arena *a, const char *date, const char *text, const char *name,
                         dyad_date_from *from) {
    dyad_doc d = {0};
    d.id = "t";
    d.date = date;
    d.text = text;
    d.text_len = strlen(text);
    *from = dyad_doc_find_date(&d, name, a);
    return d.date;
}

int main(void) {
    dyad_arena *a = dyad_arena_new(0);
    dyad_date_from f;

    /* metadata wins: a dated document is left as it is */
    CHECK_STR(found(a, "20190405", "OSLO, May 2, 2021 - Norway protested.", "x-2020-01-01.txt", &f),
              "20190405");
    CHECK(f == DYAD_DATE_FROM_META);

    /* the dateline: month day, year */
    CHECK_STR(found(a, "", "OSLO, May 2, 2021 - Norway protested to Sweden.", NULL, &f), "20210502");
    CHECK(f == DYAD_DATE_FROM_TEXT);
    /* abbreviated month with a period, ordinal day */
    CHECK_STR(found(a, "", "LIMA, Peru, Sept. 21st 2019 (AP) - Peru recalled its envoy.", NULL, &f),
              "20190921");
    /* day month year in a byline under the headline */
    CHECK_STR(found(a, "", "Chile recalls envoy\n\nBy a staff writer | Updated 7 November 2022\n\n"
                           "Chile recalled its ambassador.", NULL, &f), "20221107");
    /* "the 3rd of March, 2020" */
    CHECK_STR(found(a, "", "Posted on the 3rd of March, 2020.\nGhana thanked Togo.", NULL, &f),
              "20200303");
    /* ISO date in a first line */
    CHECK_STR(found(a, "", "Published 2018-12-30 08:15 UTC\nKenya hosted Uganda's president.", NULL, &f),
              "20181230");
    /* the text wins over the file name */
    CHECK_STR(found(a, "", "ROME, June 9, 2017 - Italy met Malta.", "news-2001-01-01.txt", &f),
              "20170609");
    CHECK(f == DYAD_DATE_FROM_TEXT);

    /* no full date: a month and day without a year, the modal "may", a year alone */
    CHECK_STR(found(a, "", "Dhaka [Bangladesh], May 20 (ANI): Bangladesh may ask India for talks "
                           "in 2024.", NULL, &f), "");
    CHECK(f == DYAD_DATE_FROM_NONE);
    /* a date past the first lines is what the story is about, not its date */
    CHECK_STR(found(a, "", "Fiji hosted Samoa.\nOne.\nTwo.\nThree.\nFour.\nFive.\n"
                           "The treaty of March 4, 1990 was recalled.", NULL, &f), "");
    /* the years are looked for first (16 bytes at a time), then the words
     * before each read back: a year may open the text, end it, or stand
     * anywhere among the first words */
    CHECK_STR(found(a, "", "2018-12-30: Kenya hosted Uganda's president.", NULL, &f), "20181230");
    CHECK_STR(found(a, "", "Kenya hosted Uganda, ACCRA, 3 May 2021", NULL, &f), "20210503");
    CHECK_STR(found(a, "", "Ghana thanked Togo, May 3 1999", NULL, &f), "19990503");
    CHECK_STR(found(a, "", "LOME, Togo, 12 Jan 2005 - Togo thanked Ghana.", NULL, &f), "20050112");
    /* four digits inside a word or a longer number are no year */
    CHECK_STR(found(a, "", "Togo, May 3 A2021 - Ghana thanked Togo.", NULL, &f), "");
    CHECK_STR(found(a, "", "Togo, May 3 20210 - Ghana thanked Togo.", NULL, &f), "");
    CHECK(f == DYAD_DATE_FROM_NONE);
    /* a day that does not exist is no date */
    CHECK_STR(found(a, "", "QUITO, February 30, 2021 - Ecuador met Peru.", NULL, &f), "");

    /* the file name: YYYY-MM-DD, YYYYMMDD, and only in the base name */
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "in/wire-2016-08-14-mali.txt", &f),
              "20160814");
    CHECK(f == DYAD_DATE_FROM_NAME);
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "in/wire_20150302.txt", &f), "20150302");
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "2014-05-05/story.txt", &f), "");
    /* a number that is longer, or a year alone, is no date */
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "id-201503021.txt", &f), "");
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "report-2015.txt", &f), "");
    CHECK_STR(found(a, "", "Mali expelled a French diplomat.", "wire-20151302.txt", &f), "");
    CHECK(f == DYAD_DATE_FROM_NONE);
    /* a year that makes no date, then one that does; the words before a
     * year read back across line ends and punctuation */
    CHECK_STR(found(a, "", "In 1999 Peru and Chile met; 2001 too.\nLIMA, 4 May 2021 - Peru met Chile.",
                    NULL, &f), "20210504");
    CHECK_STR(found(a, "", "Filed on the 9th\nof\nJuly, 2016; Peru met Chile.", NULL, &f), "20160709");
    CHECK_STR(found(a, "", "2021-02-30 and 2021-03-01: Peru met Chile.", NULL, &f), "20210301");
    /* the first lines end at the 6th line with words, or the 160th word */
    CHECK_STR(found(a, "", "One\n\nTwo\n \nThree\nFour\nFive\nMay 2, 2021 - Fiji met Samoa.", NULL, &f),
              "20210502");
    CHECK_STR(found(a, "", "One\nTwo\nThree\nFour\nFive\nSix\nMay 2, 2021 - Fiji met Samoa.", NULL, &f),
              "");
    char many[600] = "", more[600] = "a ";
    for (int i = 0; i < 157; i++) strcat(many, "a ");
    CHECK_STR(found(a, "", strcat(many, "May 2, 2021"), NULL, &f), "20210502"); /* the 160th word */
    CHECK_STR(found(a, "", strcat(more, many), NULL, &f), ""); /* the 161st */

    dyad_arena_free(a);
    return t_summary();
}
