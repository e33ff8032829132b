#!/usr/bin/env python3
"""The peer for `attune bench memory-index`: sqlite-vec (the sqlite-vec PyPI package's loadable
extension, loaded through apsw because Debian's Python sqlite3 module cannot load extensions) over
the same cached embeddings, in an on-disk database, one thread. Two vec0 tables, both exact
brute-force KNN: float[384] and int8[384] (each vector quantized like Attune's store: symmetric,
round(x * 127 / max|x|)), cosine distance, k = 10. Each query is timed from binding the query blob to
the last row (the Python call overhead, a few µs, included). Recall@10 against exact float search
(numpy, float64). Prints JSON: memories, queries, loadSeconds, float {p50Ms, p99Ms, meanMs,
recallAt10}, int8 {…}, databaseBytes.

Usage: python3 tools/bench/memory_index_peer.py CORPUS.f32 QUERIES.f32 [MEMORIES]
Needs: numpy, sqlite-vec, apsw (tools/bench/memory-index.sh makes a venv with them).
"""
import json
import os
import sys
import tempfile
import time

import apsw
import numpy as np
import sqlite_vec

DIMENSION = 384


def latency(samples):
    samples = sorted(samples)
    return {"p50Ms": samples[len(samples) // 2], "p99Ms": samples[min(len(samples) - 1, len(samples) * 99 // 100)],
            "meanMs": sum(samples) / len(samples)}


def quantize(vectors):
    largest = np.abs(vectors).max(axis=1, keepdims=True)
    scaled = vectors * (127 / np.where(largest > 0, largest, 1))
    # Ties away from zero, as Attune's quantizer.
    return (np.sign(scaled) * np.floor(np.abs(scaled) + 0.5)).astype(np.int8)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    corpus = np.fromfile(sys.argv[1], dtype="<f4").reshape(-1, DIMENSION)
    if len(sys.argv) > 3:
        corpus = corpus[: int(sys.argv[3])]
    queries = np.fromfile(sys.argv[2], dtype="<f4").reshape(-1, DIMENSION)
    truth = [set(np.argsort(-(corpus.astype(np.float64) @ q.astype(np.float64)), kind="stable")[:10].tolist()) for q in queries]

    directory = tempfile.mkdtemp(prefix="attune-sqlite-vec-")
    path = os.path.join(directory, "peer.db")
    connection = apsw.Connection(path)
    connection.enable_load_extension(True)
    connection.load_extension(sqlite_vec.loadable_path())
    connection.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA cache_size = -4096")
    connection.execute(f"CREATE VIRTUAL TABLE float_vectors USING vec0(embedding float[{DIMENSION}] distance_metric=cosine)")
    connection.execute(f"CREATE VIRTUAL TABLE int8_vectors USING vec0(embedding int8[{DIMENSION}] distance_metric=cosine)")
    start = time.perf_counter()
    quantized = quantize(corpus)
    with connection:
        connection.executemany("INSERT INTO float_vectors(rowid, embedding) VALUES (?, ?)",
                               ((row + 1, corpus[row].tobytes()) for row in range(len(corpus))))
        connection.executemany("INSERT INTO int8_vectors(rowid, embedding) VALUES (?, vec_int8(?))",
                               ((row + 1, quantized[row].tobytes()) for row in range(len(corpus))))
    load_seconds = time.perf_counter() - start
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    report = {"memories": len(corpus), "queries": len(queries), "loadSeconds": load_seconds,
              "sqliteVecVersion": connection.execute("SELECT vec_version()").fetchone()[0]}
    statements = {
        "float": ("SELECT rowid FROM float_vectors WHERE embedding MATCH ? AND k = 10 ORDER BY distance", lambda q: q.tobytes()),
        "int8": ("SELECT rowid FROM int8_vectors WHERE embedding MATCH vec_int8(?) AND k = 10 ORDER BY distance",
                 lambda q: quantize(q[None, :])[0].tobytes()),
    }
    for name, (sql, encode) in statements.items():
        blobs = [encode(q) for q in queries]
        for blob in blobs[:20]:
            list(connection.execute(sql, (blob,)))
        times, found = [], 0
        for blob, expected in zip(blobs, truth):
            t0 = time.perf_counter()
            rows = [row[0] - 1 for row in connection.execute(sql, (blob,))]
            times.append((time.perf_counter() - t0) * 1000)
            found += len(expected.intersection(rows))
        report[name] = dict(latency(times), recallAt10=found / (10 * len(queries)))
    connection.close()
    report["databaseBytes"] = os.path.getsize(path)
    for name in os.listdir(directory):
        os.remove(os.path.join(directory, name))
    os.rmdir(directory)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
