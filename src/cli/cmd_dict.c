/* cmd_dict.c - `herodot dict check|stats [DIR]`: loads a dictionary set and reports every
 * problem with file:line (check) or the counts by kind (stats). */
#include "cli.h"
#include <stdio.h>
#include <string.h>

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) { fputs("usage: herodot dict check|stats [DIR]\n", stderr); return 2; }
    const char *sub = argv[1];
    cli_common cc = { 0 };
    for (int i = 2; i < argc; i++) {
        if (cli_common_opt(&cc, argc, argv, &i)) continue;
        cc.dict_dir = argv[i];
    }
    if (strcmp(sub, "check") && strcmp(sub, "stats")) {
        fprintf(stderr, "herodot: dict %s: unknown subcommand\n", sub);
        return 2;
    }
    if (!strcmp(sub, "stats")) cc.quiet = 1;
    hd_coder *c = cli_open_coder(&cc);
    if (!c) return 3;
    hd_dict_stats st;
    hd_coder_stats(c, &st);
    if (!strcmp(sub, "stats")) {
        printf("actor entries        %ld\n", st.actor_entries);
        printf("actor phrases        %ld\n", st.actor_phrases);
        printf("people               %ld\n", st.people);
        printf("agent phrases        %ld\n", st.agent_phrases);
        printf("verbs                %ld\n", st.verbs);
        printf("patterns             %ld\n", st.patterns);
        printf("codes with patterns  %ld\n", st.codes_with_patterns);
        printf("synonym sets         %ld\n", st.synsets);
        printf("discards             %ld\n", st.discards);
        printf("load problems        %ld\n", st.load_errors);
        printf("hash                 %s\n", hd_coder_dict_hash(c));
    } else {
        printf("%ld problem%s\n", cc.warnings, cc.warnings == 1 ? "" : "s");
    }
    hd_coder_close(c);
    return !strcmp(sub, "check") && cc.warnings ? 1 : 0;
}
