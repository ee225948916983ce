/* geo.h - the geo stage: an embedded gazetteer and a finder of place mentions.
 *
 * The gazetteer (build/gazetteer.tsv, made at build time by tools/build-gazetteer.py from
 * GeoNames cities1000, ISO 3166 and data/places-extra.tsv) maps folded names to candidate
 * places. It is loaded once and is immutable afterwards: many threads may call geo_find()
 * with one gazetteer at once.
 *
 * geo_find() looks for capitalized word sequences that name a place ("Banjska", "Zvecan",
 * "north of Kosovo", "Khan Younis", "U.S.") and picks one candidate per mention, weighing:
 *   - the candidate's prior: its kind (country > continent > first-level division > region)
 *     and, for populated places, its population and rank (capital, seat of a division);
 *   - the article's countries (ctx_countries): a place in a country already seen wins
 *     (Banjska in Kosovo, not a namesake elsewhere);
 *   - the sentence: "Pandi, Bulacan" / "Zvecan, Kosovo" (a place next to the division or
 *     country that contains it), and cue words: "in/near/at/outside/from ...", "the town|city|
 *     village|region|province of ...", "... province|state|region";
 *   - evidence against: a name that is also a common English word (Police, Reading), one at
 *     the start of a sentence, or one inside a longer capitalized name (President Obama,
 *     Kenya Airways, Paris Hilton).
 */
#ifndef HD_GEO_H
#define HD_GEO_H
#include <stddef.h>
#include "../../include/herodot.h"
#include "../text/text.h"
#include "../util/arena.h"

typedef struct geo_gazetteer geo_gazetteer;   /* immutable after load, shared by threads */

/* Loads a gazetteer file (build/gazetteer.tsv or an installed copy). NULL with err filled
 * (file and line of the problem) when it cannot be read or is not a gazetteer. */
geo_gazetteer *geo_open(const char *path, hd_error *err);
/* the same, built in a region that is kept as the dictionary cache's image (util/region.h) */
struct region;
geo_gazetteer *geo_open_in(const char *path, hd_error *err, struct region *rg);
/* done building in the region: forget it (its address is not part of the image) */
void geo_seal(geo_gazetteer *g);
void geo_close(geo_gazetteer *g);

/* The gazetteer file to use when the caller names none: $HERODOT_GAZETTEER; else
 * build/gazetteer.tsv next to the binary (repo root or build/<variant>/); else
 * ../share/herodot/gazetteer.tsv next to it; else the installed data folder's parent.
 * Writes the path into out (size n); returns 0 if that file exists, -1 if none was found
 * (out then holds the last path tried). */
int geo_default_path(char *out, size_t n);

typedef struct geo_stats { long places, names, candidates; } geo_stats;
void geo_get_stats(const geo_gazetteer *g, geo_stats *st);

/* One place mention: tokens [t0, t1) of the sentence, the place chosen, and a confidence in
 * (0, 1). place's strings belong to the gazetteer and live as long as it does.
 * place.precision: "country", "admin1" (first-level division), "admin2", "region"
 * (continent, region, sea, island), "city" (any populated place).
 * place.admin1: the GeoNames admin1 key "CC.code" of the first-level division the place is in
 * (US.CA, AU.04, XK.30), or "" when unknown; for a country, "". geonames_id: 0 for places
 * that come from our own lists (countries, regions, places-extra). */
typedef struct geo_mention { int t0, t1; hd_place place; double score; } geo_mention;

/* Finds the place mentions of one sentence (tokens t[0..n) of the article text `text`).
 * ctx_countries: what the article has named so far, nctx entries: ISO3 country codes (a
 * code given k times counts k times, up to a cap), admin1 keys ("US.CA": places in that
 * division are favoured) and "~key" person names from geo_person_keys(); may be NULL. *out is allocated in the arena a; returns the number of mentions, in text order.
 * A sentence whose tokens are all one place name (a dateline "PRISTINA", a title) counts
 * as strong evidence that the name is a place. */
/* for tests: the place finder's word lists are sorted (it searches them by bsearch), and no
   connector is longer than 5 bytes (it skips longer words without a search) */
int geo_lists_sorted(void);
int geo_find(const geo_gazetteer *g, arena *a, const token *t, int n, const char *text,
             const char *const *ctx_countries, int nctx, geo_mention **out);

/* Names that one sentence uses for people ("Bruce Edwards Ivins", "Dr. Dunn", "Paul Kemp"):
 * the last word of a run of capitalized words, when the gazetteer knows it only as a town.
 * Each comes back as a context entry "~key" (arena a): passed back to geo_find() for the
 * article's other sentences, it keeps "Ivins said" from being Ivins, Utah. */
int geo_person_keys(const geo_gazetteer *g, arena *a, const token *t, int n, const char *text,
                    const char ***out);
#endif
