#!/usr/bin/env python3
"""The Dask recipe (python/examples/dask_vnextract.py) on a local cluster.

usage: dask_test.py VNEXTRACT REPO_DIR

Runs the recipe over three JSON Lines shards of the articles of corpus/ and
../shared/corpus/dev (and an HTML line) on a `distributed` LocalCluster of two worker processes, and
checks that the records are those of `vnextract --from jsonl --spans
codepoints` over the same shards, in order; that both workers made their
one extractor; and that the recipe's command line does the same. Skipped,
with the reason, when dask or distributed is not installed (Debian
python3-dask, python3-distributed: scripts/install-deps.sh). Run it with the
python3 that has them, PYTHONPATH holding the vnextract package and
VNEXTRACT_LIBRARY its library (the `dask` ctest sets them).
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

results = []


def check(name, cond, detail=""):
    results.append(cond)
    print(f"{'ok  ' if cond else 'FAIL'} {name}" + (f": {detail}" if not cond and detail else ""))


def read_out(out_dir):
    files = sorted(glob.glob(os.path.join(out_dir, "*.jsonl")),
                   key=lambda p: int(os.path.basename(p).split(".")[0]))
    recs = []
    for p in files:
        with open(p, encoding="utf-8") as f:
            recs += [json.loads(line) for line in f if line.strip()]
    return recs


def without_text(recs):
    return [{k: v for k, v in r.items() if k != "text"} for r in recs]


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    vnx, repo = argv[1], argv[2]
    if os.environ.get("VNX_PY_SKIP"):
        print("skipped:", os.environ["VNX_PY_SKIP"])
        return 77
    try:
        import dask  # noqa: F401
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        print(f"skipped: {e} (install python3-dask and python3-distributed: "
              "scripts/install-deps.sh; run with the python3 that has them)")
        return 77
    sys.path.insert(0, os.path.join(repo, "python", "examples"))
    import dask_vnextract

    texts = []
    for p in sorted(glob.glob(os.path.join(repo, "corpus", "*.txt")) +
                    glob.glob(os.path.join(repo, "..", "shared", "corpus", "dev", "*.txt"))):
        with open(p, encoding="utf-8") as f:
            texts.append((os.path.basename(p), f.read()))
    with tempfile.TemporaryDirectory() as tmp:
        shards = []
        for k in range(3):
            path = os.path.join(tmp, f"shard{k}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for name, text in texts[k::3]:
                    f.write(json.dumps({"id": f"{k}/{name}", "text": text}, ensure_ascii=False) + "\n")
                if k == 1:
                    f.write(json.dumps({"url": "http://x/p.html", "html":
                                        "<p>𝐀 Ngày 18/12/2023 theo Hướng dẫn số 03-HD/TU.</p>"},
                                       ensure_ascii=False) + "\n")
            shards.append(path)
        cli = subprocess.run([vnx, "--from", "jsonl", "--spans", "codepoints", *shards],
                             capture_output=True, timeout=300)
        want = [json.loads(line) for line in cli.stdout.decode().splitlines()]
        check("the CLI reads the shards", cli.returncode == 0 and len(want) == len(texts) + 1,
              cli.stderr[:300])

        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
        try:
            workers = client.scheduler_info()["workers"]
            pids = client.run(os.getpid)
            check("a cluster of two worker processes", len(workers) == 2 and
                  len(set(pids.values())) == 2 and os.getpid() not in pids.values(), pids)
            out = os.path.join(tmp, "out")
            dask_vnextract.run(client, shards, out)
            made = client.run(lambda dask_worker: hasattr(dask_worker, "vnextract"))
            check("each worker made its one extractor", list(made.values()) == [True, True], made)
            got = read_out(out)
        finally:
            client.close()
            cluster.close()
        check(f"the records equal the CLI's, in order ({len(got)} records)",
              without_text(got) == want,
              next(((i, g.get("source"), w.get("source")) for i, (g, w) in
                    enumerate(zip(without_text(got), want)) if g != w), (len(got), len(want))))
        html = [r for r in got if r["source"] == "http://x/p.html"]
        check("an html line's record holds the text its spans index",
              html and html[0]["text"][slice(*html[0]["dates"][0]["span"])] == "Ngày 18/12/2023",
              html)

        out2 = os.path.join(tmp, "out2")
        r = subprocess.run([sys.executable, dask_vnextract.__file__, "local:2", out2, *shards],
                           capture_output=True, timeout=600)
        check("the recipe's command line (local:2): the same records",
              r.returncode == 0 and read_out(out2) == got, r.stderr[-500:])

    failed = results.count(False)
    print(f"{len(results) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
