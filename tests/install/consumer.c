/**
 * consumer.c: a program built against an installed libvnextract, the way a
 * user builds one (tests/install/install_test.py builds it with pkg-config
 * and with find_package). It prints the record of the article FILE as one
 * line of JSON, and fails when the library it runs with is not the version
 * of the header it was built with.
 *
 *   consumer FILE
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <vnextract.h>

// Read all of `path`; NULL on failure.
static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    size_t n = 0, got;
    char chunk[4096];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        char *p = realloc(buf, n + got);
        if (!p) {
            free(buf);
            fclose(f);
            return NULL;
        }
        memcpy(p + n, chunk, got);
        buf = p;
        n += got;
    }
    fclose(f);
    *len = n;
    return buf ? buf : calloc(1, 1);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: consumer FILE\n");
        return 2;
    }
    if (strcmp(vnx_version(), VNX_VERSION_STRING) != 0 || vnx_version_number() != VNX_VERSION) {
        fprintf(stderr, "consumer: library %s, header %s\n", vnx_version(), VNX_VERSION_STRING);
        return 1;
    }
    size_t len = 0;
    char *text = slurp(argv[1], &len);
    if (!text) {
        perror(argv[1]);
        return 1;
    }
    vnx_error err;
    vnx_extractor *x = vnx_extractor_new(NULL, &err);
    vnx_result *r = x ? vnx_extract(x, text, len, &err) : NULL;
    char *json = NULL;
    if (r && vnx_result_set_source(r, argv[1]) == VNX_OK)
        json = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    int status = json ? 0 : 1;
    if (json)
        puts(json);
    else
        fprintf(stderr, "consumer: %s\n", x && r ? "out of memory" : err.message);
    vnx_free(json);
    vnx_result_free(r);
    vnx_extractor_free(x);
    free(text);
    return status;
}
