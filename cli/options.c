/**
 * options.c: the table of the command's options, and what is made from it:
 * getopt_long's tables, the --help text and the OPTIONS section of
 * vnextract(1); the same for the exit statuses. A row's `help` is one paragraph, wrapped by the
 * printers.
 *
 * SPDX-License-Identifier: MIT
 */
#include "options.h"

#include <signal.h>
#include <string.h>

const char *const cli_group_names[GROUP_COUNT] = {"Input", "Batch", "Output", "Information"};

const cli_option cli_options[] = {
    {"from", OPT_FROM, "FORMAT", GROUP_INPUT,
     "How to read an input: auto (the default: by the file's extension, then by its first "
     "bytes), text, html or jsonl.",
     "A JSON Lines stream holds one object per line with \"text\" or \"html\", and \"id\" or "
     "\"url\" (the record's source; else FILE:LINE)."},
    {"encoding", OPT_ENCODING, "NAME", GROUP_INPUT,
     "The input's encoding (default: UTF-8, or UTF-16/32 by its byte order mark); any ICU "
     "name: windows-1258, VISCII.",
     NULL},
    {"glob", OPT_GLOB, "PATTERN", GROUP_INPUT,
     "In a directory, read only the files whose name (or path) matches PATTERN, a shell "
     "wildcard (\"*.htm*\", \"index.php*\"); may be given more than once.",
     "Without --glob a directory's files are all read but a page's assets (.css, .js, .json, "
     ".xml, .svg, fonts), each by its content: a page saved as index.php?id=12, without an "
     "extension or as .HTM is HTML when it starts with '<'. "
     "Binary files (PDF, images, archives, office files) are skipped with a line on standard "
     "error and counted at the end."},
    {"exclude", OPT_EXCLUDE, "PATTERN", GROUP_INPUT,
     "In a directory, leave out the files (and directories) whose name or path matches "
     "PATTERN; may be given more than once.",
     NULL},
    {"max-bytes", OPT_MAX_BYTES, "N", GROUP_INPUT,
     "Skip, with an error record, documents over N bytes (suffixes K, M, G; default 32M).",
     "A JSON line over N bytes is skipped to its end and the stream read on; a line with no "
     "end in 8 times N bytes more (/dev/zero) ends the stream's reading."},
    {"patterns", OPT_PATTERNS, "DIR", GROUP_INPUT,
     "Use the pattern set in DIR instead of the built-in one.",
     "DIR holds KIND.pcre, lexicon/NAME.txt and VERSION. A pattern that does not compile is "
     "reported with its file, line and offset."},
    {"no-anchors", OPT_NO_ANCHORS, NULL, GROUP_INPUT,
     "Run every pattern over the whole text, ignoring the patterns' @anchor lines (slower; "
     "the output is the same when the anchors are right).",
     "Comparing the two outputs checks a pattern set's anchors."},
    {"jobs", 'j', "N", GROUP_BATCH,
     "N worker threads (default: the number of cores); the output is in input order whatever "
     "N is.",
     "A document of 1 MB or more is extracted by one worker at a time (the others wait for "
     "it), so that N workers do not multiply a large document's memory."},
    {"no-progress", OPT_NO_PROGRESS, NULL, GROUP_BATCH,
     "No progress line on standard error (shown only when it is a terminal and the run takes "
     "more than a second).",
     NULL},
    {"pretty", OPT_PRETTY, NULL, GROUP_OUTPUT, "Indent each record over several lines.", NULL},
    {"no-spans", OPT_NO_SPANS, NULL, GROUP_OUTPUT, "Leave out the \"span\" and \"spans\" members.",
     NULL},
    {"spans", OPT_SPANS, "UNIT", GROUP_OUTPUT,
     "What span offsets count: bytes (the default: UTF-8 bytes, the indices of C, Go and "
     "Rust strings), codepoints (Python's str) or utf16 (JavaScript's, Java's). A span "
     "indexes the text the record was extracted from: a text input decoded to UTF-8, a JSON "
     "line's \"text\", an HTML page's extracted text.",
     "An invalid UTF-8 sequence counts as one code point (U+FFFD), as Python's "
     "bytes.decode(errors=\"replace\") and JavaScript's TextDecoder read it."},
    {"fields", OPT_FIELDS, "LIST", GROUP_OUTPUT,
     "Emit only these fields (and \"source\"), comma-separated: title, event, dates, "
     "directives, officials, tallies, attendance, author, published, warnings, text.",
     "Fields come in the record's usual order; an unknown name is a usage error. Only the "
     "extractors those fields need run (title, event and author read the dates and directives "
     "found; tallies and attendance run together), which is faster; with warnings or --html, "
     "all run."},
    {"with-text", OPT_WITH_TEXT, NULL, GROUP_OUTPUT,
     "Add \"text\" to each record: the text the facts were read from, which the spans "
     "index (for HTML, the article as the reader view read it, headline first).",
     NULL},
    {"text", OPT_TEXT, NULL, GROUP_OUTPUT,
     "Write each document's text instead of its record (for HTML: the article the reader "
     "view reads, headline first), a blank line after each.",
     "This shows why a fact was or was not found: what is not in this text is not read."},
    {"html", OPT_HTML, "FILE", GROUP_OUTPUT,
     "Also write FILE, a page to review the batch in a browser: a summary in charts that filter "
     "the list of articles, each with its meeting, its facts and its text with every span "
     "highlighted.",
     "The page is one self-contained file that fetches nothing (the records inside it "
     "compressed), and needs a browser of 2023 or later (DecompressionStream). The JSON records "
     "are still written to standard output. The page is written to a temporary file beside "
     "FILE and takes its place when whole (a run that fails leaves FILE as it was; a device or "
     "a pipe is written in place). A FILE that is also an input (compared by device and inode) "
     "is a usage error, and so is standard output (-, or the file it is redirected to), which "
     "holds the records."},
    {"line-buffered", OPT_LINE_BUFFERED, NULL, GROUP_OUTPUT,
     "Write each record, and flush it, as soon as it is ready, so that a coprocess can "
     "send one JSON line and read its record back.",
     "Standard input is read as its bytes come, so a line is extracted without waiting for "
     "more: vnextract --from jsonl --line-buffered -j 1 answers one line with one record."},
    {"errors", OPT_ERRORS, "MODE", GROUP_OUTPUT,
     "Where an input that cannot be read or extracted is told: record (the default: an error "
     "record on standard output and a line on standard error), stderr (the line alone, so "
     "standard output holds records of articles only) or none (the exit status alone).",
     NULL},
    {"help", 'h', NULL, GROUP_INFO, "Show this help and exit.", NULL},
    {"version", OPT_VERSION, NULL, GROUP_INFO,
     "Show the library and pattern set versions and exit.", NULL},
};

const size_t cli_option_count = sizeof cli_options / sizeof *cli_options;
_Static_assert(sizeof cli_options / sizeof *cli_options <= CLI_MAX_OPTIONS,
               "raise CLI_MAX_OPTIONS");

const char cli_usage_head[] =
    "Usage: vnextract [OPTION]... [FILE|DIR|-]...\n"
    "Extract dates, directives and the other facts of Vietnamese bulletin posts\n"
    "as one JSON record per document (JSON Lines).\n"
    "\n"
    "With no FILE, or when FILE is -, read standard input. A DIR is read\n"
    "recursively, in sorted order: each file by its content (binaries skipped),\n"
    "or those --glob chooses. A JSON Lines stream holds one object per line with \"text\"\n"
    "or \"html\", and \"id\" or \"url\" (the record's source; else FILE:LINE).\n"
    "A value follows its option: --from html, --from=html, -j 4, -j4.\n";

const char cli_usage_tail[] =
    "\n"
    "An input that cannot be read or extracted gives {\"source\": ..., \"error\":\n"
    "...} in the output and a line on standard error (see --errors); the run\n"
    "goes on.\n";

const cli_exit_status cli_exit_statuses[] = {
    {EXIT_OK, "Every input was read and extracted (or standard output was closed by its reader, as "
              "by head: the run ends quietly)."},
    {EXIT_FAILED,
     "Some input could not be read or extracted; each gave an error record and a line on "
     "standard error, and every other input was processed."},
    {EXIT_USAGE,
     "A usage error (an unknown option, a bad value, an --html page that is also an input), "
     "or a pattern set or an encoding that does not load; no input was read."},
    {EXIT_WRITE_ERROR,
     "An output could not be written: standard output (a full disk) or the --html page. "
     "The reason is on standard error."},
    {128 + SIGHUP, "Stopped by SIGHUP: no more input was read, the records begun were written "
                   "whole, and the --html page was closed."},
    {128 + SIGINT, "Stopped by SIGINT (Ctrl-C), likewise; a second signal ends the run at once."},
    {128 + SIGTERM, "Stopped by SIGTERM, likewise."},
};

const size_t cli_exit_status_count = sizeof cli_exit_statuses / sizeof *cli_exit_statuses;

static int has_short(const cli_option *o)
{
    return o->id < 256;
}

void cli_getopt_tables(struct option *longopts, char *shortopts)
{
    // '-': non-options come back in order (as 1), whatever POSIXLY_CORRECT
    // says; ':': a missing value is ':', told apart from an unknown option.
    char *s = shortopts;
    *s++ = '-';
    *s++ = ':';
    for (size_t i = 0; i < cli_option_count; i++) {
        const cli_option *o = &cli_options[i];
        longopts[i] =
            (struct option){o->name, o->arg ? required_argument : no_argument, NULL, o->id};
        if (has_short(o)) {
            *s++ = (char)o->id;
            if (o->arg)
                *s++ = ':';
        }
    }
    longopts[cli_option_count] = (struct option){0};
    *s = '\0';
}

const cli_option *cli_option_by_id(int id)
{
    for (size_t i = 0; i < cli_option_count; i++)
        if (cli_options[i].id == id)
            return &cli_options[i];
    return NULL;
}

enum { HELP_WIDTH = 79, HELP_INDENT = 20, EXIT_INDENT = 7 };

// Write `text` word-wrapped to HELP_WIDTH, its lines from column `indent`,
// the first one from column `at` (the cursor's column now).
static void print_wrapped(FILE *out, const char *text, int indent, int at)
{
    if (at > indent - 2) { // the label reaches the text: start on a line of its own
        fputc('\n', out);
        at = 0;
    }
    fprintf(out, "%*s", indent - at, "");
    int col = indent;
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (col > indent && col + 1 + (int)n > HELP_WIDTH) {
            fprintf(out, "\n%*s", indent, "");
            col = indent;
        } else if (col > indent) {
            fputc(' ', out);
            col++;
        }
        fwrite(p, 1, n, out);
        col += (int)n;
        p += n;
        p += strspn(p, " ");
    }
    fputc('\n', out);
}

void cli_print_help(FILE *out)
{
    fputs(cli_usage_head, out);
    for (int g = 0; g < GROUP_COUNT; g++) {
        fprintf(out, "\n%s:\n", cli_group_names[g]);
        for (size_t i = 0; i < cli_option_count; i++) {
            const cli_option *o = &cli_options[i];
            if (o->group != (option_group)g)
                continue;
            int at = fprintf(out, "  ");
            if (has_short(o))
                at += fprintf(out, "-%c, ", o->id);
            at += fprintf(out, "--%s", o->name);
            if (o->arg)
                at += fprintf(out, " %s", o->arg);
            print_wrapped(out, o->help, HELP_INDENT, at);
        }
    }
    fputs(cli_usage_tail, out);
    fputs("\nExit status:\n", out);
    for (size_t i = 0; i < cli_exit_status_count; i++) {
        int at = fprintf(out, "  %d", cli_exit_statuses[i].code);
        print_wrapped(out, cli_exit_statuses[i].meaning, EXIT_INDENT, at);
    }
}

// Write `text` for roff: backslashes and hyphens escaped, each sentence on a
// line of its own, no line starting with a control character.
static void print_roff_text(FILE *out, const char *text)
{
    if (*text == '.' || *text == '\'')
        fputs("\\&", out);
    for (const char *p = text; *p; p++) {
        if (*p == '.' && p[1] == ' ') { // a sentence ends a line: roff spaces it
            fputs(".\n", out);
            p++;
        } else if (*p == '\\')
            fputs("\\e", out);
        else if (*p == '-')
            fputs("\\-", out);
        else
            fputc(*p, out);
    }
}

void cli_print_man_options(FILE *out)
{
    for (int g = 0; g < GROUP_COUNT; g++) {
        fprintf(out, ".SS %s\n", cli_group_names[g]);
        for (size_t i = 0; i < cli_option_count; i++) {
            const cli_option *o = &cli_options[i];
            if (o->group != (option_group)g)
                continue;
            fputs(".TP\n", out);
            if (has_short(o))
                fprintf(out, "\\fB\\-%c\\fR, ", o->id);
            fputs("\\fB\\-\\-", out);
            print_roff_text(out, o->name);
            fputs("\\fR", out);
            if (o->arg)
                fprintf(out, " \\fI%s\\fR", o->arg);
            fputc('\n', out);
            print_roff_text(out, o->help);
            if (o->more) {
                fputc('\n', out);
                print_roff_text(out, o->more);
            }
            fputc('\n', out);
        }
    }
}

void cli_print_man_exit_statuses(FILE *out)
{
    for (size_t i = 0; i < cli_exit_status_count; i++) {
        fprintf(out, ".TP\n.B %d\n", cli_exit_statuses[i].code);
        print_roff_text(out, cli_exit_statuses[i].meaning);
        fputc('\n', out);
    }
}
