"""Story clustering: canonical URLs, exact hashes, MinHash LSH near duplicates, story counts."""

from __future__ import annotations

import pytest

from communique.ingest.article import make_article
from communique.ingest.dedup import (
    StoryClusterer,
    StoryCounts,
    canonical_url,
    cluster_articles,
    content_hash,
)

WIRE = ("GENEVA - Russian and American diplomats met in Geneva on Friday for talks on the "
        "crisis over Ukraine, with both sides saying afterwards that they would continue the "
        "dialogue. Foreign Minister Sergei Lavrov said he hoped emotions would calm down, and "
        "Secretary of State Antony Blinken said Washington would respond in writing next week "
        "to the security proposals put forward by Moscow in December. The meeting lasted about "
        "ninety minutes. Western officials fear that the build-up of troops near the border "
        "could be a prelude to an invasion, which the Kremlin denies. NATO allies have sent "
        "ships and fighter jets to eastern Europe to reinforce their defences, and the alliance "
        "said it would not close its door to new members.")
OTHER = ("Farmers blocked roads around the capital on Monday with hundreds of tractors to "
         "protest against a planned increase in diesel taxes, the third such protest this month. "
         "The agriculture minister said the government was ready to discuss compensation but "
         "would not withdraw the reform, which is part of its climate plan. Police reported no "
         "injuries and said traffic returned to normal in the evening after talks with the "
         "farmers' unions, who threatened to return next week if no agreement is reached.")


@pytest.mark.parametrize("url, expected", [
    ("https://www.News.example.com/world/story-1?utm_source=rss&utm_medium=feed#top",
     "https://news.example.com/world/story-1"),
    ("http://news.example.com:80/world/story-1/?fbclid=abc", "https://news.example.com/world/story-1"),
    ("https://news.example.com/a?b=2&a=1&gclid=x", "https://news.example.com/a?a=1&b=2"),
    ("https://news.example.com/world/story-1/amp", "https://news.example.com/world/story-1"),
    ("https://news.example.com:8443/x?id=7&mc_cid=1", "https://news.example.com:8443/x?id=7"),
    ("https://news.example.com", "https://news.example.com/"),
    (None, None),
])
def test_dedup_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_dedup_content_hash_ignores_formatting():
    assert content_hash("Talks  went on.\n\nThe END") == content_hash("talks went on the end")
    assert content_hash("Talks went on.") != content_hash("Talks went off.")


def syndicate(text: str, *, head: str = "", tail: str = "", swaps=(), cut: float = 1.0) -> str:
    for old, new in swaps:
        text = text.replace(old, new)
    words = text.split()
    text = " ".join(words[: int(len(words) * cut)])
    return f"{head}{text}{tail}"


COPIES = [
    syndicate(WIRE, head="By The Associated Press. ", tail=" Copyright 2022 The Associated Press."),
    syndicate(WIRE, swaps=[("on Friday", "Friday"), ("about ninety", "around 90"), ("Moscow", "Russia")]),
    syndicate(WIRE, cut=0.7, tail=" Read more: Europe braces for energy crunch."),
    syndicate(WIRE, head="Updated 3:45 PM. ", swaps=[("diplomats", "envoys"), ("fear", "worry")]),
]


def test_dedup_syndicated_copies_share_story_and_others_do_not():
    originals = [make_article(WIRE, url="https://wire.example/geneva", source="Wire")]
    copies = [make_article(t, url=f"https://site{i}.example/news/{i}", source=f"Site {i}")
              for i, t in enumerate(COPIES)]
    other = make_article(OTHER, url="https://site0.example/farmers", source="Site 0")
    clustered = cluster_articles(originals + copies + [other])
    wire_story = clustered[0].story_id
    assert wire_story == clustered[0].id
    assert [a.story_id for a in clustered[1:5]] == [wire_story] * 4
    assert clustered[5].story_id == other.id != wire_story


def test_dedup_reasons_url_hash_near():
    c = StoryClusterer()
    first = make_article(WIRE, url="https://www.wire.example/geneva?utm_source=x")
    assert c.assign(first).reason == "new"
    updated = make_article(WIRE + " This story has been updated.", url="https://wire.example/geneva")
    assert c.assign(updated).reason == "url"
    same_text = make_article("  " + WIRE.upper() + "\n", url="https://mirror.example/1")
    assert c.assign(same_text).reason == "hash"
    near = make_article(COPIES[1], url="https://other.example/2")
    got = c.assign(near)
    assert got.reason == "near" and got.story_id == first.id and got.similarity >= 0.5
    assert c.assign(first).reason == "seen"


def test_dedup_story_counts_distinct_sources_and_articles():
    arts = [make_article(WIRE, url="https://a.example/1", source="Outlet A"),
            make_article(COPIES[0], url="https://b.example/1", source="Outlet B"),
            make_article(COPIES[1], url="https://www.b.example/2", source="Outlet B"),
            make_article(COPIES[3], url="https://c.example/1"),          # source from the host
            make_article(OTHER, url="https://a.example/2", source="Outlet A")]
    c = StoryClusterer()
    clustered = [c.add(a) for a in arts]
    assert c.counts(clustered[0].story_id) == (4, 3)
    assert c.counts(clustered[4].story_id) == (1, 1)
    counts = StoryCounts.of(clustered)
    assert counts.by_story == c.story_counts().by_story
    assert counts.for_article(clustered[2]) == {"story_id": clustered[0].id, "story_articles": 4,
                                                "story_sources": 3}


def test_dedup_window_bounds_memory():
    c = StoryClusterer(window=2)
    for i in range(5):
        c.add(make_article(f"{OTHER} Item number {i} of the series {'x' * i}.", url=f"https://e.example/{i}"))
    assert len(c._sigs) == 2


def test_dedup_short_texts():
    c = StoryClusterer()
    a = c.add(make_article("Brief note."))
    b = c.add(make_article("Brief note!"))
    assert a.story_id == b.story_id  # exact hash after normalisation


def test_dedup_bridging_article_merges_stories():
    """Two partial copies that do not match each other are joined by the full text later."""
    words = WIRE.split()
    half = len(words) // 2
    first = make_article(" ".join(words[:half]) + " " + OTHER[:60], url="https://a.example/1")
    second = make_article(OTHER[60:120] + " " + " ".join(words[half:]), url="https://b.example/1")
    full = make_article(WIRE, url="https://c.example/1")
    c = StoryClusterer()
    s1, s2 = c.assign(first).story_id, c.assign(second).story_id
    assert s1 != s2
    s3 = c.assign(full).story_id
    assert s3 == s1 and c.resolve(s2) == s1 and c.aliases() == {s2: s1}
    assert c.counts(s2) == (3, 3)
    assert [a.story_id for a in cluster_articles([first, second, full])] == [s1] * 3
