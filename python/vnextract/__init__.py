# SPDX-License-Identifier: MIT
"""vnextract: the facts of Vietnamese bulletin posts, from Python.

A thin client of libvnextract (the C library) through ctypes: nothing to
compile. Every call into the library releases the GIL, so threads that share
one Extractor run in parallel; extract_many() runs threads of its own in C.

    import vnextract
    x = vnextract.Extractor()
    r = x.extract(text)                 # a dict: the record of SPEC.md
    a, b = r["dates"][0]["span"]        # text[a:b] is the date as written
    r = x.extract_html(page_bytes)      # r["text"] is the text spans index
    for r in x.extract_many(texts, jobs=4):
        ...

Spans are indices of Python strings (code points): for extract(text),
text[a:b] is the fact's text; for extract_html(), r["text"][a:b].
The library is found at the path VNEXTRACT_LIBRARY names, else where
`cmake --install` put it, else by the dynamic linker (libvnextract.so.0).
"""
import ctypes
import ctypes.util
import json
import os

__all__ = ["Extractor", "Error", "library_version"]


class Error(Exception):
    """An error of libvnextract: `code` (a VNX_ERR_* number), `message`, and
    for a pattern set that does not load, `source` (its file) and `line`."""

    def __init__(self, code, message, source="", line=0):
        super().__init__(f"{source}:{line}: {message}" if source else message)
        self.code = code
        self.message = message
        self.source = source
        self.line = line


class _Error(ctypes.Structure):
    _fields_ = [("code", ctypes.c_int), ("source", ctypes.c_char * 128),
                ("line", ctypes.c_int), ("offset", ctypes.c_long),
                ("message", ctypes.c_char * 256)]

    def exception(self):
        return Error(self.code, self.message.decode("utf-8", "replace"),
                     self.source.decode("utf-8", "replace"), self.line)


class _Options(ctypes.Structure):
    _fields_ = [("flags", ctypes.c_uint), ("patterns_dir", ctypes.c_char_p),
                ("match_limit", ctypes.c_ulong), ("depth_limit", ctypes.c_ulong)]


_OPT_SPANS_CODEPOINTS = 1 << 10
_P = ctypes.c_void_p
_SIZE = ctypes.c_size_t
_ERR = ctypes.POINTER(_Error)
_SIGNATURES = {
    "vnx_version": (ctypes.c_char_p, []),
    "vnx_patterns_version": (ctypes.c_char_p, [_P]),
    "vnx_options_init": (None, [ctypes.POINTER(_Options)]),
    "vnx_extractor_new": (_P, [ctypes.POINTER(_Options), _ERR]),
    "vnx_extractor_free": (None, [_P]),
    "vnx_extract": (_P, [_P, ctypes.c_char_p, _SIZE, _ERR]),
    "vnx_extract_many": (ctypes.c_int, [_P, ctypes.POINTER(ctypes.c_char_p),
                                        ctypes.POINTER(_SIZE), _SIZE, ctypes.c_uint,
                                        ctypes.POINTER(_P), _ERR, _ERR]),
    "vnx_result_free": (None, [_P]),
    "vnx_result_set_source": (ctypes.c_int, [_P, ctypes.c_char_p]),
    "vnx_result_to_json": (_P, [_P, ctypes.c_uint]),
    "vnx_extract_html": (_P, [_P, ctypes.c_char_p, _SIZE, ctypes.c_char_p, _ERR]),
    "vnx_result_to_json_fields": (_P, [_P, ctypes.c_uint, ctypes.c_uint]),
    "vnx_free": (None, [_P]),
}


def _library_paths():
    if os.environ.get("VNEXTRACT_LIBRARY"):
        yield os.environ["VNEXTRACT_LIBRARY"]
        return
    try:  # written by `cmake --install`
        from . import _installed
        yield _installed.LIBRARY
    except ImportError:
        pass
    yield ctypes.util.find_library("vnextract") or "libvnextract.so.0"


def _load():
    tried = []
    for path in _library_paths():
        try:
            lib = ctypes.CDLL(path)  # CDLL: the GIL is released during each call
        except OSError as e:
            tried.append(str(e))
            continue
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        return lib
    raise ImportError("vnextract: libvnextract not found (set VNEXTRACT_LIBRARY to its path): "
                      + "; ".join(tried))


_lib = _load()


def library_version():
    """The version of libvnextract, "MAJOR.MINOR.PATCH"."""
    return _lib.vnx_version().decode()


__version__ = library_version()


def _encode(text):
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__} (decode bytes first, "
                        "or give an HTML page to extract_html)")
    # A lone surrogate becomes '?': one code point for one, so spans still
    # index the str as given.
    return text.encode("utf-8", "replace")


def _take_string(ptr, what="out of memory"):
    """The bytes of a string the library allocated, freed."""
    if not ptr:
        raise Error(1, what)
    try:
        return ctypes.string_at(ptr)
    finally:
        _lib.vnx_free(ptr)


_FIELD_ALL = (1 << 10) - 1  # VNX_FIELD_ALL
_FIELD_TEXT = 1 << 10  # VNX_FIELD_TEXT: "text", the text the spans index


def _record(result, source=None, fields=_FIELD_ALL):
    """The record of a vnx_result as a dict; the result is freed."""
    try:
        if source is not None and _lib.vnx_result_set_source(result, str(source).encode()) != 0:
            raise Error(1, "out of memory")
        return json.loads(_take_string(_lib.vnx_result_to_json_fields(result, 0, fields)))
    finally:
        _lib.vnx_result_free(result)


class Extractor:
    """An extractor: the pattern set, compiled once. Any number of threads
    may use one Extractor at once (the library releases the GIL), but
    close() it only when none does.

    Extractor(patterns="DIR") loads the pattern set of DIR instead of the
    one built into the library; a set that does not load raises Error with
    its file and line.
    """

    def __init__(self, patterns=None):
        opts = _Options()
        _lib.vnx_options_init(ctypes.byref(opts))
        opts.flags = _OPT_SPANS_CODEPOINTS
        if patterns is not None:
            opts.patterns_dir = os.fsencode(patterns)
        err = _Error()
        self._x = _lib.vnx_extractor_new(ctypes.byref(opts), ctypes.byref(err))
        if not self._x:
            raise err.exception()

    @property
    def patterns_version(self):
        """The version of the pattern set in use."""
        return _lib.vnx_patterns_version(self._handle()).decode()

    def _handle(self):
        if not self._x:
            raise ValueError("vnextract: the Extractor is closed")
        return self._x

    def extract(self, text, source=None):
        """The record of one document, a str, as a dict (SPEC.md): every key
        present, spans as indices of `text` (text[a:b] is the fact as
        written). `source` sets the record's "source". Raises Error when the
        library fails (out of memory, a document too large)."""
        data = _encode(text)
        err = _Error()
        r = _lib.vnx_extract(self._handle(), data, len(data), ctypes.byref(err))
        if not r:
            raise err.exception()
        return _record(r, source)

    def extract_html(self, page, encoding=None, source=None):
        """The record of a saved HTML page (bytes, or str) as a dict, read as
        a browser's reader view reads it (the article alone, not its menus
        or sidebars), with "text": the article's text, which the spans index
        (r["text"][a:b]), and "published". `encoding` names the page's
        encoding when neither a byte order mark nor its <meta charset> says
        it (any ICU name: "windows-1258"). Raises Error for an unknown
        encoding or a failure."""
        if isinstance(page, str):
            page = page.encode("utf-8", "replace")
        if not isinstance(page, (bytes, bytearray, memoryview)):
            raise TypeError(f"page must be bytes or str, not {type(page).__name__}")
        page = bytes(page)
        err = _Error()
        enc = encoding.encode() if encoding else None
        r = _lib.vnx_extract_html(self._handle(), page, len(page), enc, ctypes.byref(err))
        if not r:
            raise err.exception()
        return _record(r, source, _FIELD_ALL | _FIELD_TEXT)

    def extract_many(self, texts, jobs=None, chunk=None):
        """The records of many documents (an iterable of str), in order, as
        a generator of dicts. `jobs` threads of the library extract them
        (default: the number of cores), the GIL released; `chunk` documents
        (default: 16 per job) are in flight at a time, so an iterable of any
        length may be given. A document that cannot be extracted raises
        Error at its place."""
        jobs = max(1, int(jobs or os.cpu_count() or 1))
        chunk = max(1, int(chunk or 16 * jobs))
        batch = []
        for text in texts:
            batch.append(_encode(text))
            if len(batch) == chunk:
                yield from self._many(batch, jobs)
                batch = []
        if batch:
            yield from self._many(batch, jobs)

    def _many(self, batch, jobs):
        n = len(batch)
        texts = (ctypes.c_char_p * n)(*batch)
        lens = (_SIZE * n)(*map(len, batch))
        results = (_P * n)()
        errors = (_Error * n)()
        err = _Error()
        if _lib.vnx_extract_many(self._handle(), texts, lens, n, jobs, results, errors,
                                 ctypes.byref(err)) != 0:
            raise err.exception()
        records = []
        for i in range(n):  # every result freed, even after a failure
            if results[i]:
                records.append(_record(results[i]))
            else:
                records.append(errors[i].exception())
        for r in records:
            if isinstance(r, Error):
                raise r
            yield r

    def close(self):
        """Free the extractor (also done when it is collected). Using it
        afterwards raises ValueError."""
        if getattr(self, "_x", None):
            _lib.vnx_extractor_free(self._x)
            self._x = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __del__(self):
        self.close()
