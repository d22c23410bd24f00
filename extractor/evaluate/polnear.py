"""Score quote extraction on a folder laid out like the PolNeAR dev set.

Layout: ``text/<name>.txt`` (raw article, first line the headline),
``attributions/<name>.ann`` (brat standoff: ``Source``, ``Cue`` and ``Content``
spans linked by ``Attribution`` events) and ``metadata.tsv``. Offsets in the
``.ann`` refer to the raw text, so the pipeline runs on it unchanged.

Two metrics (see the dev sets' README):

- **quoted**: gold attributions whose Content contains a quotation mark, against
  predictions of kind direct or mixed or whose span contains a mark. A prediction
  is one attribution: the quote records that share cue and speaker mention (a
  quote split by its attribution, a quote continued over paragraphs), as the gold
  annotates them as one discontinuous Content; ``quoted_records`` gives the same
  figures with every record alone. A prediction matches the gold quote of its
  article whose Content characters it covers most, when that is more than 30 %;
  each prediction matches at most one gold quote, a gold quote may be matched by
  several. Precision counts matched predictions, recall gold quotes matched.
  Speaker accuracy over matched predictions: the predicted mention overlaps the
  gold Source, or the resolved name contains the Source's last word as a whole
  word; a gold quote with no Source needs a prediction with no speaker.
- **all**: every attribution; for Source, Cue and Content separately, exact-span
  and overlap F1 between the distinct gold spans and the distinct predicted spans
  of each article (overlap matching is one-to-one, largest overlap first).
  Predictions that share cue and speaker mention (the parts of a split or
  multi-paragraph quote) form one attribution whose Content has several pieces,
  as the gold's discontinuous spans do; a direct quote's Content includes its
  quotation marks, as the gold's does.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from extractor.extract.entities import extract_entities
from extractor.extract.quotes import extract_quotes
from extractor.evaluate.product_path import OffsetMap, run_files
from extractor.models import Quote
from extractor.nlp.pipeline import DEFAULT_MODEL, load_pipeline

# Share of a gold quote's Content characters a prediction must cover to match it.
COVERAGE = 0.30
# Double marks, a single opening mark, or a single mark before a word
# (an apostrophe inside a word, "it’s", is not a quotation mark).
QUOTATION_MARK_RE = re.compile(r"[\"“”„«»‘]|''|``|(?<![\w'’])['’](?=[A-Za-z])")
# Marks a direct quote's Content may be extended over, as the gold includes them.
MARK_CHARS = "\"“”„«»‘’'`"
ROLES = ("source", "cue", "content")

Fragments = tuple[tuple[int, int], ...]


@dataclass
class GoldAttribution:
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None


@dataclass
class Article:
    name: str
    text: str
    gold: list[GoldAttribution] = field(default_factory=list)


def has_quotation_mark(text: str) -> bool:
    return bool(QUOTATION_MARK_RE.search(text))


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions of one brat ``.ann``: text-bound spans joined by ``E`` events."""
    spans: dict[str, Fragments] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) < 2 or " " not in parts[1]:
                continue
            _label, offsets = parts[1].split(" ", 1)
            frags = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                frags.append((int(start), int(end)))
            spans[parts[0]] = tuple(sorted(frags))
        elif line.startswith("E"):
            parts = line.split("\t")
            if len(parts) < 2:
                continue
            roles = {}
            for arg in parts[1].split():
                role, _, target = arg.partition(":")
                if target:
                    roles[role.rstrip("0123456789")] = target
            events.append(roles)
    out = []
    for roles in events:
        if not any(r in roles for r in ("Source", "Cue", "Content")):
            continue
        out.append(
            GoldAttribution(
                source=spans.get(roles.get("Source", "")),
                cue=spans.get(roles.get("Cue", "")),
                content=spans.get(roles.get("Content", "")),
            )
        )
    return out


def load_articles(folder: Path, limit: int | None = None) -> list[Article]:
    """Articles of the folder in sorted name order, each with its gold attributions."""
    folder = Path(folder)
    names = sorted(p.stem for p in (folder / "text").glob("*.txt"))
    if limit is not None:
        names = names[:limit]
    articles = []
    for name in names:
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        ann_path = folder / "attributions" / f"{name}.ann"
        gold = parse_ann(ann_path.read_text(encoding="utf-8")) if ann_path.exists() else []
        articles.append(Article(name, text, gold))
    return articles


# ------------------------------------------------------------------ helpers


def fragments_text(text: str, frags: Fragments) -> str:
    return " ".join(text[a:b] for a, b in frags)


def size(frags: Fragments) -> int:
    return sum(b - a for a, b in frags)


def overlap(a: Fragments, b: Fragments) -> int:
    """Characters two fragment sets share."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    precision = tp_pred / n_pred if n_pred else 0.0
    recall = tp_gold / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "predicted": n_pred, "gold": n_gold, "matched_predicted": tp_pred, "matched_gold": tp_gold}


def with_marks(text: str, start: int, end: int) -> tuple[int, int]:
    """A direct quote's span widened over the quotation marks around it."""
    if start > 0 and text[start - 1] in MARK_CHARS:
        start -= 1
        if start > 0 and text[start - 1] in "'`" and text[start] in "'`":
            start -= 1
    if end < len(text) and text[end] in MARK_CHARS:
        end += 1
        if end < len(text) and text[end] in "'`" and text[end - 1] in "'`":
            end += 1
    return start, end


def content_fragments(text: str, quote: Quote) -> Fragments:
    """The prediction's Content as fragments: paragraphs apart, marks included when direct."""
    frags = []
    pos = quote.start
    for line in text[quote.start : quote.end].split("\n"):
        stripped = line.strip().lstrip(MARK_CHARS) if pos > quote.start else line.strip()
        if stripped:
            start = pos + line.index(stripped)
            frags.append((start, start + len(stripped)))
        pos += len(line) + 1
    if quote.kind == "direct" and frags:
        first = with_marks(text, *frags[0])
        frags[0] = (first[0], frags[0][1])
        last = with_marks(text, *frags[-1])
        frags[-1] = (frags[-1][0], last[1])
    return tuple(frags)


def takes_part(text: str, quote: Quote) -> bool:
    """Predictions scored as quotes: direct or mixed, or any span with a quotation mark."""
    return quote.kind in ("direct", "mixed") or has_quotation_mark(text[quote.start : quote.end])


def last_word(text: str) -> str | None:
    words = re.findall(r"[^\W_]+(?:[-'’.][^\W_]+)*", text)
    words = [w for w in words if w.lower() not in ("s",)]
    if not words:
        return None
    return re.sub(r"['’]s$", "", words[-1])


def speaker_correct(text: str, quote: Quote, source: Fragments | None) -> bool:
    """Predicted mention overlaps the gold Source, or the resolved name holds its last word."""
    if source is None:
        return quote.speaker is None and quote.speaker_mention is None
    if quote.speaker_mention is not None:
        if overlap(((quote.speaker_mention.start, quote.speaker_mention.end),), source) > 0:
            return True
    if quote.speaker is not None:
        word = last_word(fragments_text(text, source))
        if word and re.search(rf"(?<!\w){re.escape(word)}(?!\w)", quote.speaker.name, re.IGNORECASE):
            return True
    return False


# ------------------------------------------------------------------ quoted


@dataclass
class PredictedAttribution:
    """Quotes that share cue and speaker mention: one attribution event, maybe in parts."""

    parts: list[Quote]
    source: Fragments | None
    cue: Fragments | None
    content: Fragments | None

    @property
    def quote(self) -> Quote:
        return self.parts[0]


def predicted_attributions(text: str, quotes: Iterable[Quote]) -> list[PredictedAttribution]:
    """Quotes grouped into attributions: parts with the same cue and mention are one
    (a quote split by its attribution, a quote continued in the next paragraph)."""
    groups: dict[tuple, list[Quote]] = defaultdict(list)
    for quote in quotes:
        cue = (quote.cue.start, quote.cue.end) if quote.cue else None
        mention = (quote.speaker_mention.start, quote.speaker_mention.end) if quote.speaker_mention else None
        key = (cue, mention) if cue or mention else ("alone", quote.id)
        groups[key].append(quote)
    out = []
    for key, members in groups.items():
        cue, mention = (None, None) if key[0] == "alone" else key
        content = tuple(sorted(f for q in members for f in content_fragments(text, q)))
        out.append(PredictedAttribution(
            parts=members,
            source=(mention,) if mention else None,
            cue=(cue,) if cue else None,
            content=content or None,
        ))
    return out


def score_quoted_article(
    text: str, gold: Iterable[GoldAttribution], quotes: Iterable[Quote], *, group: bool = True
) -> dict:
    """Counts of the "quoted" metric for one article. With ``group`` a prediction is an
    attribution (its parts together); without, every quote record counts alone."""
    gold_quotes = [g for g in gold if g.content and has_quotation_mark(fragments_text(text, g.content))]
    quotes = list(quotes)
    units = predicted_attributions(text, quotes) if group else [
        PredictedAttribution([q], None, None, None) for q in quotes
    ]
    preds = [u for u in units if any(takes_part(text, q) for q in u.parts)]
    found = [False] * len(gold_quotes)
    matched = correct = 0
    for unit in preds:
        spans = tuple((q.start, q.end) for q in unit.parts)
        best, best_cover = None, COVERAGE
        for gi, g in enumerate(gold_quotes):
            cover = overlap(spans, g.content) / max(size(g.content), 1)
            if cover > best_cover:
                best, best_cover = gi, cover
        if best is None:
            continue
        matched += 1
        found[best] = True
        correct += speaker_correct(text, unit.quote, gold_quotes[best].source)
    return {"gold": len(gold_quotes), "predicted": len(preds), "matched_predicted": matched,
            "matched_gold": sum(found), "speaker_correct": correct}


# --------------------------------------------------------------------- all


def match_role(gold: set[Fragments], pred: set[Fragments]) -> dict[str, int]:
    """Exact and one-to-one overlap matches between two span sets."""
    exact = len(gold & pred)
    pairs = sorted(
        ((overlap(g, p), gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        reverse=True,
    )
    used_g, used_p = set(), set()
    for amount, gi, pi in pairs:
        if amount <= 0:
            break
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    return {"gold": len(gold), "predicted": len(pred), "exact": exact, "overlap": len(used_g)}


def score_all_article(text: str, gold: Iterable[GoldAttribution], quotes: Iterable[Quote]) -> dict:
    """Counts of the "all" metric for one article, per role."""
    gold = list(gold)
    preds = predicted_attributions(text, quotes)
    out = {}
    for role in ROLES:
        gold_spans = {getattr(g, role) for g in gold if getattr(g, role)}
        pred_spans = {getattr(p, role) for p in preds if getattr(p, role)}
        out[role] = match_role(gold_spans, pred_spans)
    return out


# ------------------------------------------------------------------- runner


Extract = Callable[[Doc, str], list[Quote]]


def extract_with_pipeline(doc: Doc, article_id: str) -> list[Quote]:
    """The package's own extraction: entities first, then quotes."""
    return extract_quotes(doc, article_id, extract_entities(doc, article_id))


def _tally(articles: list[Article], predictions: dict[str, list[Quote]]) -> dict:
    """The figures of both metrics for predictions keyed by article name (offsets into its raw text)."""
    quoted: Counter = Counter()
    records: Counter = Counter()
    roles = {role: Counter() for role in ROLES}
    for article in articles:
        quotes = predictions.get(article.name, [])
        quoted.update(score_quoted_article(article.text, article.gold, quotes))
        records.update(score_quoted_article(article.text, article.gold, quotes, group=False))
        for role, counts in score_all_article(article.text, article.gold, quotes).items():
            roles[role].update(counts)
    return {
        "quoted": quoted_result(quoted),
        "quoted_records": quoted_result(records),
        "all": {
            "gold_attributions": sum(len(a.gold) for a in articles),
            "predicted_quotes": sum(len(q) for q in predictions.values()),
            **{role: all_result(counts) for role, counts in roles.items()},
        },
    }


def _span(mapping: OffsetMap, span: dict | None) -> dict | None:
    if span is None:
        return None
    start, end = mapping.span(span["start"], span["end"])
    return {**span, "start": start, "end": end}


def product_predictions(folder: Path, articles: list[Article], model: str) -> tuple[dict[str, list[Quote]], list[str]]:
    """The quotes ``extractor run`` writes for each article file, offsets carried back to the raw text."""
    run = run_files({a.name: Path(folder) / "text" / f"{a.name}.txt" for a in articles}, model=model)
    predictions, failed = {}, []
    for article in articles:
        record = run.articles.get(article.name)
        if record is None:
            failed.append(article.name)
            continue
        mapping = OffsetMap(article.text, record["text"])
        quotes = []
        for quote in run.quotes.get(article.name, []):
            start, end = mapping.span(quote["start"], quote["end"])
            quotes.append(Quote.model_validate({
                **quote, "start": start, "end": end, "text": article.text[start:end],
                "cue": _span(mapping, quote["cue"]), "speaker_mention": _span(mapping, quote["speaker_mention"])}))
        predictions[article.name] = quotes
    return predictions, failed


def direct_predictions(articles: list[Article], model: str, extract: Extract) -> tuple[dict[str, list[Quote]], list[str]]:
    """The quotes of extraction alone on each raw text (no ingestion): the figure of earlier versions."""
    nlp = load_pipeline(model)
    predictions, failed = {}, []
    for article in articles:
        doc = nlp(article.text)
        try:
            predictions[article.name] = extract(doc, article.name)
        except Exception:  # noqa: BLE001 - a baseline may refuse an article; score it as empty
            failed.append(article.name)
    return predictions, failed


def score_polnear(
    folder: Path, *, limit: int | None = None, model: str = DEFAULT_MODEL, extract: Extract | None = None,
    direct: bool = True,
) -> dict:
    """Score the quotes the product finds in every article of ``folder``.

    The figures are those of ``extractor run`` on the article files (ingestion, cleaning,
    the headline lifted into the title, NLP, extraction), with offsets carried back to the
    raw text the ``.ann`` refers to. With ``direct`` the figures of extraction alone on
    the raw texts come too, under ``direct`` (the two should agree; ``agree`` says whether
    they do). ``extract(doc, article_id)`` scores another extraction on the raw texts
    (for baselines) instead of the product. ``limit`` scores only the first articles in
    sorted name order. An article the run drops or whose extraction raises counts as one
    with no predictions and is listed in ``failed``.
    Returns ``{"articles", "failed", "seconds", "path", "quoted", "quoted_records", "all",
    "direct"?, "agree"?}``: ``quoted`` scores attributions (quotes sharing cue and speaker
    mention taken together), ``quoted_records`` every quote record alone, and ``all``
    holds ``{"source"|"cue"|"content": {"exact": prf, "overlap": prf}}``.
    """
    articles = load_articles(Path(folder), limit)
    started = time.perf_counter()
    if extract is not None:
        predictions, failed = direct_predictions(articles, model, extract)
        return {"articles": len(articles), "failed": failed, "path": "direct",
                "seconds": round(time.perf_counter() - started, 2), **_tally(articles, predictions)}
    predictions, failed = product_predictions(Path(folder), articles, model)
    result = {"articles": len(articles), "failed": failed, "path": "product",
              "seconds": round(time.perf_counter() - started, 2), **_tally(articles, predictions)}
    if direct:
        raw_predictions, raw_failed = direct_predictions(articles, model, extract_with_pipeline)
        result["direct"] = {"failed": raw_failed, **_tally(articles, raw_predictions)}
        result["agree"] = all(result[key] == result["direct"][key] for key in ("quoted", "all"))
    return result


def quoted_result(counts: dict[str, int]) -> dict:
    """Precision, recall and F1 of the "quoted" metric, with speaker accuracy."""
    result = prf(counts["matched_predicted"], counts["predicted"], counts["matched_gold"], counts["gold"])
    matched = counts["matched_predicted"]
    result["speaker_accuracy"] = round(counts["speaker_correct"] / matched, 4) if matched else 0.0
    result["speaker_correct"] = counts["speaker_correct"]
    return result


def all_result(counts: dict[str, int]) -> dict:
    """Exact and overlap precision, recall and F1 of one role of the "all" metric."""
    return {
        "exact": prf(counts["exact"], counts["predicted"], counts["exact"], counts["gold"]),
        "overlap": prf(counts["overlap"], counts["predicted"], counts["overlap"], counts["gold"]),
    }


def _quoted_line(label: str, q: dict) -> str:
    return (
        f"{label:<15} P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  "
        f"speaker accuracy {q['speaker_accuracy']:.3f}  "
        f"(gold {q['gold']}, predicted {q['predicted']}, matched {q['matched_predicted']})"
    )


def format_polnear(result: dict) -> str:
    """The scores as a short table for people (pure: the result in, text out)."""
    lines = [f"PolNeAR: {result['articles']} articles in {result.get('seconds', 0):.1f} s"]
    if result.get("failed"):
        lines[0] += f" ({len(result['failed'])} failed: scored as empty)"
    lines.append(_quoted_line("quoted", result["quoted"]))
    if "direct" in result:
        lines.append(_quoted_line("  direct", result["direct"]["quoted"]))
    if "quoted_records" in result:
        lines.append(_quoted_line("  per record", result["quoted_records"]))
    if "all" in result:
        lines.append(f"{'all':<15} exact P / R / F1        overlap P / R / F1")
        for role in ROLES:
            ex, ov = result["all"][role]["exact"], result["all"][role]["overlap"]
            lines.append(
                f"  {role:<13} {ex['precision']:.3f} {ex['recall']:.3f} {ex['f1']:.3f}    "
                f"{ov['precision']:.3f} {ov['recall']:.3f} {ov['f1']:.3f}"
            )
    return "\n".join(lines)


__all__ = [
    "COVERAGE",
    "Extract",
    "all_result",
    "extract_with_pipeline",
    "format_polnear",
    "has_quotation_mark",
    "load_articles",
    "parse_ann",
    "predicted_attributions",
    "quoted_result",
    "score_all_article",
    "score_polnear",
    "score_quoted_article",
    "speaker_correct",
]
