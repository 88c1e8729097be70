/**
 * test_emit.c: vnx_result_to_json (SPEC.md, "One record per input
 * document"): valid JSON with every key, nulls and empty arrays, the pretty
 * and no-spans flags, the source, warnings for invalid UTF-8, UTF-8
 * output, the field mask of vnx_result_to_json_fields(), and numbers as
 * written.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

// The JSON of `r` with `flags`, parsed back; fails the test when invalid.
static json_object *to_json(const vnx_result *r, unsigned flags, char **out_text)
{
    char *s = vnx_result_to_json(r, flags);
    ck_assert_ptr_nonnull(s);
    json_object *o = json_tokener_parse(s);
    ck_assert_msg(o != NULL, "not valid JSON: %s", s);
    ck_assert_int_eq(json_object_get_type(o), json_type_object);
    if (out_text)
        *out_text = s;
    else
        vnx_free(s);
    return o;
}

// Member `key` of `o`, which must exist (its value may be null).
static json_object *member(json_object *o, const char *key)
{
    json_object *v = NULL;
    ck_assert_msg(json_object_object_get_ex(o, key, &v), "key \"%s\" missing", key);
    return v;
}

static void assert_null_member(json_object *o, const char *key)
{
    json_object *v = member(o, key);
    ck_assert_msg(v == NULL, "\"%s\" is %s, want null", key, json_object_to_json_string(v));
}

static json_object *array_member(json_object *o, const char *key, size_t want_len)
{
    json_object *v = member(o, key);
    ck_assert_msg(v && json_object_is_type(v, json_type_array), "\"%s\" is not an array", key);
    ck_assert_msg(json_object_array_length(v) == want_len, "\"%s\" has %zu items, want %zu", key,
                  json_object_array_length(v), want_len);
    return v;
}

static const char *string_member(json_object *o, const char *key)
{
    json_object *v = member(o, key);
    ck_assert_msg(v && json_object_is_type(v, json_type_string), "\"%s\" is not a string", key);
    return json_object_get_string(v);
}

/* ---- shape ------------------------------------------------------------------ */

START_TEST(empty_document_record)
{
    vnx_result *r = extract("");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    ck_assert_int_eq(json_object_object_length(o), 11);
    assert_null_member(o, "source");
    assert_null_member(o, "title");
    json_object *ev = member(o, "event");
    ck_assert_ptr_nonnull(ev);
    ck_assert_int_eq(json_object_get_type(ev), json_type_object);
    ck_assert_int_eq(json_object_object_length(ev), 3);
    assert_null_member(ev, "type");
    assert_null_member(ev, "date");
    assert_null_member(ev, "organization");
    array_member(o, "dates", 0);
    array_member(o, "directives", 0);
    array_member(o, "officials", 0);
    array_member(o, "tallies", 0);
    array_member(o, "attendance", 0);
    assert_null_member(o, "author");
    assert_null_member(o, "published");
    array_member(o, "warnings", 0);
    ck_assert(!json_object_object_get_ex(o, "text", NULL)); // on request only
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(empty_document_exact_text)
{
    vnx_result *r = extract("");
    char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "{\"source\":null,\"title\":null,\"event\":{\"type\":null,\"date\":null,"
                        "\"organization\":null},\"dates\":[],\"directives\":[],\"officials\":[],"
                        "\"tallies\":[],\"attendance\":[],\"author\":null,\"published\":null,"
                        "\"warnings\":[]}");
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(every_key_with_content)
{
    const char *text = "Thực hiện Hướng dẫn số 03-HD/TU ngày 30/11/2023 của Ban Tổ chức Thành ủy "
                       "về công tác đánh giá.";
    vnx_result *r = extract(text);
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    const char *keys[] = {"source",   "title",    "event",      "dates",  "directives",
                          "officials", "tallies", "attendance", "author", "warnings"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        member(o, keys[i]);

    json_object *dates = array_member(o, "dates", 1);
    json_object *d = json_object_array_get_idx(dates, 0);
    ck_assert_str_eq(string_member(d, "text"), "ngày 30/11/2023");
    ck_assert_str_eq(string_member(d, "value"), "2023-11-30");
    ck_assert(!json_object_object_get_ex(d, "year_inferred", NULL));
    json_object *span = member(d, "span");
    ck_assert(json_object_is_type(span, json_type_array));
    ck_assert_uint_eq(json_object_array_length(span), 2);
    const vnx_date *cd = vnx_result_date(r, 0);
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(span, 0)),
                     (int64_t)cd->span.start);
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(span, 1)),
                     (int64_t)cd->span.end);
    size_t start = (size_t)(strstr(text, "ngày 30") - text);
    ck_assert_uint_eq(cd->span.start, start);

    json_object *dirs = array_member(o, "directives", 1);
    json_object *x = json_object_array_get_idx(dirs, 0);
    ck_assert_str_eq(string_member(x, "text"), "Hướng dẫn số 03-HD/TU");
    ck_assert_str_eq(string_member(x, "type"), "Hướng dẫn");
    ck_assert_str_eq(string_member(x, "number"), "03-HD/TU");
    ck_assert_str_eq(string_member(x, "date"), "2023-11-30");
    ck_assert_str_eq(string_member(x, "issuer"), "Ban Tổ chức Thành ủy");
    json_object *xs = member(x, "span");
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(xs, 0)), 14);
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(xs, 1)), 42);
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(null_fields_of_directive)
{
    vnx_result *r = extract("Theo 03-HD/TU trong năm.");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    json_object *x = json_object_array_get_idx(array_member(o, "directives", 1), 0);
    ck_assert_str_eq(string_member(x, "number"), "03-HD/TU");
    assert_null_member(x, "date");
    assert_null_member(x, "issuer");
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(year_inferred_true)
{
    vnx_result *r = extract("Ngày 5/11/2023 họp. Ngày 10/11 họp tiếp.");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    json_object *dates = array_member(o, "dates", 2);
    json_object *d = json_object_array_get_idx(dates, 1);
    ck_assert_str_eq(string_member(d, "value"), "2023-11-10");
    json_object *inf = member(d, "year_inferred");
    ck_assert(json_object_is_type(inf, json_type_boolean));
    ck_assert(json_object_get_boolean(inf));
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

/* ---- flags --------------------------------------------------------------------- */

START_TEST(default_is_one_line)
{
    vnx_result *r = extract("Họp ngày 18/12/2023.\nTheo 03-HD/TU.");
    char *s = NULL;
    json_object *o = to_json(r, VNX_JSON_DEFAULT, &s);
    ck_assert_ptr_null(strchr(s, '\n'));
    ck_assert_int_ne(s[strlen(s) - 1], '\n');
    json_object_put(o);
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(pretty_is_several_lines)
{
    vnx_result *r = extract("Họp ngày 18/12/2023. Theo 03-HD/TU.");
    char *plain = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    char *s = NULL;
    json_object *o = to_json(r, VNX_JSON_PRETTY, &s);
    size_t lines = 0;
    for (const char *p = s; *p; p++)
        lines += *p == '\n';
    ck_assert_uint_ge(lines, 10);
    ck_assert_int_ne(s[strlen(s) - 1], '\n');
    // Same record as the one-line form.
    json_object *p = json_tokener_parse(plain);
    ck_assert_ptr_nonnull(p);
    ck_assert(json_object_equal(o, p));
    json_object_put(p);
    json_object_put(o);
    vnx_free(s);
    vnx_free(plain);
    vnx_result_free(r);
}
END_TEST

START_TEST(no_spans_flag)
{
    vnx_result *r = extract("Họp ngày 18/12/2023. Theo 03-HD/TU.");
    char *with = NULL, *without = NULL;
    json_object *a = to_json(r, VNX_JSON_DEFAULT, &with);
    json_object *b = to_json(r, VNX_JSON_NO_SPANS, &without);
    ck_assert_ptr_nonnull(strstr(with, "\"span\""));
    ck_assert_ptr_null(strstr(without, "\"span\""));
    json_object *d = json_object_array_get_idx(array_member(b, "dates", 1), 0);
    ck_assert(!json_object_object_get_ex(d, "span", NULL));
    ck_assert_str_eq(string_member(d, "value"), "2023-12-18");
    json_object *x = json_object_array_get_idx(array_member(b, "directives", 1), 0);
    ck_assert(!json_object_object_get_ex(x, "span", NULL));
    ck_assert_str_eq(string_member(x, "number"), "03-HD/TU");
    json_object_put(a);
    json_object_put(b);
    vnx_free(with);
    vnx_free(without);
    vnx_result_free(r);
}
END_TEST

START_TEST(pretty_and_no_spans)
{
    vnx_result *r = extract("Họp ngày 18/12/2023.");
    char *s = NULL;
    json_object *o = to_json(r, VNX_JSON_PRETTY | VNX_JSON_NO_SPANS, &s);
    ck_assert_ptr_nonnull(strchr(s, '\n'));
    ck_assert_ptr_null(strstr(s, "\"span\""));
    json_object_put(o);
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

/* ---- source ------------------------------------------------------------------ */

START_TEST(source_set)
{
    vnx_result *r = extract("Họp ngày 18/12/2023.");
    ck_assert_int_eq(vnx_result_set_source(r, "bai-viet/chi-bo.txt"), VNX_OK);
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    ck_assert_str_eq(string_member(o, "source"), "bai-viet/chi-bo.txt");
    json_object_put(o);
    // Set again: replaced; NULL: back to null.
    ck_assert_int_eq(vnx_result_set_source(r, "khác \"x\".txt"), VNX_OK);
    o = to_json(r, VNX_JSON_DEFAULT, NULL);
    ck_assert_str_eq(string_member(o, "source"), "khác \"x\".txt");
    json_object_put(o);
    ck_assert_int_eq(vnx_result_set_source(r, NULL), VNX_OK);
    o = to_json(r, VNX_JSON_DEFAULT, NULL);
    assert_null_member(o, "source");
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(source_is_copied)
{
    vnx_result *r = extract("");
    char buf[32] = "a.txt";
    ck_assert_int_eq(vnx_result_set_source(r, buf), VNX_OK);
    strcpy(buf, "zzzzz");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    ck_assert_str_eq(string_member(o, "source"), "a.txt");
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(source_slash_not_escaped)
{
    vnx_result *r = extract("Theo 03-HD/TU.");
    vnx_result_set_source(r, "corpus/a.txt");
    char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(strstr(s, "\"source\":\"corpus/a.txt\""));
    ck_assert_ptr_nonnull(strstr(s, "\"number\":\"03-HD/TU\""));
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

/* ---- warnings and encoding ---------------------------------------------------- */

START_TEST(invalid_utf8_warning)
{
    // H0 ọ1-3 p4 ' '5 \xFF6 ' '7 "ngày 18/12/2023" 8-23 (16 bytes).
    const char *text = "H\xE1\xBB\x8Dp \xFF ngày 18/12/2023";
    vnx_result *r = extract(text);
    ck_assert_uint_eq(vnx_result_warning_count(r), 1);
    ck_assert_str_eq(vnx_result_warning(r, 0), "invalid UTF-8 at byte 6");
    ck_assert_ptr_null(vnx_result_warning(r, 1));
    char *s = NULL;
    json_object *o = to_json(r, VNX_JSON_DEFAULT, &s);
    json_object *w = array_member(o, "warnings", 1);
    ck_assert_str_eq(json_object_get_string(json_object_array_get_idx(w, 0)),
                     "invalid UTF-8 at byte 6");
    // Still a full record, with the date after the bad byte and its span.
    json_object *d = json_object_array_get_idx(array_member(o, "dates", 1), 0);
    ck_assert_str_eq(string_member(d, "value"), "2023-12-18");
    json_object *span = member(d, "span");
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(span, 0)), 8);
    ck_assert_int_eq(json_object_get_int64(json_object_array_get_idx(span, 1)), 24);
    json_object_put(o);
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(invalid_utf8_only)
{
    const char text[] = "\xC3\x28\xA0\xA1";
    vnx_result *r = extract_n(text, 4);
    ck_assert_uint_ge(vnx_result_warning_count(r), 1);
    ck_assert_str_eq(vnx_result_warning(r, 0), "invalid UTF-8 at byte 0");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    array_member(o, "dates", 0);
    array_member(o, "warnings", vnx_result_warning_count(r));
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(many_invalid_bytes_summarised)
{
    // 25 bad bytes: 20 warnings, then one that counts the rest.
    char text[64];
    size_t n = 0;
    for (int i = 0; i < 25; i++) {
        text[n++] = (char)0xFF;
        text[n++] = ' ';
    }
    vnx_result *r = extract_n(text, n);
    ck_assert_uint_eq(vnx_result_warning_count(r), 21);
    ck_assert_str_eq(vnx_result_warning(r, 0), "invalid UTF-8 at byte 0");
    ck_assert_str_eq(vnx_result_warning(r, 19), "invalid UTF-8 at byte 38");
    ck_assert_str_eq(vnx_result_warning(r, 20), "5 more invalid UTF-8 sequences");
    vnx_result_free(r);
}
END_TEST

START_TEST(utf8_not_escaped)
{
    vnx_result *r = extract("Chi bộ họp ngày 30 tháng 11 năm 2023 theo Quy định số 124-QĐ/TW.");
    char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(s, "\"text\":\"ngày 30 tháng 11 năm 2023\""));
    ck_assert_ptr_nonnull(strstr(s, "\"number\":\"124-QĐ/TW\""));
    ck_assert_ptr_nonnull(strstr(s, "\"type\":\"Quy định\""));
    ck_assert_ptr_null(strstr(s, "\\u"));
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(nfd_input_gives_nfc_strings)
{
    // "Quy định số 124-QĐ/TW" with ị (i + U+0323) and ố (o + U+0302 + U+0301)
    // decomposed.
    vnx_result *r = extract("Theo Quy đi\xCC\xA3nh so\xCC\x82\xCC\x81 124-QĐ/TW.");
    char *s = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(s);
    ck_assert_ptr_nonnull(strstr(s, "\"text\":\"Quy định số 124-QĐ/TW\""));
    ck_assert_ptr_nonnull(strstr(s, "\"type\":\"Quy định\""));
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(control_characters_escaped)
{
    // The record stays valid JSON whatever the source name holds.
    vnx_result *r = extract("");
    vnx_result_set_source(r, "a\tb\x01\"c\\");
    json_object *o = to_json(r, VNX_JSON_DEFAULT, NULL);
    ck_assert_str_eq(string_member(o, "source"), "a\tb\x01\"c\\");
    json_object_put(o);
    vnx_result_free(r);
}
END_TEST

START_TEST(null_result)
{
    ck_assert_ptr_null(vnx_result_to_json(NULL, VNX_JSON_DEFAULT));
    vnx_free(NULL);
}
END_TEST

/* ---- fields ----------------------------------------------------------------- */

static const char fields_sample[] = "Ngày 05/3/2024, Chi bộ học tập Chỉ thị số 12-CT/HU.";

START_TEST(fields_all_is_the_default_record)
{
    vnx_result *r = extract(fields_sample);
    char *all = vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, VNX_FIELD_ALL);
    char *def = vnx_result_to_json(r, VNX_JSON_DEFAULT);
    ck_assert_ptr_nonnull(all);
    ck_assert_str_eq(all, def);
    vnx_free(all);
    vnx_free(def);
    vnx_result_free(r);
}
END_TEST

START_TEST(fields_subset_keeps_source_and_order)
{
    vnx_result *r = extract(fields_sample);
    vnx_result_set_source(r, "a.txt");
    // Asked in another order than the record's: the record's order wins.
    char *s =
        vnx_result_to_json_fields(r, VNX_JSON_NO_SPANS, VNX_FIELD_DIRECTIVES | VNX_FIELD_DATES);
    ck_assert_ptr_nonnull(s);
    ck_assert_str_eq(s, "{\"source\":\"a.txt\",\"dates\":[{\"text\":\"Ngày 05/3/2024\","
                        "\"value\":\"2024-03-05\"}],\"directives\":[{\"text\":\"Chỉ thị số "
                        "12-CT/HU\",\"type\":\"Chỉ thị\",\"number\":\"12-CT/HU\",\"date\":null,"
                        "\"issuer\":null}]}");
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(fields_none_is_only_the_source)
{
    vnx_result *r = extract(fields_sample);
    char *s = vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, 0);
    ck_assert_str_eq(s, "{\"source\":null}");
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(fields_unknown_bits_ignored)
{
    vnx_result *r = extract(fields_sample);
    char *s = vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, VNX_FIELD_AUTHOR | (1u << 20));
    ck_assert_str_eq(s, "{\"source\":null,\"author\":null}");
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(field_names_round_trip)
{
    static const char *const names[] = {"title",      "event",     "dates",
                                        "directives", "officials", "tallies",
                                        "attendance", "author",    "published",
                                        "warnings"};
    unsigned seen = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        unsigned bit = vnx_field_from_name(names[i], strlen(names[i]));
        ck_assert_msg(bit != 0 && (bit & (bit - 1)) == 0, "%s: not one bit", names[i]);
        ck_assert_str_eq(vnx_field_name(bit), names[i]);
        seen |= bit;
    }
    ck_assert_uint_eq(seen, VNX_FIELD_ALL);
    // "text" is a field too, but not one of VNX_FIELD_ALL: it is asked for.
    ck_assert_uint_eq(vnx_field_from_name("text", 4), VNX_FIELD_TEXT);
    ck_assert_uint_eq(VNX_FIELD_TEXT & VNX_FIELD_ALL, 0);
}
END_TEST

START_TEST(text_field_on_request)
{
    vnx_result *r = extract("Ngày 18/12/2023 \xff.");
    char *s = vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, VNX_FIELD_TEXT);
    // An invalid byte is U+FFFD in the JSON (which must be UTF-8).
    ck_assert_str_eq(s, "{\"source\":null,\"text\":\"Ngày 18/12/2023 \xEF\xBF\xBD.\"}");
    vnx_free(s);
    vnx_result_free(r);
}
END_TEST

START_TEST(field_from_name_rejects_others)
{
    ck_assert_uint_eq(vnx_field_from_name("source", 6), 0);
    ck_assert_uint_eq(vnx_field_from_name("date", 4), 0);
    ck_assert_uint_eq(vnx_field_from_name("Dates", 5), 0);
    ck_assert_uint_eq(vnx_field_from_name("dates ", 6), 0);
    ck_assert_uint_eq(vnx_field_from_name("", 0), 0);
    ck_assert_uint_eq(vnx_field_from_name(NULL, 5), 0);
    // Only `len` bytes are read: a name inside a comma-separated list.
    ck_assert_uint_eq(vnx_field_from_name("dates,officials", 5), VNX_FIELD_DATES);
}
END_TEST

START_TEST(field_name_of_non_fields)
{
    ck_assert_ptr_null(vnx_field_name(0));
    ck_assert_ptr_null(vnx_field_name(VNX_FIELD_DATES | VNX_FIELD_TITLE));
    ck_assert_ptr_null(vnx_field_name(VNX_FIELD_TEXT << 1));
}
END_TEST

START_TEST(fields_null_result)
{
    ck_assert_ptr_null(vnx_result_to_json_fields(NULL, VNX_JSON_DEFAULT, VNX_FIELD_ALL));
}
END_TEST

/* ---- numbers ---------------------------------------------------------------- */

// Percents come out as written: 98,1% is 98.1 in the JSON text, not the
// 17 digits of the nearest double (98.099999999999994).
START_TEST(percents_as_written)
{
    static const struct {
        const char *text, *json;
    } cases[] = {
        {"Có 25 ĐV HTXSNV, chiếm 98,1%.", "\"percent\":98.1,"},
        {"19,04% đảng viên hoàn thành tốt nhiệm vụ.", "\"percent\":19.04,"},
        {"0,3% đảng viên không hoàn thành nhiệm vụ.", "\"percent\":0.3,"},
        {"81.8% đảng viên hoàn thành tốt nhiệm vụ.", "\"percent\":81.8,"},
        {"33,33% đảng viên hoàn thành xuất sắc nhiệm vụ.", "\"percent\":33.33,"},
        {"100% chi bộ hoàn thành tốt nhiệm vụ.", "\"percent\":100,"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        vnx_result *r = extract(cases[i].text);
        ck_assert_uint_eq(vnx_result_tally_count(r), 1);
        char *s = vnx_result_to_json_fields(r, VNX_JSON_DEFAULT, VNX_FIELD_TALLIES);
        ck_assert_ptr_nonnull(s);
        ck_assert_msg(strstr(s, cases[i].json), "%s: want %s in %s", cases[i].text,
                      cases[i].json, s);
        // and the number reads back as the library's value
        json_object *o = json_tokener_parse(s), *t = NULL, *p = NULL;
        ck_assert_ptr_nonnull(o);
        t = json_object_array_get_idx(member(o, "tallies"), 0);
        ck_assert(json_object_object_get_ex(t, "percent", &p));
        ck_assert(json_object_get_double(p) == vnx_result_tally(r, 0)->percent);
        json_object_put(o);
        vnx_free(s);
        vnx_result_free(r);
    }
}
END_TEST

static Suite *emit_suite(void)
{
    Suite *s = suite_create("emit");
    TCase *tc = tcase_create("shape");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, empty_document_record);
    tcase_add_test(tc, empty_document_exact_text);
    tcase_add_test(tc, every_key_with_content);
    tcase_add_test(tc, null_fields_of_directive);
    tcase_add_test(tc, year_inferred_true);
    suite_add_tcase(s, tc);

    tc = tcase_create("flags");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, default_is_one_line);
    tcase_add_test(tc, pretty_is_several_lines);
    tcase_add_test(tc, no_spans_flag);
    tcase_add_test(tc, pretty_and_no_spans);
    suite_add_tcase(s, tc);

    tc = tcase_create("source");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, source_set);
    tcase_add_test(tc, source_is_copied);
    tcase_add_test(tc, source_slash_not_escaped);
    suite_add_tcase(s, tc);

    tc = tcase_create("encoding");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, invalid_utf8_warning);
    tcase_add_test(tc, invalid_utf8_only);
    tcase_add_test(tc, many_invalid_bytes_summarised);
    tcase_add_test(tc, utf8_not_escaped);
    tcase_add_test(tc, nfd_input_gives_nfc_strings);
    tcase_add_test(tc, control_characters_escaped);
    tcase_add_test(tc, null_result);
    suite_add_tcase(s, tc);

    tc = tcase_create("fields");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, fields_all_is_the_default_record);
    tcase_add_test(tc, fields_subset_keeps_source_and_order);
    tcase_add_test(tc, fields_none_is_only_the_source);
    tcase_add_test(tc, fields_unknown_bits_ignored);
    tcase_add_test(tc, field_names_round_trip);
    tcase_add_test(tc, field_from_name_rejects_others);
    tcase_add_test(tc, text_field_on_request);
    tcase_add_test(tc, field_name_of_non_fields);
    tcase_add_test(tc, fields_null_result);
    suite_add_tcase(s, tc);

    tc = tcase_create("numbers");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, percents_as_written);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return run_suite(emit_suite());
}
