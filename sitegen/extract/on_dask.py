"""Extraction on a Dask cluster (`--executor dask://HOST:PORT`), for stories too large
for one machine.

Each worker loads the spaCy model once, when it joins (a worker plugin, so a worker
added later loads it too); articles go out in batches, and each batch comes back as
the compact per-article records (`ArticleFacts`) that the local pool returns. The
caller caches and merges them exactly as it does local results, in article order, so
the content written is the same as with `--executor local`. The workers need sitegen
and the model installed (the same versions as here: the records are pickled).

Needs the optional extra: `pip install 'sitegen[dask]'`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import suppress
from typing import TYPE_CHECKING, Any

from sitegen.config import DASK_SCHEME
from sitegen.errors import ConfigError, SitegenError
from sitegen.extract.params import DEFAULT, ExtractParams
from sitegen.extract.records import ArticleFacts
from sitegen.ingest import Article

if TYPE_CHECKING:
    from distributed import Client

try:  # the optional extra; without it `extract_on_dask` says how to install it
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - depends on the extra
    WorkerPlugin = object  # type: ignore[assignment,misc]

BATCH_ARTICLES = 8  # per task: a few seconds of parsing, against ~ms of scheduling
# How long to wait for the scheduler: a cluster starting its workers may take a while
# to answer, and Dask retries a refused connection until then.
CONNECT_TIMEOUT = "20s"
IN_FLIGHT = 4  # batches per worker submitted ahead: workers never wait, memory stays bounded


class SpacyModel(WorkerPlugin):
    """Worker plugin: load the model once per worker process, as it starts."""

    name = "sitegen-spacy-model"

    def __init__(self, model: str) -> None:
        self.model = model

    def setup(self, worker: Any) -> None:
        from sitegen.nlp import load_model

        with suppress(SitegenError):  # missing model: each task raises it, with its message
            load_model(self.model)


def extract_batch(
    articles: list[Article], model: str, params: ExtractParams = DEFAULT
) -> list[ArticleFacts]:
    """One task: the facts of a batch of articles, with the worker's loaded model."""
    from sitegen.extract import extract_articles
    from sitegen.nlp import load_model

    return list(extract_articles(articles, load_model(model), params))


def extract_on_dask(
    articles: list[Article], model: str, executor: str, params: ExtractParams = DEFAULT
) -> Iterator[ArticleFacts]:
    """Facts of each article, in order, extracted by the cluster at `executor`."""
    address = "tcp://" + executor.removeprefix(DASK_SCHEME)  # checked by `check_executor`
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError(
            f"--executor {executor} needs Dask: pip install 'sitegen[dask]'"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.register_plugin(SpacyModel(model))
        yield from _in_order(client, articles, model, params)
    finally:
        client.close()


def _in_order(
    client: Client, articles: list[Article], model: str, params: ExtractParams
) -> Iterator[ArticleFacts]:
    """Submit batches a few per worker ahead, and hand the results back in order."""
    batches = deque(
        articles[i : i + BATCH_ARTICLES] for i in range(0, len(articles), BATCH_ARTICLES)
    )
    ahead = IN_FLIGHT * max(1, len(client.scheduler_info()["workers"]))
    pending: deque = deque()
    while batches or pending:
        while batches and len(pending) < ahead:
            pending.append(
                client.submit(extract_batch, batches.popleft(), model, params, pure=False)
            )
        yield from pending.popleft().result()
