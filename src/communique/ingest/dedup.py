"""Story clustering: one ``story_id`` for all copies of a story across outlets.

Three signals, strongest first:

1. **canonical URL** (:func:`canonical_url`): scheme and host lower-cased, ``www.`` and
   default ports dropped, fragment dropped, tracking parameters (``utm_*``, ``fbclid``,
   ``gclid``, ...) removed, remaining parameters sorted. The same page fetched twice is
   one story even if its text was updated.
2. **exact content hash** (:func:`content_hash`) of the normalised text (Unicode NFKC,
   case-folded, punctuation and spacing ignored).
3. **near duplicates**: MinHash signatures of word 5-shingles indexed with LSH
   (datasketch). A candidate joins a story when its estimated Jaccard similarity with a
   member is at least ``threshold`` (default 0.3), or when one text is (estimatedly) at
   least ``containment`` (0.6) contained in the other — wire copies are often cut short.
   When an article matches several stories, they are merged (the oldest names the
   merge; :meth:`StoryClusterer.resolve` maps an earlier story id to its merged story).

The clusterer is streaming: :meth:`StoryClusterer.assign` gives each article its story as
it arrives (the first article of a story names it: ``story_id`` is that article's id), and
keeps at most ``window`` recent signatures (syndicated copies appear within days), so its
memory is bounded. With ``bounded=True`` (streaming ingest) the URL, hash and article
indexes are cut to the same ``window`` and no per-story counts are kept (the store counts
them), so memory stays flat however long the stream is.

Counting by story (:class:`StoryCounts`): a wire story copied by fifty sites is one story
with fifty articles; events and quotes of any copy carry ``story_articles`` (articles in
the cluster) and ``story_sources`` (distinct outlets in the cluster), so analyses can
count stories, not copies.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..models import Article

log = logging.getLogger(__name__)

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "hsctatracking", "mkt_tok",
    "ref", "ref_src", "ref_url", "referrer", "src", "source", "cmpid", "cmp", "ncid", "ocid",
    "icid", "smid", "sr_share", "share", "s_cid", "spm", "at_medium", "at_campaign",
    "rss", "feed", "soc_src", "soc_trk", "ito", "xtor", "wt.mc_id", "assetType",
    "outputtype", "amp", "guccounter", "guce_referrer", "guce_referrer_sig",
})
TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "oly_", "vero_", "trk_", "ga_", "__")
_WORD = re.compile(r"\w+", re.UNICODE)


# --- URLs and exact hashes ---------------------------------------------------------------------


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in TRACKING_PARAMS or low.startswith(TRACKING_PREFIXES)


def canonical_url(url: str | None) -> str | None:
    """The URL without what does not change the page: tracking parameters, fragment,
    default port, ``www.``, case of scheme and host, a trailing ``/`` and parameter order."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.scheme or not parts.netloc:
        return url.strip()
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    if scheme in ("http", "https"):
        scheme = "https"  # the same page is served on both
    path = re.sub(r"/{2,}", "/", parts.path or "/")
    if len(path) > 1:
        path = path.rstrip("/")
        if path.endswith(("/amp", "/amp.html")):  # AMP variants of the same article
            path = path.rsplit("/", 1)[0] or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query.sort()
    return urlunsplit((scheme, host, path, urlencode(query, doseq=True), ""))


def normalize_text(text: str) -> str:
    """Text reduced to its words: NFKC, case-folded, one space between words."""
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def content_hash(text: str) -> str:
    """Exact-duplicate key: a hash of the normalised text (formatting differences ignored)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:32]


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Word ``k``-shingles of the normalised text (the whole text when it is shorter)."""
    words = normalize_text(text).split()
    if len(words) <= k:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}


def source_key(article: Article) -> str:
    """Who published the article: its source name, else its URL's host, else its own id."""
    if article.source:
        return article.source.strip().casefold()
    if article.url:
        host = (urlsplit(article.url).hostname or "").lower()
        return host[4:] if host.startswith("www.") else host
    return f"article:{article.id}"


# --- clustering ----------------------------------------------------------------------------------


@dataclass
class _Story:
    articles: int = 0
    sources: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Assignment:
    story_id: str
    reason: str            # "new", "url", "hash", "near"
    similarity: float = 1.0
    match: str | None = None  # the article it was matched to


class StoryClusterer:
    """Streaming story clustering (see the module docstring)."""

    def __init__(self, threshold: float = 0.3, *, containment: float = 0.6, num_perm: int = 128,
                 shingle: int = 5, window: int = 200_000, seed: int = 1, bounded: bool = False) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.containment = containment
        self.num_perm = num_perm
        self.k = shingle
        self.window = window
        self.seed = seed
        self.bounded = bounded
        # candidates at a lower threshold than the decision, so truncated copies are found
        self._lsh = MinHashLSH(threshold=min(threshold, 0.2), num_perm=num_perm)
        self._sigs: OrderedDict[str, tuple[object, int, str]] = OrderedDict()  # id -> (minhash, n, story)
        self._by_url: OrderedDict[str, str] = OrderedDict()
        self._by_hash: OrderedDict[str, str] = OrderedDict()
        self._story_of: OrderedDict[str, str] = OrderedDict()
        self._parent: dict[str, str] = {}   # merged story -> the story it joined
        self._order: dict[str, int] = {}    # story -> creation order (insertion-ordered)
        self._created = 0
        self.stories: dict[str, _Story] = {}

    def _minhash(self, sh: set[bytes]):
        from datasketch import MinHash

        m = MinHash(num_perm=self.num_perm, seed=self.seed)
        m.update_batch(sh)
        return m

    def assign(self, article: Article) -> Assignment:
        """The story of ``article`` (registering the article as a member)."""
        if article.id in self._story_of:
            return Assignment(self.resolve(self._story_of[article.id]), "seen")
        url = canonical_url(article.url)
        digest = content_hash(article.text)
        found: Assignment | None = None
        if url and url in self._by_url:
            found = Assignment(self.resolve(self._by_url[url]), "url")
        elif digest in self._by_hash:
            found = Assignment(self.resolve(self._by_hash[digest]), "hash")
        sh = shingles(article.text, self.k)
        mh = self._minhash(sh) if sh else None
        if found is None and mh is not None:
            found = self._near(mh, len(sh))
        result = found or Assignment(article.id, "new")
        self._remember(article, result.story_id, url, digest, mh, len(sh))
        return result

    def known(self, article_id: str) -> bool:
        """Whether the article was assigned or registered (and is still in the window)."""
        return article_id in self._story_of

    def register(self, article: Article, story_id: str | None = None) -> str:
        """Register an article whose story is already known (``story_id``, else its
        ``story_id`` field, else its id) without searching: a stored article on a rerun, so
        new articles join the stories they joined before. Returns the story (resolved)."""
        if article.id in self._story_of:
            return self.resolve(self._story_of[article.id])
        story = self.resolve(story_id or article.story_id or article.id)
        sh = shingles(article.text, self.k)
        mh = self._minhash(sh) if sh else None
        self._remember(article, story, canonical_url(article.url), content_hash(article.text), mh, len(sh))
        return story

    def add(self, article: Article) -> Article:
        """``article`` with its ``story_id`` set."""
        return replace(article, story_id=self.assign(article).story_id)

    def cluster(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.add(article)

    def _near(self, mh, n: int) -> Assignment | None:
        """The best-matching story; other matching stories are merged into it."""
        matches: dict[str, tuple[float, float, str]] = {}  # root -> (score, jaccard, key)
        for key in self._lsh.query(mh):
            other, other_n, story = self._sigs[key]
            j = mh.jaccard(other)
            inter = j * (n + other_n) / (1.0 + j)
            contained = inter / max(1, min(n, other_n))
            if j >= self.threshold or contained >= self.containment:
                root = self.resolve(story)
                score = max(j, contained)
                if score > matches.get(root, (-1.0, 0.0, ""))[0]:
                    matches[root] = (score, j, key)
        if not matches:
            return None
        # the oldest story names the merge (stories no longer indexed are the oldest)
        roots = sorted(matches, key=lambda r: self._order.get(r, -1))
        keep = roots[0]
        for other in roots[1:]:
            self._merge(other, keep)
        _score, j, key = max(matches.values())
        return Assignment(keep, "near", round(j, 4), key)

    def resolve(self, story_id: str) -> str:
        """The story a (possibly merged) story id now belongs to."""
        root = story_id
        while root in self._parent:
            root = self._parent[root]
        while story_id != root:  # path compression
            nxt = self._parent[story_id]
            self._parent[story_id] = root
            story_id = nxt
        return root

    def _merge(self, story: str, into: str) -> None:
        self._parent[story] = into
        st = self.stories.pop(story, None)
        if st is not None:
            target = self.stories.setdefault(into, _Story())
            target.articles += st.articles
            target.sources |= st.sources
        log.debug("story %s merged into %s", story, into)

    def aliases(self) -> dict[str, str]:
        """``merged story id -> story id`` for stories joined after their first articles
        were assigned (resolve earlier assignments with :meth:`resolve`)."""
        return {s: self.resolve(s) for s in list(self._parent)}

    def _remember(self, article: Article, story: str, url: str | None, digest: str, mh, n: int) -> None:
        self._story_of[article.id] = story
        if story not in self._order:
            self._order[story] = self._created
            self._created += 1
        if url:
            self._by_url.setdefault(url, story)
        self._by_hash.setdefault(digest, story)
        if self.bounded:
            for index in (self._story_of, self._by_url, self._by_hash):
                while len(index) > self.window:
                    index.popitem(last=False)
            while len(self._order) > 2 * self.window:  # dicts keep insertion order
                del self._order[next(iter(self._order))]
        else:
            st = self.stories.setdefault(story, _Story())
            st.articles += 1
            st.sources.add(source_key(article))
        if mh is not None:
            self._lsh.insert(article.id, mh)
            self._sigs[article.id] = (mh, n, story)
            while len(self._sigs) > self.window:
                old, _ = self._sigs.popitem(last=False)
                self._lsh.remove(old)

    def counts(self, story_id: str) -> tuple[int, int]:
        """``(articles, distinct sources)`` of a story seen so far."""
        st = self.stories.get(self.resolve(story_id))
        return (st.articles, len(st.sources)) if st else (0, 0)

    def story_counts(self) -> StoryCounts:
        """Counts for every story id handed out (merged ids carry their merged story's)."""
        by_story = {sid: (st.articles, len(st.sources)) for sid, st in self.stories.items()}
        for alias, root in self.aliases().items():
            by_story[alias] = by_story.get(root, (0, 0))
        return StoryCounts(by_story, self.aliases())


@dataclass(frozen=True)
class StoryCounts:
    """``story_id -> (articles, distinct sources)``; what events and quotes carry."""

    by_story: dict[str, tuple[int, int]]
    aliases: dict[str, str] = field(default_factory=dict)  # merged story -> its story

    @classmethod
    def of(cls, articles: Iterable[Article]) -> StoryCounts:
        """Counts from articles that already have a ``story_id``."""
        stories: dict[str, _Story] = {}
        for a in articles:
            st = stories.setdefault(a.story_id or a.id, _Story())
            st.articles += 1
            st.sources.add(source_key(a))
        return cls({sid: (st.articles, len(st.sources)) for sid, st in stories.items()})

    def for_article(self, article: Article) -> dict[str, int | str]:
        """``{"story_id", "story_articles", "story_sources"}`` for the records of ``article``."""
        sid = article.story_id or article.id
        sid = self.aliases.get(sid, sid)
        n_articles, n_sources = self.by_story.get(sid, (1, 1))
        return {"story_id": sid, "story_articles": n_articles, "story_sources": n_sources}


def cluster_articles(articles: Iterable[Article], threshold: float = 0.3, **kw) -> list[Article]:
    """Cluster a finite collection; each returned article has its final ``story_id``
    (stories merged later in the stream resolved)."""
    clusterer = StoryClusterer(threshold, **kw)
    assigned = [clusterer.add(a) for a in articles]
    return [replace(a, story_id=clusterer.resolve(a.story_id or a.id)) for a in assigned]


__all__ = ["canonical_url", "content_hash", "normalize_text", "shingles", "source_key",
           "StoryClusterer", "StoryCounts", "Assignment", "cluster_articles", "TRACKING_PARAMS"]
