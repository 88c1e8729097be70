/**
 * mangen.c: vnextract(1) from its template (docs/vnextract.1) and the tables
 * of options.c, at build time. The template's comment line
 * `.\" vnx_mangen: options` becomes the options, `.\" vnx_mangen: exit
 * statuses` the exit statuses; every other line is copied.
 *
 *   vnx_mangen TEMPLATE OUTPUT
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <string.h>

#include "options.h"

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: vnx_mangen TEMPLATE OUTPUT\n", stderr);
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    FILE *out = in ? fopen(argv[2], "w") : NULL;
    if (!out) {
        perror(in ? argv[2] : argv[1]);
        return 1;
    }
    char line[4096];
    while (fgets(line, sizeof line, in)) {
        if (strcmp(line, ".\\\" vnx_mangen: options\n") == 0)
            cli_print_man_options(out);
        else if (strcmp(line, ".\\\" vnx_mangen: exit statuses\n") == 0)
            cli_print_man_exit_statuses(out);
        else
            fputs(line, out);
    }
    int failed = ferror(in) || fclose(out) != 0;
    fclose(in);
    if (failed)
        perror(argv[2]);
    return failed;
}
