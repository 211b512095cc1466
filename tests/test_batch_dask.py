"""Batch runs: a real 2-worker Dask LocalCluster gives the same Parquet output as one process;
failed documents are recorded; `load` merges into the store idempotently."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from communique.batch import load_batch, read_manifest, run_batch
from communique.batch.tables import TABLES
from communique.config import Settings
from communique.ingest.article import make_article
from communique.store import Store

TEXTS = [
    "Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony Blinken in Geneva "
    "on Friday. \"We will continue the dialogue,\" Lavrov said after the meeting.",
    "Police arrested twelve protesters in Paris on Tuesday after clashes near the parliament, "
    "the interior ministry said.",
    "The European Union imposed new sanctions on Belarus on Monday, accusing Minsk of "
    "orchestrating a migrant crisis on its border with Poland.",
    "Germany's chancellor said on Wednesday that Berlin would send humanitarian aid to Ukraine. "
    "\"We stand with the Ukrainian people,\" she told reporters.",
    "China criticised the United States on Thursday for sending warships through the Taiwan "
    "Strait, calling the move a provocation.",
    # a syndicated copy of the first article: same story
    "By Wire Staff. Russian Foreign Minister Sergei Lavrov met U.S. Secretary of State Antony "
    "Blinken in Geneva on Friday. \"We will continue the dialogue,\" Lavrov said after the meeting.",
]
LONG = "This text is far too long for the configured limit. " * 20  # fails: max_chars


def corpus() -> list:
    arts = [make_article(t, published="2022-01-21", url=f"https://site{i % 3}.example/{i}",
                         source=f"Site {i % 3}") for i, t in enumerate(TEXTS)]
    arts.insert(3, make_article(LONG, published="2022-01-21", url="https://site9.example/long"))
    return arts


SETTINGS = Settings(max_chars=600)


def read(out, table) -> pd.DataFrame:
    df = pd.read_parquet(out / table)
    keys = [c for c in ("article_id", "id", "seq") if c in df.columns]
    return df.sort_values(keys).reset_index(drop=True)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory):
    base = tmp_path_factory.mktemp("batch")
    single, multi = base / "single", base / "multi"
    m1 = run_batch(corpus(), single, settings=SETTINGS, workers=0, partition_size=2)
    m2 = run_batch(corpus(), multi, settings=SETTINGS, workers=2, partition_size=2)
    return single, multi, m1, m2


@pytest.mark.slow
def test_batch_two_workers_equal_single_process(outputs):
    single, multi, m1, m2 = outputs
    assert m2["cluster"] == {"mode": "local", "workers": 2}
    assert m1["totals"] == m2["totals"]
    assert len({p["worker"] for p in m2["partitions"]}) == 2  # both workers did work
    for table in TABLES:
        pd.testing.assert_frame_equal(read(single, table), read(multi, table))
    pd.testing.assert_frame_equal(
        pd.read_parquet(single / "stories.parquet").sort_values("story_id").reset_index(drop=True),
        pd.read_parquet(multi / "stories.parquet").sort_values("story_id").reset_index(drop=True))


@pytest.mark.slow
def test_batch_manifest_and_failed_document(outputs):
    single, _multi, manifest, _ = outputs
    assert read_manifest(single) == json.loads((single / "manifest.json").read_text())
    assert manifest["totals"]["articles"] == 6 and manifest["totals"]["errors"] == 1
    assert manifest["totals"]["partitions"] == 4
    assert [p["file"] for p in manifest["partitions"]] == [f"part-{i:05d}.parquet" for i in range(4)]
    errors = pd.read_parquet(single / "errors")
    assert errors.loc[0, "url"] == "https://site9.example/long" and errors.loc[0, "code"] == "E204"  # too large
    assert "max_chars" in errors.loc[0, "message"]
    arts = read(single, "articles")
    assert len(arts) == 6 and arts["n_quotes"].sum() == manifest["totals"]["quotes"]
    stories = pd.read_parquet(single / "stories.parquet").set_index("story_id")
    first = make_article(TEXTS[0], url="https://site0.example/0").id
    assert stories.loc[first, "story_articles"] == 2 and stories.loc[first, "story_sources"] == 2
    assert set(arts.loc[arts["url"].isin(["https://site0.example/0", "https://site2.example/5"]),
                        "story_id"]) == {first}
    assert len(stories) == 6  # 7 documents (one failed), two copies of one story


@pytest.mark.slow
def test_batch_load_idempotent_and_lossless(outputs, tmp_path, pipeline):
    single, multi, _, _ = outputs
    db = tmp_path / "c.db"
    with Store(db) as store:
        first = load_batch(multi, store)
        again = load_batch(single, store)
        assert first["new"] == 6 and again["new"] == 0 and again["already"] == 6
        assert store.stats()["articles"] == 6
        art = corpus()[0]
        stored = store.get(art.id)
    direct = pipeline.analyze_article(art)
    assert stored.article.story_id == art.id
    assert stored.quotes == direct.quotes and stored.events == direct.events
    assert stored.actors == direct.actors and stored.places == direct.places


def test_batch_refuses_foreign_output_folder(tmp_path):
    from communique.errors import ConfigError

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ConfigError, match="not a communique batch output"):
        run_batch([], tmp_path, settings=SETTINGS, workers=0)
