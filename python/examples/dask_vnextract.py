#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""vnextract on a Dask cluster: JSON Lines shards in, records out, in order.

usage: dask_vnextract.py SCHEDULER OUT_DIR SHARD.jsonl...

SCHEDULER is a scheduler's address (tcp://host:8786), or local:N for a
cluster of N worker processes on this machine. Each line of a shard is
{"id" or "url": ..., "text" or "html": ...}, as for `vnextract --from
jsonl`. A bag over the shards (a partition per shard) is mapped through one
vnextract.Extractor per worker process, made once when the worker starts (a
worker plugin), and OUT_DIR/0.jsonl, 1.jsonl... get the records of the
shards in order: the records of `vnextract --from jsonl --spans codepoints`
(spans index Python strings), with "text" added for an "html" line.
"""
import json
import os
import sys

import dask.bag as db
from dask.distributed import Client, LocalCluster, WorkerPlugin, get_worker


class VnextractPlugin(WorkerPlugin):
    """Makes the worker's one Extractor when the worker starts."""

    name = "vnextract"

    def setup(self, worker):
        import vnextract  # in the worker process

        worker.vnextract = vnextract.Extractor()

    def teardown(self, worker):
        worker.vnextract.close()


def extract_lines(lines, shard):
    """The records of one partition (a shard's lines), on its worker."""
    x = get_worker().vnextract
    out = []
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        doc = json.loads(line)
        source = doc.get("id", doc.get("url", f"{shard}:{lineno}"))
        if "html" in doc:
            out.append(x.extract_html(doc["html"], source=source))
        else:
            out.append(x.extract(doc["text"], source=source))
    return out


def run(client, shards, out_dir):
    """Extract `shards` on `client`'s cluster into OUT_DIR/N.jsonl, in order."""
    client.register_worker_plugin(VnextractPlugin())
    parts = [db.read_text(s, blocksize=None).map_partitions(extract_lines, s) for s in shards]
    records = db.concat(parts).map(lambda r: json.dumps(r, ensure_ascii=False))
    os.makedirs(out_dir, exist_ok=True)
    records.to_textfiles(os.path.join(out_dir, "*.jsonl"), encoding="utf-8")


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    where, out_dir, shards = argv[1], argv[2], argv[3:]
    if where.startswith("local:"):
        cluster = LocalCluster(n_workers=int(where[6:]), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    else:
        cluster, client = None, Client(where)
    try:
        run(client, shards, out_dir)
    finally:
        client.close()
        if cluster:
            cluster.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
