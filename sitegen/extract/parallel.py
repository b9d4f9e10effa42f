"""Extraction over several processes (`--jobs N`).

spaCy's own `n_process` sends every parsed `Doc` back to the parent to be unpickled
there (1.6x for 2 processes in the shared baselines); here each worker runs the whole
per-article work (parse and our extraction) and returns only the small, picklable
`ArticleFacts`. Each
worker loads the model once; the parent never loads it. Results come back in article
order, so the output does not depend on the number of jobs.

The pool is a few lines of our own rather than `ProcessPoolExecutor`, whose Python 3.11
version cannot stop its workers early (terminating them with cancelled work pending
kills its manager thread and hangs the exit): Ctrl-C here stops the workers at once.
Workers are started with `spawn`, so a script calling this with several jobs needs the
usual `if __name__ == "__main__":` guard (the `sitegen` command has it).
"""

from __future__ import annotations

import multiprocessing
import signal
import traceback
from collections import deque
from collections.abc import Iterator
from contextlib import suppress
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess

from sitegen.errors import ModelError, SitegenError
from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts
from sitegen.ingest import Article
from sitegen.jobs import job_count

CHUNK_ARTICLES = 4  # per task: small enough to balance the load and keep progress moving
# Below this many characters of prose (~20,000 words, ~5 s of parsing) starting workers
# (each imports spaCy and loads the model, ~2 s) costs more than it saves.
PARALLEL_MIN_CHARS = 120_000


def worker_count(articles: list[Article], jobs: int) -> int:
    """Worker processes for `articles` given `jobs`: 0 (extract in this process) for one
    job, or when the articles are too short to repay starting workers."""
    workers = min(job_count(jobs), -(-len(articles) // CHUNK_ARTICLES))
    prose = sum(b.end - b.start for a in articles for b in a.prose)
    return workers if workers > 1 and prose >= PARALLEL_MIN_CHARS else 0


def extract_facts(
    articles: list[Article], model: str, jobs: int = 1, params: ExtractParams = DEFAULT
) -> Iterator[ArticleFacts]:
    """Facts of each article, in order, whatever the number of jobs."""
    workers = worker_count(articles, jobs)
    if workers:
        yield from _in_workers(articles, model, workers, params)
        return
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model

    yield from extract_articles(articles, load_model(model), params)


def _in_workers(
    articles: list[Article], model: str, workers: int, params: ExtractParams
) -> Iterator[ArticleFacts]:
    chunks = deque(
        enumerate(articles[i : i + CHUNK_ARTICLES] for i in range(0, len(articles), CHUNK_ARTICLES))
    )
    total = len(chunks)
    # spawn, not fork: the dev server has threads, and a forked lock may never be released
    context = multiprocessing.get_context("spawn")
    pool: dict[Connection, BaseProcess] = {}
    busy: dict[Connection, int] = {}  # which chunk each worker is extracting
    done: dict[int, list[ArticleFacts]] = {}
    finished = False
    try:
        for _ in range(workers):
            here, there = context.Pipe()
            process: BaseProcess = context.Process(
                target=_work, args=(there, model, params), daemon=True
            )
            process.start()
            there.close()
            pool[here] = process
        for number in range(total):
            while number not in done:
                for idle in [c for c in pool if c not in busy]:
                    _send_next(idle, chunks, busy)
                _receive(pool, busy, done, chunks)
            yield from done.pop(number)
        finished = True
    finally:
        for connection, process in pool.items():
            if finished:
                with suppress(OSError):
                    connection.send(None)  # no more work: exit
            else:  # an error or Ctrl-C: stop now, not after the chunks under way
                process.terminate()
            process.join()
            connection.close()


def _send_next(connection: Connection, chunks: deque, busy: dict[Connection, int]) -> None:
    if chunks:
        number, chunk = chunks.popleft()
        try:
            connection.send(chunk)
        except OSError:
            raise _stopped() from None
        busy[connection] = number


def _receive(
    pool: dict[Connection, BaseProcess],
    busy: dict[Connection, int],
    done: dict[int, list[ArticleFacts]],
    chunks: deque,
) -> None:
    """Wait for any worker to answer; its chunk's facts go to `done`, and it is sent
    the next chunk at once: it works on while the parent caches what it sent."""
    sentinels = {pool[c].sentinel: c for c in busy}
    for ready in wait([*busy, *sentinels]):
        connection = sentinels.get(ready, ready)  # type: ignore[arg-type]  # a sentinel or a pipe
        if connection not in busy:
            continue  # already answered through its pipe in this round
        try:
            facts, error = connection.recv()
        except (EOFError, OSError):
            raise _stopped() from None
        if error is not None:
            raise error
        done[busy.pop(connection)] = facts
        _send_next(connection, chunks, busy)


def _stopped() -> ModelError:
    return ModelError("an extraction process stopped unexpectedly (out of memory?); try fewer jobs")


def _work(connection: Connection, model: str, params: ExtractParams) -> None:
    """A worker: extract each chunk it is sent until it is sent None. The model is loaded
    on the first chunk and kept (`load_model`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops us
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model

    while (chunk := connection.recv()) is not None:
        try:
            connection.send((list(extract_articles(chunk, load_model(model), params)), None))
        except SitegenError as exc:  # e.g. the model is missing: the parent raises it
            connection.send((None, exc))
        except Exception as exc:  # a bug: its traceback goes to stderr, the parent stops
            traceback.print_exc()
            connection.send(
                (
                    None,
                    ModelError(
                        f"extraction failed in a worker process: {type(exc).__name__}: {exc}"
                    ),
                )
            )
