#!/usr/bin/env python3
"""The patterns' @anchor lines lose nothing: every document gives the same
record with the anchors (patterns run only near their anchors' hits) as with
--no-anchors (every pattern over the whole text).

Documents: corpus/, ../shared/corpus/ when it is there, the fuzzing seeds,
and texts made to put matches at the edges of an anchor's reach.

usage: anchors_test.py VNEXTRACT PROJECT_DIR
"""
import glob
import os
import subprocess
import sys
import tempfile

# Matches as close to the start of a text as can be, glued to other tokens,
# after long runs of spaces, across line ends.
EDGE_TEXTS = [
    "12/3/2024",
    "ngày 5 tháng 6 năm 2023, đồng chí Nguyễn Văn An, Bí thư Chi bộ, chủ trì",
    "Ngày    \n 05/3, 18/22 đ/c hoàn thành tốt nhiệm vụ (chiếm 81,8%)",
    "Hướng dẫn số 03-HD/TU ngày 12/12/2023 của Ban Tổ chức Thành ủy",
    "Chi bộ có 19/20 đảng viên dự họp. 44/45 phiếu tán thành.",
    "Đ/c Trần Thị Bình – Phó Bí thư Đảng ủy; TS. Lê Hoàng Nam\nHTXSNV: 03 đ/c\n",
    "Thứ Hai,   ngày\t7/8/2023 Hội nghị kiểm điểm, đánh giá, xếp loại",
    "x" * 100 + " 1/1/2020 " + "y" * 100 + " 2 đ/c HTTNV",
    # The candidate pass (words looked up in the keys of anchors and
    # patterns): a word after two capitals inside another, keys of several
    # words over runs of spaces and line ends, capitals, the Kelvin sign and
    # the long s (caseless k and s), words longer than any key, a key at
    # the text's very end, a key glued to the next word.
    "Bí thư Đảng ủy HVTCbiểu dương đồng chí Trần Văn An, Phó Bí thư",
    "Hội    nghị\n  kiểm\t\tđiểm,  đánh   giá,\nxếp  loại đảng viên năm 2023",
    "ĐẠI HỘI ĐẢNG BỘ XÃ LẦN THỨ V. CHI BỘ CÓ 19/20 ĐẢNG VIÊN THAM DỰ",
    "Lễ \u212aết nạp đảng viên; \u017fơ kết 6 tháng đầu năm; Đ / c Lê Thị Hoa",
    "a" * 70 + "đảng viên " + "Nguyễn" * 20 + " Văn An phát biểu",
    "Chi bộ có 12 đảng viên tham dự. Hội nghị tổng kết",
    "36/38 phiếubầu, 5 đồng chíhoàn thành tốt nhiệm vụ, trong đó",
]


def documents(project):
    shared = os.path.join(project, "..", "shared", "corpus")
    paths = sorted(glob.glob(os.path.join(project, "corpus", "*.txt")))
    if os.path.isdir(shared):
        paths += sorted(glob.glob(os.path.join(shared, "*", "*.txt")))
    else:
        print(f"note: {shared} not found; checking the project's own corpus only")
    paths += sorted(glob.glob(os.path.join(project, "tests", "fuzz", "seeds", "*", "*")))
    return paths


def run(vnx, paths, *flags):
    out = subprocess.run([vnx, "-j", "2", "--from", "text", *flags, *paths],
                         capture_output=True, check=False)
    return out.stdout.decode("utf-8", "replace").splitlines()


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx, project = argv[1], argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        paths = documents(project)
        for i, text in enumerate(EDGE_TEXTS):
            path = os.path.join(tmp, f"edge{i}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            paths.append(path)
        anchored, whole = run(vnx, paths), run(vnx, paths, "--no-anchors")
    if len(anchored) != len(paths) or len(whole) != len(paths):
        sys.exit(f"want {len(paths)} records, got {len(anchored)} and {len(whole)}")
    differ = [(p, a, w) for p, a, w in zip(paths, anchored, whole) if a != w]
    for path, a, w in differ[:10]:
        print(f"{path}:\n  anchored:     {a}\n  --no-anchors: {w}")
    print(f"{len(paths)} documents, {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
