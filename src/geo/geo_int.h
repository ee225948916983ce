/* geo_int.h - the geo stage's insides, shared by gazetteer.c (loading) and find.c. */
#ifndef HD_GEO_INT_H
#define HD_GEO_INT_H
#include "geo.h"
#include "../util/strmap.h"
#include "../util/region.h"
#include <stdint.h>

enum geo_type {
    GT_COUNTRY = 1, GT_CONT, GT_ADM1, GT_ADM1S, GT_ADM2, GT_RGN, GT_WATER, GT_ISL,
    GT_PPLC, GT_PPLA, GT_PPLA2, GT_PPL, GT_PPLX, GT_PPLL
};
#define GT_IS_POPULATED(t) ((t) >= GT_PPLC)
#define GT_IS_ADM1(t) ((t) == GT_ADM1 || (t) == GT_ADM1S)

enum { GN_COMMON = 1, GN_ACRONYM = 2, GN_STOP = 4 };
#define GEO_MAXC 32   /* candidates kept per name */

typedef struct gplace {
    const char *name, *admin1;   /* into the file buffer */
    char iso3[4];
    double lat, lon;
    uint32_t pop;
    long gid;
    uint8_t type;
    float prior;
} gplace;

typedef struct gname { uint32_t first; uint8_t n, flags; } gname;

struct geo_gazetteer {
    region *rg;                   /* the region it is being built in, or NULL */
    int in_region;                /* lives in a region: nothing to free */
    char *buf;
    gplace *p; uint32_t np;
    gname *nm; uint32_t nn;
    uint32_t *cand; size_t nc;    /* place id << 1 | 1 when the name is a GeoNames alternate */
    strmap names;                 /* folded key -> index in nm */
    strmap admin1;                /* admin1 key -> id of the ADM1 place */
};
#endif
