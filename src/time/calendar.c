/* calendar.c - proleptic Gregorian date arithmetic on YYYYMMDD integers (days from civil
 * after H. Hinnant), ISO weeks and Easter (the anonymous Gregorian algorithm). */
#include "time.h"
#include "../util/buf.h"
#include <stdio.h>
#include <string.h>

int time_month_days(int y, int m)
{
    static const int md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12) return 0;
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return md[m - 1];
}

int time_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= time_month_days(y, m);
}

int32_t time_parse_ymd(const char *s)
{
    int v[3] = { 0, 0, 0 }, want[3] = { 4, 2, 2 };
    for (int k = 0; k < 3; k++) {
        for (int j = 0; j < want[k]; j++, s++) {
            if (*s < '0' || *s > '9') return -1;
            v[k] = v[k] * 10 + (*s - '0');
        }
        if (k < 2 && *s++ != '-') return -1;
    }
    if (*s >= '0' && *s <= '9') return -1;
    if (!time_valid(v[0], v[1], v[2])) return -1;
    return v[0] * 10000 + v[1] * 100 + v[2];
}

long time_days(int32_t ymd)
{
    long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int32_t time_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t time_add_days(int32_t ymd, long n) { return time_from_days(time_days(ymd) + n); }

int32_t time_add_months(int32_t ymd, int n)
{
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    int k = y * 12 + (m - 1) + n;
    y = k / 12; m = k % 12 + 1;
    if (d > time_month_days(y, m)) d = time_month_days(y, m);
    return y * 10000 + m * 100 + d;
}

int time_weekday(int32_t ymd)
{
    long z = time_days(ymd);          /* 1970-01-01 was a Thursday (3) */
    long w = (z % 7 + 7 + 3) % 7;
    return (int)w;
}

void time_iso_week(int32_t ymd, int *year, int *week)
{
    /* the week belongs to the year of its Thursday */
    int32_t thu = time_add_days(ymd, 3 - time_weekday(ymd));
    int y = thu / 10000;
    long jan1 = time_days(y * 10000 + 101);
    *year = y;
    *week = (int)((time_days(thu) - jan1) / 7 + 1);
}

int32_t time_easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return y * 10000 + month * 100 + day;
}

/* by hand: every event and every date expression formats a date, and snprintf cost a tenth of
 * the date stage; values printf would print differently (negative, five-digit) go to it */
void time_format(char out[16], int y, int m, int d, int prec)
{
    if (y < 0 || y > 9999 || m < 0 || m > 99 || d < 0 || d > 99) {
        if (prec == TP_YEAR) snprintf(out, 16, "%04d", y);
        else if (prec == TP_MONTH) snprintf(out, 16, "%04d-%02d", y, m);
        else snprintf(out, 16, "%04d-%02d-%02d", y, m, d);
        return;
    }
    /* two digits at a time from the table of the pairs 00 .. 99 */
    const char *pairs = digit_pairs;
    memcpy(out, pairs + 2 * (y / 100), 2);
    memcpy(out + 2, pairs + 2 * (y % 100), 2);
    int n = 4;
    if (prec != TP_YEAR) {
        out[n++] = '-'; memcpy(out + n, pairs + 2 * m, 2); n += 2;
        if (prec != TP_MONTH) { out[n++] = '-'; memcpy(out + n, pairs + 2 * d, 2); n += 2; }
    }
    out[n] = 0;
}
