# SPDX-License-Identifier: MIT
"""The vnextract Python package: records as dicts, spans as str indices,
HTML, extract_many in order, threads sharing one extractor (the GIL
released), errors as vnextract.Error, docstrings.

Run with PYTHONPATH=python and VNEXTRACT_LIBRARY=path/to/libvnextract.so
(the `python` ctest sets both)."""
import glob
import json
import os
import subprocess
import tempfile
import threading
import time
import unicodedata
import unittest

import vnextract

REPO = os.environ.get("VNX_REPO", os.path.join(os.path.dirname(__file__), "..", ".."))
TEXT = ("𝐀𝐁 Sáng ngày 18/12/2023, Chi bộ trường tổ chức hội nghị kiểm điểm theo Hướng dẫn "
        "số 03-HD/TU ngày 30/11/2023 của Ban Tổ chức Thành ủy. 😀 Đồng chí Nguyễn Văn Toản, "
        "Bí thư chi bộ phát biểu. Có 25 ĐV HTXSNV, chiếm 98,1%.\n")
KEYS = ["source", "title", "event", "dates", "directives", "officials", "tallies",
        "attendance", "author", "published", "warnings"]


def corpus():
    paths = sorted(glob.glob(os.path.join(REPO, "corpus", "*.txt")))
    texts = []
    for p in paths:
        with open(p, encoding="utf-8") as f:
            texts.append(f.read())
    return texts


def spans(record):
    for kind in ("dates", "directives", "tallies", "attendance"):
        for item in record[kind]:
            yield item["span"], item["text"]
    for o in record["officials"]:
        for s in o["spans"]:
            yield s, o["name"]


def clean(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


class ExtractTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.x = vnextract.Extractor()

    def test_record_is_a_dict_with_every_key(self):
        r = self.x.extract(TEXT)
        self.assertEqual(list(r), KEYS)
        self.assertEqual([d["value"] for d in r["dates"]], ["2023-12-18", "2023-11-30"])
        self.assertEqual(r["directives"][0]["number"], "03-HD/TU")
        self.assertIsNone(r["source"])

    def test_spans_index_the_str(self):
        r = self.x.extract(TEXT)
        found = list(spans(r))
        self.assertGreaterEqual(len(found), 4)
        for (a, b), text in found:
            self.assertIn(clean(text), clean(TEXT[a:b]), (a, b))
        a, b = r["dates"][0]["span"]
        self.assertEqual(TEXT[a:b], "ngày 18/12/2023")

    def test_spans_on_the_corpus(self):
        for text in corpus():
            for (a, b), fact in spans(self.x.extract(text)):
                self.assertTrue(0 <= a < b <= len(text))
                if fact and "\n" not in text[a:b]:
                    self.assertEqual(clean(text[a:b]).lower()[:4], clean(fact).lower()[:4])

    def test_numbers_as_written(self):
        r = self.x.extract(TEXT)
        self.assertEqual([t["percent"] for t in r["tallies"]], [98.1])

    def test_source(self):
        self.assertEqual(self.x.extract(TEXT, source="a/b.txt")["source"], "a/b.txt")

    def test_lone_surrogate_keeps_spans(self):
        text = "\udc80 ngày 18/12/2023"
        a, b = self.x.extract(text)["dates"][0]["span"]
        self.assertEqual(text[a:b], "ngày 18/12/2023")

    def test_bytes_refused(self):
        with self.assertRaises(TypeError):
            self.x.extract(TEXT.encode())

    def test_empty(self):
        r = self.x.extract("")
        self.assertEqual(r["dates"], [])
        self.assertEqual(r["event"], {"type": None, "date": None, "organization": None})

    def test_versions(self):
        self.assertRegex(vnextract.library_version(), r"^\d+\.\d+\.\d+$")
        self.assertEqual(vnextract.__version__, vnextract.library_version())
        self.assertTrue(self.x.patterns_version)


class HtmlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.x = vnextract.Extractor()

    PAGE = ("<html><head><title>t</title><script>var a = '18/12/2023';</script></head><body>"
            "<h1>Hội nghị</h1><p>𝐀 Ngày 18/12/2023 theo Hướng dẫn số 03-HD/TU.</p></body></html>")

    def test_page_bytes(self):
        r = self.x.extract_html(self.PAGE.encode())
        self.assertIn("text", r)
        self.assertNotIn("var a", r["text"])
        self.assertEqual([d["value"] for d in r["dates"]], ["2023-12-18"])
        for (a, b), fact in spans(r):
            self.assertEqual(clean(r["text"][a:b]), clean(fact))

    def test_page_str_and_source(self):
        r = self.x.extract_html(self.PAGE, source="p.html")
        self.assertEqual(r["source"], "p.html")
        self.assertEqual(r["directives"][0]["number"], "03-HD/TU")

    def test_legacy_encoding(self):
        # windows-1258 writes tones as combining marks after the letter
        page = unicodedata.normalize("NFD", "<p>Ngày họp 18/12/2023</p>").encode("cp1258")
        r = self.x.extract_html(page, encoding="windows-1258")
        self.assertEqual([d["value"] for d in r["dates"]], ["2023-12-18"])
        self.assertIn("Ngày họp", unicodedata.normalize("NFC", r["text"]))

    def test_unknown_encoding(self):
        with self.assertRaises(vnextract.Error) as cm:
            self.x.extract_html(b"<p>x</p>", encoding="no-such-encoding")
        self.assertEqual(cm.exception.code, 2)  # VNX_ERR_ARGUMENT
        self.assertIn("no-such-encoding", str(cm.exception))


class ManyTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.x = vnextract.Extractor()
        cls.texts = corpus() + [TEXT, ""]
        cls.want = [cls.x.extract(t) for t in cls.texts]

    def test_in_order_whatever_the_jobs(self):
        for jobs in (1, 2, 4):
            with self.subTest(jobs=jobs):
                self.assertEqual(list(self.x.extract_many(self.texts, jobs=jobs)), self.want)

    def test_chunks_and_a_generator(self):
        got = list(self.x.extract_many((t for t in self.texts), jobs=3, chunk=4))
        self.assertEqual(got, self.want)

    def test_lazy(self):
        it = self.x.extract_many(iter(self.texts), jobs=2, chunk=2)
        self.assertEqual(next(it), self.want[0])

    def test_nothing(self):
        self.assertEqual(list(self.x.extract_many([], jobs=2)), [])

    def test_not_a_str(self):
        with self.assertRaises(TypeError):
            list(self.x.extract_many([TEXT, b"bytes"]))


class ThreadsTest(unittest.TestCase):
    def test_threads_share_one_extractor(self):
        x = vnextract.Extractor()
        texts = corpus()[:20] + [TEXT]
        want = [x.extract(t) for t in texts]
        got = {}
        errors = []

        def worker(k):
            try:
                got[k] = [x.extract(t) for t in texts]
            except Exception as e:  # noqa: BLE001 - reported below
                errors.append(e)

        threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])
        for k in range(4):
            self.assertEqual(got[k], want)

    def test_the_gil_is_released(self):
        # While a long document is extracted on one thread, this one runs.
        x = vnextract.Extractor()
        big = "\n".join(corpus()) * 3
        done = threading.Event()
        t = threading.Thread(target=lambda: (x.extract(big), done.set()))
        start = time.monotonic()
        t.start()
        ticks = 0
        while not done.is_set():
            ticks += 1
            time.sleep(0)
        t.join()
        elapsed = time.monotonic() - start
        self.assertGreater(elapsed, 0.05, "the document was too quick to tell")
        self.assertGreater(ticks, 100, f"{ticks} loops in {elapsed:.2f} s: the GIL was held")


class ErrorsTest(unittest.TestCase):
    def test_missing_pattern_dir(self):
        with self.assertRaises(vnextract.Error) as cm:
            vnextract.Extractor(patterns="/no/such/dir")
        self.assertTrue(cm.exception.message)

    def test_broken_pattern_set(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "dates.pcre"), "w", encoding="utf-8") as f:
                f.write("# broken\n\n@pattern broken\n  (?<day>\\d+\n")
            with self.assertRaises(vnextract.Error) as cm:
                vnextract.Extractor(patterns=d)
        self.assertTrue(cm.exception.source.endswith("dates.pcre"), cm.exception.source)
        self.assertEqual(cm.exception.line, 3)
        self.assertIsInstance(cm.exception, Exception)

    def test_patterns_of_the_repo(self):
        x = vnextract.Extractor(patterns=os.path.join(REPO, "patterns"))
        self.assertEqual(x.extract(TEXT), vnextract.Extractor().extract(TEXT))

    def test_closed(self):
        x = vnextract.Extractor()
        x.close()
        x.close()
        with self.assertRaises(ValueError):
            x.extract(TEXT)
        with vnextract.Extractor() as y:
            self.assertTrue(y.extract(TEXT)["dates"])


class CliTest(unittest.TestCase):
    def test_same_records_as_the_cli_in_codepoints(self):
        cli = os.environ.get("VNX_CLI")
        if not cli:
            self.skipTest("VNX_CLI (the vnextract program) not set")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "a.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(TEXT)
            out = subprocess.run([cli, "--spans", "codepoints", path], capture_output=True,
                                 check=True).stdout
        self.assertEqual(vnextract.Extractor().extract(TEXT, source=path), json.loads(out))


class DocsTest(unittest.TestCase):
    def test_every_public_name_has_a_docstring(self):
        names = [vnextract, vnextract.Error, vnextract.Extractor, vnextract.library_version]
        names += [getattr(vnextract.Extractor, m) for m in dir(vnextract.Extractor)
                  if not m.startswith("_")]
        for obj in names:
            self.assertTrue((obj.__doc__ or "").strip(), obj)


if __name__ == "__main__":
    unittest.main()
