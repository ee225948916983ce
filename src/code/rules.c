/* rules.c - the switches of the peers' coding rules that a coder can be set to (TABARI's
 * .options commands), parsed from their own text. The settings belong to one coder
 * (hd_coder_option); the code stage reads them through sent_ctx.rules. Only what the engine
 * honours is accepted: anything else is answered "no such switch" so that the caller can say
 * so, rather than being ignored in silence. */
#include "code.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void code_rules_default(code_rules *r, uint8_t rule_set)
{
    memset(r, 0, sizeof *r);
    r->code_by = CODE_BY_CLAUSE;
    int lim[3][2] = { { 128, 0 }, { 2, 10 }, { 2, 10 } };   /* TABARI's defaults (manual 8.6) */
    /* PETRARCH's (PETR_config.ini): internal and terminal clauses of more than 2 and at most 8 */
    if (rule_set == RULES_PETRARCH) lim[1][1] = lim[2][1] = 8;
    memcpy(r->comma, lim, sizeof lim);
    r->min_words = 8;                                         /* manual 4.2, 8.2.3 */
}

/* strcasestr is a GNU extension */
static const char *find_ci(const char *s, const char *key)
{
    size_t kl = strlen(key);
    for (; *s; s++) if (!strncasecmp(s, key, kl)) return s;
    return NULL;
}

/* "KEY = 12" anywhere in s (case-insensitive, blanks around '=' allowed); -1 if absent */
static int int_after(const char *s, const char *key)
{
    size_t kl = strlen(key);
    for (const char *p = s; *p; p++) {
        if (strncasecmp(p, key, kl) || (p > s && isalpha((unsigned char)p[-1]))) continue;
        const char *q = p + kl;
        while (*q == ' ' || *q == '\t') q++;
        if (*q != '=') continue;
        q++;
        while (*q == ' ' || *q == '\t') q++;
        if (isdigit((unsigned char)*q)) return atoi(q);
    }
    return -1;
}

/* "[CODE]" after the word key, upper-cased into out (at most 15 characters, as TABARI) */
static int code_after(const char *s, const char *key, char *out, size_t n)
{
    const char *p = find_ci(s, key);
    if (!p) return 0;
    const char *lb = strchr(p, '['), *rb = lb ? strchr(lb, ']') : NULL;
    if (!lb || !rb || rb - lb - 1 <= 0) return 0;
    size_t k = 0;
    for (const char *q = lb + 1; q < rb && k + 1 < n && k < 15; q++)
        if (*q != ' ') out[k++] = (char)toupper((unsigned char)*q);
    out[k] = 0;
    return k > 0;
}

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t') s++;
    return s;
}

int code_rules_option(code_rules *r, const char *line)
{
    const char *s = skip_blanks(line);
    if (!strncasecmp(s, "COMMA:", 6)) {
        s = skip_blanks(s + 6);
        if (!strncasecmp(s, "OFF", 3)) { r->comma_off = 1; return 0; }
        static const char *const keys[3][2] = { { "BMIN", "BMAX" }, { "MIN", "MAX" }, { "EMIN", "EMAX" } };
        int any = 0;
        for (int k = 0; k < 3; k++)
            for (int j = 0; j < 2; j++) {
                int v = int_after(s, keys[k][j]);
                if (v >= 0) { r->comma[k][j] = v; any = 1; }
            }
        if (!any) return -1;
        r->comma_off = 0;
        return 0;
    }
    if (!strncasecmp(s, "DEFAULT:", 8)) {
        s = skip_blanks(s + 8);
        r->def_src[0] = r->def_tgt[0] = 0;
        r->def_src_prior = r->def_tgt_after = 0;
        if (!strncasecmp(s, "OFF", 3)) return 0;
        const char *tp = find_ci(s, "TARGET");
        if (code_after(s, "SOURCE", r->def_src, sizeof r->def_src)) {
            const char *pr = find_ci(s, "PRIOR");
            r->def_src_prior = pr && (!tp || pr < tp);
        }
        if (tp && code_after(tp, "TARGET", r->def_tgt, sizeof r->def_tgt))
            r->def_tgt_after = find_ci(tp, "AFTER") != NULL;
        return r->def_src[0] || r->def_tgt[0] ? 0 : -1;
    }
    if (!strncasecmp(s, "SET:", 4)) {
        s = skip_blanks(s + 4);
        if (!strncasecmp(s, "CODE BY SENTENCE", 16)) { r->code_by = CODE_BY_SENTENCE; return 0; }
        if (!strncasecmp(s, "CODE BY CLAUSE", 14)) { r->code_by = CODE_BY_CLAUSE; return 0; }
        if (!strncasecmp(s, "CODE ALL", 8)) { r->code_by = CODE_ALL; return 0; }
        if (!strncasecmp(s, "MINIMUM WORDS", 13)) {
            int v = int_after(s, "WORDS");
            if (v < 0) return -1;
            r->min_words = v;
            return 0;
        }
        if (!strncasecmp(s, "REQUIRE DYAD", 12)) {      /* PETRARCH's require_dyad */
            const char *eq = strchr(s, '=');
            if (!eq) return -1;
            r->monadic = !!strncasecmp(skip_blanks(eq + 1), "TRUE", 4);
            return 0;
        }
        if (!strncasecmp(s, "CONVERT AGENT", 13)) {
            const char *eq = strchr(s, '=');
            if (!eq) return -1;
            r->convert_agent = !strncasecmp(skip_blanks(eq + 1), "TRUE", 4);
            return 0;
        }
        return 1;
    }
    if (!strncasecmp(s, "FORWARD:", 8)) {
        /* the sequence format says where story and sentence numbers are in a record's id;
           herodot takes a record id's last number as the sentence and the rest as the story
           (the caller's business: see hd_code_options.forward) */
        size_t n = strlen(s);
        while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) n--;
        r->forward = !(n >= 3 && !strncasecmp(s + n - 3, "OFF", 3));
        return 0;
    }
    if (!strncasecmp(s, "COMPLEX:", 8)) {
        s += 8;
        r->complex_noactprior = find_ci(s, "NOACTPRIOR") != NULL;
        int v = 0;
        const char *p = find_ci(s, "VERBS[");
        r->complex_verbs = p && (v = atoi(p + 6)) > 0 ? v : 0;
        p = find_ci(s, "CONJ[");
        r->complex_conj = p && (v = atoi(p + 5)) > 0 ? v : 0;
        return 0;
    }
    return 1;
}
