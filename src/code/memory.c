/* memory.c - coreference across an article: who was last named of each kind (person,
 * organization, armed group, state, crowd), the article's home country (dateline, else the
 * first country named), and surnames learnt from titles and appositives, so that "the
 * alliance", "he", "the group" and a bare "Radoicic" get the right code later on. */
#include "code.h"
#include <stddef.h>
#include <string.h>

/* zero the bytes of m from field a up to field b */
#define ZERO_SPAN(m, a, b) memset((char *)(m) + offsetof(memory, a), 0, offsetof(memory, b) - offsetof(memory, a))
/* memory_init's spans assume each array comes just before its count, in this order */
_Static_assert(offsetof(memory, roles) < offsetof(memory, nroles) &&
               offsetof(memory, nroles) < offsetof(memory, evs) &&
               offsetof(memory, evs) < offsetof(memory, nevs) &&
               offsetof(memory, nevs) < offsetof(memory, names) &&
               offsetof(memory, names) < offsetof(memory, nnames), "memory's fields moved: see memory_init");

void memory_init(memory *m, int32_t date)
{
    /* all but the arrays behind a count (roles, events, names: 1.8 of its 2.1 KB, zeroed for
       every article), whose entries are written before their count covers them; every other
       byte is zeroed, so a field added anywhere else starts at 0 */
    memset(m, 0, offsetof(memory, roles));
    ZERO_SPAN(m, nroles, evs);
    ZERO_SPAN(m, nevs, names);
    memset((char *)m + offsetof(memory, nnames), 0, sizeof *m - offsetof(memory, nnames));
    m->date = date;
}
#undef ZERO_SPAN

/* the role of a code of at least six letters (its second three), else NULL */
static const char *role_of(const char *code)
{
    for (int i = 0; i < 6; i++) if (!code[i]) return NULL;
    return code + 3;
}

const char *memory_resolve(const memory *m, uint8_t cls)
{
    switch (cls) {
    case AN_IGO: return m->last_igo;
    case AN_GROUP: return m->last_group;
    case AN_PERSON: return m->last_person;
    case AN_STATE: return m->last_state ? m->last_state : m->last_any;
    case AN_CROWD: return m->last_crowd;
    case AN_PLURAL: return m->last_plural ? m->last_plural : m->last_group ? m->last_group : m->last_any;
    case AN_GOV: return m->last_state;   /* the agent of the phrase ("government") adds GOV */
    case AN_MIL: return m->last_mil ? m->last_mil : m->last_state;
    }
    return NULL;
}

static void remember_name(memory *m, const char *name, const char *code)
{
    /* (the first letters first: most names differ there, and strcmp is a call) */
    for (int i = 0; i < m->nnames; i++)
        if (m->names[i].name[0] == name[0] && !strcmp(m->names[i].name, name)) {
            m->names[i].code = code;
            return;
        }
    if (m->nnames == 64) return;
    m->names[m->nnames].name = name;
    m->names[m->nnames].code = code;
    m->nnames++;
}

const char *memory_role(const memory *mem, const char *role)
{
    for (int i = 0; i < mem->nroles; i++)
        if (!strncmp(mem->roles[i].role, role, 3)) return mem->roles[i].code;
    return NULL;
}

/* r: code's role (role_of) */
static void remember_role(memory *mem, const char *code, const char *r)
{
    if (!r || code_same3(code, "IGO") || code_same3(code, "NGO")) return;
    for (int i = 0; i < mem->nroles; i++)
        if (code_same3(mem->roles[i].role, r)) { mem->roles[i].code = code; return; }
    if (mem->nroles == 16) return;
    memcpy(mem->roles[mem->nroles].role, code + 3, 3);
    mem->roles[mem->nroles].role[3] = 0;
    mem->roles[mem->nroles++].code = code;
}

/* one coded mention becomes the latest of its kinds */
void memory_note(memory *mem, const mention *m, arena *a)
{
    if (m->absorbed || !m->code) return;
    const char *code = m->code;
    const char *r = role_of(code);   /* once, for the role memory and the kinds below */
    if (!m->agent_only && !m->pronoun) remember_role(mem, code, r);
    mem->last_any = code;
    if (m->person) { mem->last_person = code; }
    else mem->last_nonperson = code;
    if (code_same3(code, "IGO")) { mem->last_igo = code; return; }
    if (code_same3(code, "NGO") || code_same3(code, "IMG")) { mem->last_group = code; return; }
    if (m->kind == AK_GROUP) mem->last_group = code;
    /* the kinds a role makes: by its first letter, so that a role of none of them (GOV, COP,
       BUS...) costs one test instead of seven comparisons */
    if (r) switch (r[0]) {
    case 'R': if (code_same3(r, "REB")) mem->last_group = code; break;
    case 'I': if (code_same3(r, "INS")) mem->last_group = code; break;
    case 'S': if (code_same3(r, "SEP")) mem->last_group = code; break;
    case 'C':
        if (code_same3(r, "CRM")) mem->last_group = code;
        else if (code_same3(r, "CVL")) mem->last_crowd = code;
        break;
    case 'O': if (code_same3(r, "OPP")) mem->last_crowd = code; break;
    case 'M': if (code_same3(r, "MIL")) mem->last_mil = code; break;
    }
    if (m->plural && !m->person) mem->last_plural = code;
    if (code[0] && code[1] && code[2] && !m->pronoun && !m->agent_only) {
        /* the same state again (most often) keeps its copy */
        if (!mem->last_state || !code_same3(mem->last_state, code) || mem->last_state[3])
            mem->last_state = arena_strndup(a, code, 3);
        if (!mem->home) mem->home = mem->last_state;
    }
}

/* after a sentence: names learnt, and its compounds ("both sides" may refer to them) */
void memory_update(sent_ctx *c)
{
    memory *mem = c->mem;
    for (int k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        if (m->absorbed || !m->code) continue;
        memory_note(mem, m, c->a);
        if (m->person && m->name && !m->pronoun) remember_name(mem, m->name, m->code);
        if (m->person && m->name2 && !m->pronoun) remember_name(mem, m->name2, m->code);
    }
    for (int g = 0; g < c->ng; g++) {
        if (c->g[g].n < 2) continue;
        mem->last_plural = c->m[c->g[g].mem[0]].code;
        mem->ncompound = 0;
        for (int k = 0; k < c->g[g].n; k++) mem->compound[mem->ncompound++] = c->m[c->g[g].mem[k]].code;
        mem->compound_sent = mem->sent;
    }
}

/* Event families for event-noun coreference: "condemned the attack" refers back to the last
 * violent event, "called the pact illegal" to the last agreement. */
int event_family(const char *code)
{
    if (!code || !code[0] || !code[1]) return 0;
    int r = (code[0] - '0') * 10 + (code[1] - '0');
    if (r >= 18) return 18;
    if (r >= 3 && r <= 6) return 4;
    if (r >= 10 && r <= 13) return 11;
    if (r <= 2) return 1;
    return r;
}

void memory_event(memory *mem, const char *code, const char *src)
{
    int i = mem->nevs % 32;
    mem->evs[i].family = event_family(code);
    mem->evs[i].src = src;
    mem->nevs++;
}

const char *memory_event_source(const memory *mem, int family)
{
    for (int k = 0; k < 32 && k < mem->nevs; k++) {
        int i = (mem->nevs - 1 - k) % 32;
        if (mem->evs[i].family == family) return mem->evs[i].src;
    }
    return NULL;
}

/* the latest event source that is not the given actor's state: whom a denial answers */
const char *memory_event_other(const memory *mem, const char *src)
{
    for (int k = 0; k < 32 && k < mem->nevs; k++) {
        int i = (mem->nevs - 1 - k) % 32;
        const char *s = mem->evs[i].src;
        if (s && strncmp(s, src, 3)) return s;
    }
    return NULL;
}

/* "demanded the release of both", "an end to martial law": undoing names the doer of the
 * coercion or violence undone */
const char *memory_undone_source(const memory *mem)
{
    const char *s = memory_event_source(mem, 17);
    if (!s) s = memory_event_source(mem, 18);
    if (!s) s = memory_event_source(mem, 16);
    return s;
}
