/**
 * test_officials.c: the officials extractor, through the public API
 * (SPEC.md, "officials"): names after honorifics, after roles and before
 * roles; the roles after and before a name and where they end; merging of
 * mentions (full name, given name alone) with roles kept once; what is no
 * person (places and things named after people, bylines, bare names); and
 * the wild forms of scraped pages (capitals, lower case, HTML and CSS
 * leftovers, an empty honorific). Every sentence here was written for
 * these tests.
 *
 * SPDX-License-Identifier: MIT
 */
#include <check.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"

// The official of `r` named `name`, or NULL.
static const vnx_official *find(const vnx_result *r, const char *name)
{
    for (size_t i = 0; i < vnx_result_official_count(r); i++) {
        const vnx_official *o = vnx_result_official(r, i);
        if (strcmp(o->name, name) == 0)
            return o;
    }
    return NULL;
}

// Assert `r` has an official `name` with this honorific (NULL: null) and
// exactly the roles that follow, in order, ended by NULL.
static void assert_official(const vnx_result *r, const char *name, const char *honorific, ...)
{
    const vnx_official *o = find(r, name);
    ck_assert_msg(o != NULL, "no official \"%s\" (%zu officials, first \"%s\")", name,
                  vnx_result_official_count(r),
                  vnx_result_official_count(r) ? vnx_result_official(r, 0)->name : "-");
    assert_str_or_null(o->honorific, honorific, "honorific");
    va_list ap;
    va_start(ap, honorific);
    size_t n = 0;
    for (const char *role; (role = va_arg(ap, const char *)) != NULL; n++) {
        ck_assert_msg(n < o->nroles, "%s: %zu roles, want role %zu \"%s\"", name, o->nroles, n,
                      role);
        assert_str_or_null(o->roles[n], role, "role");
    }
    va_end(ap);
    ck_assert_msg(o->nroles == n, "%s: %zu roles, want %zu (extra \"%s\")", name, o->nroles, n,
                  o->nroles > n ? o->roles[n] : "");
}

static void assert_count(const vnx_result *r, size_t n, const char *text)
{
    ck_assert_msg(vnx_result_official_count(r) == n, "\"%s\": %zu officials (first \"%s\"), want %zu",
                  text, vnx_result_official_count(r),
                  vnx_result_official_count(r) ? vnx_result_official(r, 0)->name : "-", n);
}

// Assert the text names no official at all.
static void assert_none(const char *text)
{
    vnx_result *r = extract(text);
    assert_count(r, 0, text);
    vnx_result_free(r);
}

/* ---- names --------------------------------------------------------------- */

START_TEST(name_after_honorific)
{
    const char *text = "Buổi họp có đồng chí Nguyễn Văn Khánh và cô Trần Thị Lan tham gia. "
                       "Mời TS. Phùng Văn Hải nói chuyện chuyên đề.";
    vnx_result *r = extract(text);
    assert_count(r, 3, text);
    assert_official(r, "Nguyễn Văn Khánh", "đồng chí", NULL);
    assert_official(r, "Trần Thị Lan", "cô", NULL);
    assert_official(r, "Phùng Văn Hải", "TS.", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(honorific_spellings)
{
    const char *text = "Đ/c Lê Hữu Nghĩa, đ/c Đỗ Thị Vân, Đ/C Tạ Minh Tú, Đ/ c: Hồ Thị Mơ, "
                       "PGS.TS. Vương Đình Sơn, NGƯT Lại Thị Yến và thầy Kiều Văn Lực dự lễ.";
    vnx_result *r = extract(text);
    assert_count(r, 7, text);
    assert_official(r, "Lê Hữu Nghĩa", "Đ/c", NULL);
    assert_official(r, "Đỗ Thị Vân", "đ/c", NULL);
    assert_official(r, "Tạ Minh Tú", "Đ/C", NULL);
    assert_official(r, "Hồ Thị Mơ", "Đ/ c", NULL);
    assert_official(r, "Vương Đình Sơn", "PGS.TS.", NULL);
    assert_official(r, "Lại Thị Yến", "NGƯT", NULL);
    assert_official(r, "Kiều Văn Lực", "thầy", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(surname_from_lexicon)
{
    // Rare surnames are in the lexicon; one to four syllables follow.
    const char *text = "Dự có đồng chí Khổng Minh, đồng chí Giàng A Sình và đồng chí "
                       "Tôn Nữ Thị Minh Nguyệt.";
    vnx_result *r = extract(text);
    assert_count(r, 3, text);
    assert_official(r, "Khổng Minh", "đồng chí", NULL);
    assert_official(r, "Giàng A Sình", "đồng chí", NULL);
    assert_official(r, "Tôn Nữ Thị Minh Nguyệt", "đồng chí", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(capitalised_words_are_no_name)
{
    // Capitalised words without a surname, after an honorific, name nobody.
    assert_none("Thay mặt Ban Chấp hành, đồng chí Bí thư phát biểu.");
    assert_none("Các đồng chí Đảng viên trong Chi bộ đều có mặt.");
}
END_TEST

START_TEST(name_by_role_before)
{
    const char *text = "Phó Bí thư Thường trực Huyện ủy Lương Đức Thịnh trao giấy khen.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Lương Đức Thịnh", NULL, "Phó Bí thư Thường trực Huyện ủy", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(two_roles_before)
{
    const char *text = "Bí thư Đảng ủy, Chủ tịch UBND xã Phong Lâm Hà Thị Hạnh tặng hoa.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Hà Thị Hạnh", NULL, "Bí thư Đảng ủy", "Chủ tịch UBND xã Phong Lâm", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(holder_after_the_unit_of_a_role)
{
    // After the word of the unit a role is of ("xã", "tỉnh"), a full name
    // is the holder's, not a place; unless a larger place follows it.
    const char *text = "Chủ tịch UBND xã Lò Văn Páo phát biểu. Phó Chủ tịch HĐND tỉnh Trần "
                       "Xuân Vinh đến dự. Chủ tịch UBND xã Tạ Xá Đông, huyện Ba Vì dự họp.";
    vnx_result *r = extract(text);
    assert_count(r, 2, text);
    assert_official(r, "Lò Văn Páo", NULL, "Chủ tịch UBND xã", NULL);
    assert_official(r, "Trần Xuân Vinh", NULL, "Phó Chủ tịch HĐND tỉnh", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(place_words_cut_where_the_name_is_written_alone)
{
    // "huyện Thạch Hà Lê Văn Sơn": the name starts at the surname from which
    // it is written alone elsewhere, not at the first surname ("Hà").
    const char *text = "Giám đốc Trung tâm Chính trị huyện Thạch Hà Lê Văn Sơn trao giấy "
                       "chứng nhận. Đồng chí Lê Văn Sơn cảm ơn các học viên.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Lê Văn Sơn", "Đồng chí", "Giám đốc Trung tâm Chính trị huyện Thạch Hà",
                    NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(name_by_role_after_separator)
{
    const char *text = "Tham dự có: Mạc Văn Tâm, Trưởng ban Dân vận Huyện ủy; Đinh Thị Huế - "
                       "Chi ủy viên; Phí Văn Long (Phó Giám đốc Trung tâm).";
    vnx_result *r = extract(text);
    assert_count(r, 3, text);
    assert_official(r, "Mạc Văn Tâm", NULL, "Trưởng ban Dân vận Huyện ủy", NULL);
    assert_official(r, "Đinh Thị Huế", NULL, "Chi ủy viên", NULL);
    assert_official(r, "Phí Văn Long", NULL, "Phó Giám đốc Trung tâm", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(bare_name_is_no_person)
{
    // No honorific, no role: a name alone is not taken.
    assert_none("Sáng nay Trần Minh Quang đến thăm trường.");
    // A role after mere spaces does not introduce a bare name.
    assert_none("Gia đình Lê Văn Hòa Hiệu trưởng về hưu đã lâu.");
}
END_TEST

START_TEST(list_of_persons)
{
    const char *text = "Chi bộ công nhận đảng viên chính thức cho các đồng chí Vũ Thị Hoa, "
                       "Lê Minh Tuấn và Ngô Thị Dung.";
    vnx_result *r = extract(text);
    assert_count(r, 3, text);
    assert_official(r, "Vũ Thị Hoa", "đồng chí", NULL);
    assert_official(r, "Lê Minh Tuấn", "đồng chí", NULL);
    assert_official(r, "Ngô Thị Dung", "đồng chí", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(private_persons_after_a_person_noun)
{
    // "quần chúng ưu tú", "học sinh", "phụ huynh" tie a name to a person
    // without being its honorific; a list after them, or after "gồm:", is
    // one of persons, its items maybe followed by a class.
    const char *text = "Chi bộ kết nạp quần chúng ưu tú Lạc Thị Hoài. Lễ kết nạp cho 03 quần "
                       "chúng: Tăng Văn Bình, Diệp Thị Mơ và Âu Văn Khoa. Kết nạp 3 học sinh "
                       "ưu tú, gồm: Cù Thị Lan, lớp 12A1; Lạc Văn Đông (lớp 12A3) và Đàm Thị "
                       "Ngọc, lớp 12A5. Trao quyết định cho đảng viên Phí Thị Hằng- Lục Văn Tâm "
                       "và Mẫn Thị Hoa. Phụ huynh Lò Văn Sáng chia sẻ niềm vui.";
    vnx_result *r = extract(text);
    assert_count(r, 11, text);
    static const char *const names[] = {"Lạc Thị Hoài", "Tăng Văn Bình", "Diệp Thị Mơ",
                                        "Âu Văn Khoa",  "Cù Thị Lan",    "Lạc Văn Đông",
                                        "Đàm Thị Ngọc", "Phí Thị Hằng",  "Lục Văn Tâm",
                                        "Mẫn Thị Hoa",  "Lò Văn Sáng"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        assert_official(r, names[i], NULL, NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(more_forms_of_address)
{
    vnx_result *r = extract("Đến thăm cụ Đinh Thị Mận, đc Hồ Văn Tư trao quà. Tiến sĩ Uông Văn "
                            "Lộc nói chuyện; bạn Sử Thị Hiền, lớp 11A2 phát biểu.");
    assert_official(r, "Đinh Thị Mận", "cụ", NULL);
    assert_official(r, "Hồ Văn Tư", "đc", NULL);
    assert_official(r, "Uông Văn Lộc", "Tiến sĩ", NULL);
    assert_official(r, "Sử Thị Hiền", "bạn", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(person_noun_inside_a_role)
{
    // "Cựu chiến binh", "Sinh viên" name a body's members inside a role.
    vnx_result *r = extract("Ông Triệu Văn Phúc – Chủ tịch Hội Cựu chiến binh xã, Phó Chủ tịch "
                            "Hội Sinh viên trường dự.");
    assert_official(r, "Triệu Văn Phúc", "Ông", "Chủ tịch Hội Cựu chiến binh xã",
                    "Phó Chủ tịch Hội Sinh viên trường", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(names_of_the_ethnic_minorities)
{
    // "Y", "H'", "K'" and Central Highlands family names open a name after
    // an honorific, with or without a role after it.
    const char *text = "Dự có các đồng chí: Y Mửi – Phó Bí thư Thường trực Tỉnh ủy; đồng chí "
                       "Điểu K'Ré – Chủ tịch UBND xã. Bà H'Hen Niê phát biểu. Ông Ksor Phước "
                       "tặng quà. Giám đốc Trung tâm Y Tế Dự Phòng tỉnh dự.";
    vnx_result *r = extract(text);
    assert_count(r, 4, text);
    assert_official(r, "Y Mửi", "đồng chí", "Phó Bí thư Thường trực Tỉnh ủy", NULL);
    assert_official(r, "Điểu K'Ré", "đồng chí", "Chủ tịch UBND xã", NULL);
    assert_official(r, "H'Hen Niê", "Bà", NULL);
    assert_official(r, "Ksor Phước", "Ông", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(given_name_that_is_a_word)
{
    // A name never ends with its middle name: the word after "Văn" or "Thị"
    // is the given name even when it is a verb ("Được", "Tới").
    const char *text = "Đồng chí Phạm Văn Được được bầu giữ chức Bí thư. Đ/c Kiều Văn Tới – "
                       "Hiệu trưởng dự.";
    vnx_result *r = extract(text);
    assert_count(r, 2, text);
    assert_official(r, "Phạm Văn Được", "Đồng chí", "Bí thư", NULL);
    assert_official(r, "Kiều Văn Tới", "Đ/c", "Hiệu trưởng", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(case_slips_in_names)
{
    // A given name in lower case after "Thị", a second capital: one person
    // per name, written as its well-cased mention is.
    const char *text = "đồng chí Nguyễn Thị thức- Bí thư Chi bộ gửi tài liệu. Đồng chí Nguyễn "
                       "Thị Thức chủ trì. Ông Dương Trọng HIếu, Chánh Văn phòng Tỉnh ủy trình "
                       "bày. Đ/c Đặng Thị vân Thủy; Đ/c Khúc Thị Mai đọc. Đ/c Khúc Thị Mai Lên "
                       "đọc báo cáo.";
    vnx_result *r = extract(text);
    assert_count(r, 4, text);
    assert_official(r, "Nguyễn Thị Thức", "đồng chí", "Bí thư Chi bộ", NULL);
    assert_official(r, "Dương Trọng HIếu", "Ông", "Chánh Văn phòng Tỉnh ủy", NULL);
    assert_official(r, "Đặng Thị vân Thủy", "Đ/c", NULL);
    assert_official(r, "Khúc Thị Mai", "Đ/c", NULL);
    ck_assert_uint_eq(find(r, "Khúc Thị Mai")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

/* ---- roles --------------------------------------------------------------- */

START_TEST(roles_after_dash_and_comma)
{
    const char *text = "Đồng chí Phan Thanh Bình – Huyện ủy viên, Phó trưởng ban tổ chức Huyện "
                       "ủy dự họp.\nĐồng chí Hồ Thị Ngân - Đảng ủy viên - Bí thư chi bộ - Hiệu "
                       "trưởng nhà trường chủ trì.";
    vnx_result *r = extract(text);
    assert_count(r, 2, text);
    assert_official(r, "Phan Thanh Bình", "Đồng chí", "Huyện ủy viên",
                    "Phó trưởng ban tổ chức Huyện ủy", NULL);
    assert_official(r, "Hồ Thị Ngân", "Đồng chí", "Đảng ủy viên", "Bí thư chi bộ",
                    "Hiệu trưởng nhà trường", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_ends_before_verb)
{
    vnx_result *r = extract("Đồng chí Trương Văn Nam – Phó Hiệu trưởng trình bày dự thảo. "
                            "Đồng chí Lý Thị Hồng – Bí thư chi bộ tiếp thu ý kiến. "
                            "Đồng chí Cao Văn Sĩ – Tổ trưởng chuyên môn đọc báo cáo.");
    assert_official(r, "Trương Văn Nam", "Đồng chí", "Phó Hiệu trưởng", NULL);
    assert_official(r, "Lý Thị Hồng", "Đồng chí", "Bí thư chi bộ", NULL);
    assert_official(r, "Cao Văn Sĩ", "Đồng chí", "Tổ trưởng chuyên môn", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_ends_at_punctuation)
{
    vnx_result *r = extract("Có đồng chí Bùi Văn An – Bí thư Đoàn trường cùng 30 đoàn viên; "
                            "đồng chí Tô Thị Loan – Phó Bí thư chi bộ; (đồng chí Lâm Văn Tú, "
                            "Chủ tịch Công đoàn) và đồng chí Đàm Thị Thu – Kế toán nhà trường\n"
                            "Hội nghị kết thúc.");
    assert_official(r, "Bùi Văn An", "đồng chí", "Bí thư Đoàn trường", NULL);
    assert_official(r, "Tô Thị Loan", "đồng chí", "Phó Bí thư chi bộ", NULL);
    assert_official(r, "Lâm Văn Tú", "đồng chí", "Chủ tịch Công đoàn", NULL);
    assert_official(r, "Đàm Thị Thu", "đồng chí", "Kế toán nhà trường", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_goes_on_to_larger_place)
{
    vnx_result *r = extract("Dự có đồng chí Châu Văn Lộc – Chủ tịch UBND xã Tân Lập, huyện "
                            "Đan Phượng; cùng các đảng viên.");
    assert_official(r, "Châu Văn Lộc", "đồng chí", "Chủ tịch UBND xã Tân Lập, huyện Đan Phượng",
                    NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_abbreviations_as_written)
{
    vnx_result *r = extract("Đồng chí Hoàng Thị Mến – CUV, phó hiệu trưởng; đồng chí Trần Đức "
                            "Lương – TUV, Bí thư Huyện ủy; đồng chí Lục Văn Sử – ĐUV, BTCB.");
    assert_official(r, "Hoàng Thị Mến", "Đồng chí", "CUV", "phó hiệu trưởng", NULL);
    assert_official(r, "Trần Đức Lương", "đồng chí", "TUV", "Bí thư Huyện ủy", NULL);
    assert_official(r, "Lục Văn Sử", "đồng chí", "ĐUV", "BTCB", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_after_election_words)
{
    vnx_result *r = extract("Đồng chí Ninh Văn Tiến được bầu giữ chức Bí thư chi bộ nhiệm kỳ "
                            "2025-2027; bà Thái Thị Nga trúng cử Phó Bí thư chi bộ.");
    assert_official(r, "Ninh Văn Tiến", "Đồng chí", "Bí thư chi bộ nhiệm kỳ 2025-2027", NULL);
    assert_official(r, "Thái Thị Nga", "bà", "Phó Bí thư chi bộ", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_after_name_without_separator)
{
    // After an honorific, a role may follow the name with a space only; the
    // role head is not taken into the name.
    vnx_result *r = extract("Đ/c Dương Thị Bích Chi ủy viên đọc quyết định.");
    assert_count(r, 1, "Đ/c Dương Thị Bích Chi ủy viên");
    assert_official(r, "Dương Thị Bích", "Đ/c", "Chi ủy viên", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(lower_case_roles)
{
    vnx_result *r = extract("đồng chí Phùng Thị Xuân - bí thư chi bộ, hiệu trưởng nhà trường "
                            "phát biểu.");
    assert_official(r, "Phùng Thị Xuân", "đồng chí", "bí thư chi bộ", "hiệu trưởng nhà trường",
                    NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(school_and_union_abbreviations)
{
    // Abbreviated roles of a school, the Pioneers and the National Assembly,
    // kept as written.
    vnx_result *r = extract("Thầy Kha Văn Định - PHT, TPT Đội chủ trì; cô Mẫn Thị Huệ – HT nhà "
                            "trường; đồng chí Lò Thị Sen - ĐBQH khóa XV; đồng chí Tào Văn Khang, "
                            "PCT UBND xã dự.");
    assert_official(r, "Kha Văn Định", "Thầy", "PHT", "TPT Đội", NULL);
    assert_official(r, "Mẫn Thị Huệ", "cô", "HT nhà trường", NULL);
    assert_official(r, "Lò Thị Sen", "đồng chí", "ĐBQH khóa XV", NULL);
    assert_official(r, "Tào Văn Khang", "đồng chí", "PCT UBND xã", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(heads_of_ministries_unions_and_press)
{
    vnx_result *r = extract("Thứ trưởng Bộ Nội vụ Lương Văn Tuấn dự lễ. Ông Đàm Quốc Việt, Tổng "
                            "Biên tập Báo Giáo dục, phát biểu. Em Giáp Thị Ngọc Mai – Liên đội "
                            "trưởng nhận thưởng. Đồng chí Hứa Văn Tâm – Phụ trách chi bộ Mầm non.");
    assert_official(r, "Lương Văn Tuấn", NULL, "Thứ trưởng Bộ Nội vụ", NULL);
    assert_official(r, "Đàm Quốc Việt", "Ông", "Tổng Biên tập Báo Giáo dục", NULL);
    assert_official(r, "Giáp Thị Ngọc Mai", "Em", "Liên đội trưởng", NULL);
    assert_official(r, "Hứa Văn Tâm", "Đồng chí", "Phụ trách chi bộ Mầm non", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_never_runs_into_next_verb)
{
    // "lên", "cho rằng", "bỏ phiếu", "đại diện" are the sentence's verbs.
    vnx_result *r = extract("Đồng chí Hà Thị Mơ - Hiệu trưởng nhà trường lên trao giấy khen. "
                            "Bí thư Huyện ủy Quách Văn Lực cho rằng kết quả rất tốt. Thầy Đinh "
                            "Văn Ba – Bí thư Đoàn trường bỏ phiếu. Đ/c Tạ Quang Huy Đại diện "
                            "Đảng ủy tặng hoa.");
    assert_official(r, "Hà Thị Mơ", "Đồng chí", "Hiệu trưởng nhà trường", NULL);
    assert_official(r, "Quách Văn Lực", NULL, "Bí thư Huyện ủy", NULL);
    assert_official(r, "Đinh Văn Ba", "Thầy", "Bí thư Đoàn trường", NULL);
    assert_official(r, "Tạ Quang Huy", "Đ/c", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_after_reelection_words)
{
    // The words around the verb that links a name to its role: "tiếp tục",
    // "được", "tín nhiệm" before it, "giữ", "chức vụ", "làm" after.
    vnx_result *r = extract("Đồng chí Lâm Văn Hòa tiếp tục được tín nhiệm giữ chức Bí thư Chi bộ. "
                            "Đồng chí Phan Thị Nhung được tín nhiệm tái đắc cử làm Chủ tịch Công "
                            "đoàn. Đồng chí Kiều Văn Toại tái đắc cử chức vụ Phó Bí thư. Ông Mạc "
                            "Văn Sáu - Giám đốc Công ty làm Bí thư Chi bộ. Bà Âu Thị Nhàn – Bí "
                            "thư Chi bộ kiêm Hiệu trưởng.");
    assert_official(r, "Lâm Văn Hòa", "Đồng chí", "Bí thư Chi bộ", NULL);
    assert_official(r, "Phan Thị Nhung", "Đồng chí", "Chủ tịch Công đoàn", NULL);
    assert_official(r, "Kiều Văn Toại", "Đồng chí", "Phó Bí thư", NULL);
    assert_official(r, "Mạc Văn Sáu", "Ông", "Giám đốc Công ty", "Bí thư Chi bộ", NULL);
    assert_official(r, "Âu Thị Nhàn", "Bà", "Bí thư Chi bộ", "Hiệu trưởng", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_keeps_its_term_and_splits_on_slash)
{
    // A dash between two years is a range, kept in the role; a slash with
    // spaces around parts two roles.
    vnx_result *r = extract("Đồng chí Lưu Văn Khoa – Quận ủy viên / Bí thư Đảng ủy phường "
                            "nhiệm kỳ 2025 – 2030 dự. Đồng chí Chế Thị Hạnh được bầu làm Bí "
                            "thư Chi bộ nhiệm kỳ 2025- 2027.");
    assert_official(r, "Lưu Văn Khoa", "Đồng chí", "Quận ủy viên",
                    "Bí thư Đảng ủy phường nhiệm kỳ 2025 – 2030", NULL);
    assert_official(r, "Chế Thị Hạnh", "Đồng chí", "Bí thư Chi bộ nhiệm kỳ 2025- 2027", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(dash_inside_a_body_name)
{
    // A dash followed by no role is a part of the body's name, after the
    // name as before it; a long run after a dash is not.
    vnx_result *r = extract("Đồng chí Mai Văn Lợi – Trưởng phòng Tổ chức – hành chính, tổ trưởng "
                            "tổ công tác dự. Giám đốc Trung tâm Văn hóa - Thể thao Trịnh Văn Quý "
                            "phát biểu. Đồng chí Lã Thị Thoa - Bí thư Chi bộ - Hiệu trương nhà "
                            "trường điểm lại nhanh những kết quả nổi bật của năm học vừa qua.");
    assert_official(r, "Mai Văn Lợi", "Đồng chí", "Trưởng phòng Tổ chức – hành chính",
                    "tổ trưởng tổ công tác", NULL);
    assert_official(r, "Trịnh Văn Quý", NULL, "Giám đốc Trung tâm Văn hóa - Thể thao", NULL);
    assert_official(r, "Lã Thị Thoa", "Đồng chí", "Bí thư Chi bộ", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(chain_stops_at_the_role_of_the_next_name)
{
    // A role that runs up to a name is that person's, not the next role of
    // the one before; "và" parts two roles written before a name.
    vnx_result *r = extract("Dự có đồng chí Đoàn Văn Hải – Bí thư Đảng ủy, Chủ tịch Hội Nông dân "
                            "Lưu Thị Hằng cùng các đảng viên. Bí thư Chi bộ và Chủ tịch Hội "
                            "Khuyến học Ninh Văn Cường phát biểu. Bằng khen của Giám đốc Sở cho "
                            "Hội Cựu giáo chức và Chủ tịch Hội Cựu giáo chức Mạc Thị Nguyệt.");
    assert_official(r, "Đoàn Văn Hải", "đồng chí", "Bí thư Đảng ủy", NULL);
    assert_official(r, "Lưu Thị Hằng", NULL, "Chủ tịch Hội Nông dân", NULL);
    assert_official(r, "Ninh Văn Cường", NULL, "Bí thư Chi bộ", "Chủ tịch Hội Khuyến học", NULL);
    assert_official(r, "Mạc Thị Nguyệt", NULL, "Chủ tịch Hội Cựu giáo chức", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(stop_glued_or_inside_a_compound)
{
    // A verb glued to an abbreviation ends the role; "dự án" is no "dự".
    vnx_result *r = extract("Đồng chí Vi Văn Hùng – Bí thư Đảng ủy HVCTbiểu dương các chi bộ. "
                            "Ông Tống Văn Bảy - Giám đốc Ban Quản lý dự án huyện dự họp.");
    assert_official(r, "Vi Văn Hùng", "Đồng chí", "Bí thư Đảng ủy HVCT", NULL);
    assert_official(r, "Tống Văn Bảy", "Ông", "Giám đốc Ban Quản lý dự án huyện", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_ends_before_and_an_honorific)
{
    vnx_result *r = extract("Đồng chí Kha Văn Tú - Phó Bí thư Chi đoàn văn phòng và Đồng chí Lục "
                            "Thị Hoa - Bí thư Chi đoàn dự họp.");
    assert_official(r, "Kha Văn Tú", "Đồng chí", "Phó Bí thư Chi đoàn văn phòng", NULL);
    assert_official(r, "Lục Thị Hoa", "Đồng chí", "Bí thư Chi đoàn", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(what_a_person_is_then_roles)
{
    // "Đảng viên" says what she is; the roles come after it.
    vnx_result *r = extract("Biểu dương đồng chí Bạch Thị Hiền – Đảng viên, Tổ trưởng chuyên môn.");
    assert_official(r, "Bạch Thị Hiền", "đồng chí", "Tổ trưởng chuyên môn", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(verb_that_is_a_given_name_ends_a_role_in_lower_case)
{
    vnx_result *r = extract("Bà Hà Thị Lý – Giám đốc Ngân hàng huyện đạt giải nhất. Đồng chí Lê "
                            "Văn Đạt – Bí thư Chi đoàn dự.");
    assert_official(r, "Hà Thị Lý", "Bà", "Giám đốc Ngân hàng huyện", NULL);
    assert_official(r, "Lê Văn Đạt", "Đồng chí", "Bí thư Chi đoàn", NULL);
    vnx_result_free(r);
}
END_TEST

/* ---- merging ------------------------------------------------------------- */

START_TEST(mentions_merge)
{
    const char *text = "Đồng chí Đặng Văn Quý – Bí thư chi bộ khai mạc. Sau đó, đồng chí Đặng "
                       "Văn Quý – bí thư chi bộ, Hiệu trưởng nhà trường kết luận.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    // "bí thư chi bộ" is the same role as "Bí thư chi bộ": kept once.
    assert_official(r, "Đặng Văn Quý", "Đồng chí", "Bí thư chi bộ", "Hiệu trưởng nhà trường",
                    NULL);
    ck_assert_uint_eq(find(r, "Đặng Văn Quý")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

START_TEST(tone_placement_merges)
{
    // Old and new tone placement (Thuý/Thúy, uỷ/ủy) are one name, one role.
    const char *text = "Đồng chí Lê Thị Thuý Hà – Chi uỷ viên dự họp. Đồng chí Lê Thị Thúy Hà – "
                       "Chi ủy viên phát biểu.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Lê Thị Thuý Hà", "Đồng chí", "Chi uỷ viên", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(given_name_links_back)
{
    const char *text = "Đồng chí Trần Thị Thủy – Bí thư chi bộ chủ trì. Kết luận, đồng chí Thủy "
                       "– Phó Hiệu trưởng nhấn mạnh nhiệm vụ.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Trần Thị Thủy", "Đồng chí", "Bí thư chi bộ", "Phó Hiệu trưởng", NULL);
    ck_assert_uint_eq(find(r, "Trần Thị Thủy")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

START_TEST(ambiguous_given_name_stays_apart)
{
    // Two persons named Hà: "đồng chí Hà" links to neither.
    const char *text = "Đồng chí Vũ Thị Hà và đồng chí Lê Thu Hà dự họp. Đồng chí Hà – Bí thư "
                       "chi bộ phát biểu.";
    vnx_result *r = extract(text);
    assert_count(r, 2, text);
    assert_official(r, "Vũ Thị Hà", "Đồng chí", NULL);
    assert_official(r, "Lê Thu Hà", "đồng chí", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(later_bare_mention_merges)
{
    // A bare later mention (no honorific) of a known person is a mention.
    const char *text = "Cô Quách Thị Yên – giáo viên Toán được kết nạp. Chi bộ giao nhiệm vụ "
                       "giúp đỡ Quách Thị Yên.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    ck_assert_uint_eq(find(r, "Quách Thị Yên")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

START_TEST(spans_are_input_offsets)
{
    const char *text = "Có đồng chí Đỗ Văn Hùng – Bí thư.";
    vnx_result *r = extract(text);
    const vnx_official *o = find(r, "Đỗ Văn Hùng");
    ck_assert_ptr_nonnull(o);
    ck_assert_uint_eq(o->nspans, 1);
    const char *at = strstr(text, "Đỗ Văn Hùng");
    ck_assert_uint_eq(o->spans[0].start, (size_t)(at - text));
    ck_assert_uint_eq(o->spans[0].end, (size_t)(at - text) + strlen("Đỗ Văn Hùng"));
    vnx_result_free(r);
}
END_TEST

/* ---- not persons --------------------------------------------------------- */

START_TEST(ho_chi_minh_is_no_official)
{
    assert_none("Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.");
    assert_none("Đoàn công tác đến Thành phố Hồ Chí Minh và TP. Hồ Chí Minh.");
    assert_none("Dưới ảnh Chủ tịch Hồ Chí Minh, đảng viên mới tuyên thệ.");
    // Historical figures whose names schools and streets carry.
    assert_none("Thầy trò dâng hương tưởng nhớ thầy Chu Văn An; các bạn học sinh Lê Quý Đôn "
                "khóa 2020 và Chủ tịch UBND phường Nguyễn Cư Trinh dự.");
}
END_TEST

START_TEST(places_named_after_people)
{
    assert_none("Chi bộ trường THPT Nguyễn Du họp tại số 5 đường Lê Lợi.");
    assert_none("Học sinh trường Tiểu học Lê Văn Tám, phường Trần Hưng Đạo tham gia.");
    // A school named after a person, inside a role, stays in the role.
    vnx_result *r = extract("Đồng chí Nông Văn Khải – Hiệu trưởng trường THCS Trần Quốc Toản "
                            "phát biểu.");
    assert_count(r, 1, "Hiệu trưởng trường THCS Trần Quốc Toản");
    assert_official(r, "Nông Văn Khải", "Đồng chí", "Hiệu trưởng trường THCS Trần Quốc Toản",
                    NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(byline_is_no_official)
{
    assert_none("Chi bộ tổ chức họp thành công.\nTác giả: Hứa Thị Ngọc Ánh");
    assert_none("Chi bộ tổ chức họp thành công.\nTin, ảnh: Mai Văn Hòa");
    // A lone name on the last line is the byline too.
    assert_none("Chi bộ tổ chức họp thành công.\nLò Thị Xuyến");
}
END_TEST

START_TEST(proper_name_with_honorific_word)
{
    // "Hai Bà Trưng" is a place: "Bà" there is no honorific, and the role
    // goes on through it.
    vnx_result *r = extract("Đồng chí Tăng Văn Phú – Quận ủy viên quận Hai Bà Trưng dự họp.");
    assert_count(r, 1, "Hai Bà Trưng");
    assert_official(r, "Tăng Văn Phú", "Đồng chí", "Quận ủy viên quận Hai Bà Trưng", NULL);
    vnx_result_free(r);
}
END_TEST

/* ---- the wild ------------------------------------------------------------ */

START_TEST(all_caps_headline)
{
    const char *text = "ĐỒNG CHÍ TRỊNH VĂN HẢI PHÁT BIỂU TẠI ĐẠI HỘI CHI BỘ\n"
                       "Tại đại hội, đồng chí Trịnh Văn Hải – Phó Bí thư Đảng ủy phát biểu.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    // The name as written in the body; the honorific of the first mention.
    assert_official(r, "Trịnh Văn Hải", "ĐỒNG CHÍ", "Phó Bí thư Đảng ủy", NULL);
    ck_assert_uint_eq(find(r, "Trịnh Văn Hải")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

START_TEST(name_split_by_html_or_css)
{
    const char *text = "Tham dự có cô Đỗ Thị <b>Thanh</b> Mai - phó hiệu trưởng; đồng chí "
                       "!important; Vũ Văn !important;Toàn - giáo viên.";
    vnx_result *r = extract(text);
    assert_count(r, 2, text);
    assert_official(r, "Đỗ Thị Thanh Mai", "cô", "phó hiệu trưởng", NULL);
    assert_official(r, "Vũ Văn Toàn", "đồng chí", "giáo viên", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(role_before_empty_honorific)
{
    const char *text = "Phó Bí thư chi bộ đ/c  – Huỳnh Thị Ngọc Thu – Đảng UV trình bày báo cáo.";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    assert_official(r, "Huỳnh Thị Ngọc Thu", "đ/c", "Phó Bí thư chi bộ", "Đảng UV", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(misspelt_surname_before_role)
{
    // A surname not in the lexicon (a typo) after an honorific and before a role.
    vnx_result *r = extract("- Đ/c Ngyễn Văn Tư - Phó chủ tịch HĐND xã.");
    assert_count(r, 1, "Ngyễn Văn Tư");
    assert_official(r, "Ngyễn Văn Tư", "Đ/c", "Phó chủ tịch HĐND xã", NULL);
    vnx_result_free(r);
}
END_TEST

START_TEST(name_cut_by_end_of_text)
{
    const char *text = "Đồng chí Hoàng Văn Nghĩa – Bí thư chi bộ. Kết quả, đồng chí Hoàng Văn Ngh";
    vnx_result *r = extract(text);
    assert_count(r, 1, text);
    ck_assert_uint_eq(find(r, "Hoàng Văn Nghĩa")->nspans, 2);
    vnx_result_free(r);
}
END_TEST

static Suite *officials_suite(void)
{
    Suite *s = suite_create("officials");
    TCase *names = tcase_create("names");
    tcase_add_checked_fixture(names, setup, teardown);
    tcase_add_test(names, name_after_honorific);
    tcase_add_test(names, honorific_spellings);
    tcase_add_test(names, surname_from_lexicon);
    tcase_add_test(names, capitalised_words_are_no_name);
    tcase_add_test(names, name_by_role_before);
    tcase_add_test(names, two_roles_before);
    tcase_add_test(names, name_by_role_after_separator);
    tcase_add_test(names, holder_after_the_unit_of_a_role);
    tcase_add_test(names, place_words_cut_where_the_name_is_written_alone);
    tcase_add_test(names, bare_name_is_no_person);
    tcase_add_test(names, list_of_persons);
    tcase_add_test(names, private_persons_after_a_person_noun);
    tcase_add_test(names, more_forms_of_address);
    tcase_add_test(names, names_of_the_ethnic_minorities);
    tcase_add_test(names, given_name_that_is_a_word);
    tcase_add_test(names, case_slips_in_names);
    suite_add_tcase(s, names);
    TCase *roles = tcase_create("roles");
    tcase_add_checked_fixture(roles, setup, teardown);
    tcase_add_test(roles, roles_after_dash_and_comma);
    tcase_add_test(roles, role_ends_before_verb);
    tcase_add_test(roles, role_ends_at_punctuation);
    tcase_add_test(roles, role_goes_on_to_larger_place);
    tcase_add_test(roles, role_abbreviations_as_written);
    tcase_add_test(roles, role_after_election_words);
    tcase_add_test(roles, role_after_name_without_separator);
    tcase_add_test(roles, lower_case_roles);
    tcase_add_test(roles, school_and_union_abbreviations);
    tcase_add_test(roles, heads_of_ministries_unions_and_press);
    tcase_add_test(roles, role_never_runs_into_next_verb);
    tcase_add_test(roles, role_after_reelection_words);
    tcase_add_test(roles, role_keeps_its_term_and_splits_on_slash);
    tcase_add_test(roles, dash_inside_a_body_name);
    tcase_add_test(roles, chain_stops_at_the_role_of_the_next_name);
    tcase_add_test(roles, stop_glued_or_inside_a_compound);
    tcase_add_test(roles, person_noun_inside_a_role);
    tcase_add_test(roles, role_ends_before_and_an_honorific);
    tcase_add_test(roles, what_a_person_is_then_roles);
    tcase_add_test(roles, verb_that_is_a_given_name_ends_a_role_in_lower_case);
    suite_add_tcase(s, roles);
    TCase *merging = tcase_create("merging");
    tcase_add_checked_fixture(merging, setup, teardown);
    tcase_add_test(merging, mentions_merge);
    tcase_add_test(merging, tone_placement_merges);
    tcase_add_test(merging, given_name_links_back);
    tcase_add_test(merging, ambiguous_given_name_stays_apart);
    tcase_add_test(merging, later_bare_mention_merges);
    tcase_add_test(merging, spans_are_input_offsets);
    suite_add_tcase(s, merging);
    TCase *not_persons = tcase_create("not_persons");
    tcase_add_checked_fixture(not_persons, setup, teardown);
    tcase_add_test(not_persons, ho_chi_minh_is_no_official);
    tcase_add_test(not_persons, places_named_after_people);
    tcase_add_test(not_persons, byline_is_no_official);
    tcase_add_test(not_persons, proper_name_with_honorific_word);
    suite_add_tcase(s, not_persons);
    TCase *wild = tcase_create("wild");
    tcase_add_checked_fixture(wild, setup, teardown);
    tcase_add_test(wild, all_caps_headline);
    tcase_add_test(wild, name_split_by_html_or_css);
    tcase_add_test(wild, role_before_empty_honorific);
    tcase_add_test(wild, misspelt_surname_before_role);
    tcase_add_test(wild, name_cut_by_end_of_text);
    suite_add_tcase(s, wild);
    return s;
}

int main(void)
{
    return run_suite(officials_suite());
}
