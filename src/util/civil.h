/* civil.h -- calendar arithmetic shared by event dating and the ties
 * series: civil dates to day numbers and back (H. Hinnant's algorithms). */
#ifndef DYAD_CIVIL_H
#define DYAD_CIVIL_H

/* Days since 1970-01-01 of year y, month m (1-12), day d. */
long civil_days(int y, int m, int d);
/* The civil date of day number z (days since 1970-01-01). */
void civil_date(long z, int *y, int *m, int *d);
/* Days in month m (1-12) of year y. */
int civil_month_days(int y, int m);
/* Is y-m-d a real date of years 1-9999? */
int civil_valid(int y, int m, int d);
#endif
