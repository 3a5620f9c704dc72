"""The clean stage: split the article body from page furniture.

Public API: ``clean_article(article) -> Article`` — sets ``body`` (the article text the NLP
stages read), ``sources_cited`` (named in "Sources:" lines), ``author`` (from a byline, when
the record has none) and ``removed`` (what was taken out, for audit). ``raw_text`` is kept
unchanged, so cleaning can be re-run.

The rules are written for scraped news pages in general: repeated lines, "Sources:" lines,
picture captions, related-article sections and the teasers after them, bylines and author
notes, share/advertisement/copyright lines, "click the image" prompts. Last, a run of more than
``MAX_WORD_CHARS`` characters without a space is broken (see ``_break_long_runs``): it is no
prose, and it would make the tokenizer quadratic.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from .model import Article

_HEADER_WORDS = (
    r"related articles?|related stories|related content|related news|related coverage|related"
    r"|editor['’]?s['’]? choice|editors['’]? picks?|popular now|popular stories|popular articles|popular"
    r"|most read|most popular|most viewed|most shared|read more|read next|more on this story"
    r"|more on this topic|recommended for you|recommended stories|recommended articles|recommended"
    r"|you may also like|you might also like|you may also be interested in|also read|see also"
    r"|trending now|trending|further reading|more stories|more news"
)
_SECTION_HEADER = re.compile(rf"^(?:{_HEADER_WORDS})\s*[:.]?$", re.IGNORECASE)
_GLUED_HEADER = re.compile(
    r"^(Related articles|Related|Editor's choice|Editor’s choice|Popular|Most read|Read more"
    r"|More on this story|Recommended|You may also like|Advertisement)(?=[A-Z][a-z])")
_TEASER_LINE = re.compile(r"^(?:read more|read also|also read|related|see also|recommended|watch)\s*:\s*\S",
                          re.IGNORECASE)
_SOURCES_LINE = re.compile(r"^(?:sources?|source\(s\))\s*:\s*(?P<names>.+)$", re.IGNORECASE)
_CAPTION_LINE = re.compile(
    r"^(?:pictures?|photos?|photograph|images?|caption|credits?|photo credit|image credit|image source"
    r"|main image|top image|cover image|cover photo|pictured|illustration|file photo|video)\s*[:|]"
    r"|^(?:photo|photograph|picture|image|illustration)s?\s+by\s+\S", re.IGNORECASE)
_CAPTION_INLINE = re.compile(
    r"\s*\(\s*(?:photo|picture|image|photograph|map|credit|caption|illustration|file photo)\b[^()]{0,200}\)",
    re.IGNORECASE)
_CLICK_INLINE = re.compile(r"\s*\(\s*click\b[^()]{0,200}\)\.?", re.IGNORECASE)
_CLICK_SENTENCE = re.compile(
    r"(?:(?<=[.!?\"”])\s+|^)click (?:here|the (?:image|picture|photo|link|headline)|on (?:the )?(?:image|link|"
    r"picture|photo))\b[^.!?\n]*[.!?]?", re.IGNORECASE)
_FURNITURE_LINE = re.compile(
    r"^(?:share(?: this(?: article| story| page| post)?)?(?: (?:on|via) \w+)?|tweet(?: this)?"
    r"|print(?: this(?: article| page)?)?|email(?: this(?: article)?)?|advertisement|advertising"
    r"|sponsored(?: content)?|skip advertisement|ad|comments?|\d+ comments?|leave a comment|copy link"
    r"|subscribe(?: now)?|subscribe to our newsletter|sign up (?:for|to) .{0,60}newsletter.{0,40}"
    r"|follow us on .{0,60}|scroll to continue.{0,40}|continue reading.{0,40}|listen to this article.{0,40}"
    r"|facebook|twitter|whatsapp|linkedin|telegram|x)[.!:]?$", re.IGNORECASE)
_COPYRIGHT_LINE = re.compile(r"^(?:©|\(c\)\s|copyright\b)|all rights reserved", re.IGNORECASE)
_NOTE_LINE = re.compile(r"^[•*]?\s*this (?:article|story) (?:was|has been) (?:amended|updated|corrected)\b",
                        re.IGNORECASE)
_NAME = (r"[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|[dD][’'][A-Z][\w'’.-]+|de|van|von|al|bin|el|da|di|der|la|le|du))"
         r"{1,4}")
_BYLINE_LEAD = r"^(?i:by|written by|words by|reporting by|author:|authors:|byline:)\s+"
_BYLINE = re.compile(  # names are case-sensitive: "By the end of the year" is not a byline
    rf"{_BYLINE_LEAD}(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)(?:\s*(?:[,|–—-]|\bin\b)\s*[^.!?]*)?$")
_LOOSE_BYLINE = re.compile(  # "By our correspondent", "By a staff reporter", "By Caspian Wire staff"
    rf"{_BYLINE_LEAD}(?P<names>(?:[\w'’&.-]+\s+){{0,4}}(?i:correspondents?|reporters?|staff|writers?|editors?"
    r"|desk|team|bureau|contributors?|agencies|wires?))$")
_BARE_NAME = re.compile(rf"^(?:[—–-]+\s*)?(?P<name>{_NAME})$")
_BIO = re.compile(rf"^[•*]?\s*(?P<name>{_NAME}) is (?:an?|the|co-?\w+|senior|associate|assistant|professor"
                  r"|lecturer|director|editor|author|research|visiting|former)\b")
_TOLD_TO = re.compile(rf"^[•*]?\s*(?i:as told to) (?P<name>{_NAME})\.?$")
_JOB_WORDS = re.compile(
    r"\b(?:researcher|analyst|professor|fellow|director|editor|correspondent|journalist|writer|lecturer"
    r"|expert|scholar|author|reporter|columnist|contributor|founder|student|specialist|adviser|advisor"
    r"|consultant|scientist|economist|historian|candidate|commentator|associate|research)\b",
    re.IGNORECASE)
_NOTE_SHAPES = re.compile(
    r"this (?:article|story) (?:was|has been) (?:amended|updated|corrected)|@\w|https?://|www\.|\.com\b"
    r"|^additional reporting\b|^as told to\b|\bis published by\b|^do you have\b|^join the debate\b"
    r"|contributed (?:reporting )?to this (?:report|article)", re.IGNORECASE)
_GENERIC_SOURCES = re.compile(r"^(?:other\b|agencies$|news agencies$|media$|wires?$|wire services$)",
                              re.IGNORECASE)
_MIN_PROSE_BEFORE_SECTION = 200  # a section header after this much text ends the article
_SHOWN = 200  # characters of each removed item kept in ``removed``
# spaCy's tokenizer peels prefixes and suffixes off a space-free run one at a time, copying the
# rest each time: a run of 16,000 "!" takes a minute. No word of prose is this long.
MAX_WORD_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


@dataclass
class _Found:
    removed: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    def drop(self, label: str, text: str) -> None:
        self.removed.append(f"{label}: {' '.join(text.split())[:_SHOWN]}")


def clean_article(article: Article) -> Article:
    """The article with ``body``, ``sources_cited``, ``author`` and ``removed`` set."""
    found = _Found()
    text = article.raw_text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n")]
    lines = _unglue_headers(lines, found)
    lines = _drop_title(lines, article.title, found)
    lines = _cut_sections(lines, found)
    lines = [kept for kept in (_clean_line(line, found) for line in lines) if kept is not None]
    lines = _drop_repeats(lines, found)
    lines = _split_trailing_notes(lines, found)
    lines = _end_byline(lines, found)
    sources = tuple(dict.fromkeys(found.sources))
    author = article.author or (", ".join(dict.fromkeys(found.authors)) or None)
    body = _break_long_runs(_join(lines), found)
    return dataclasses.replace(article, body=body, sources_cited=sources or article.sources_cited,
                               author=author, removed=tuple(found.removed))


def _break_long_runs(text: str, found: _Found) -> str:
    """Every run of more than MAX_WORD_CHARS characters without a space (symbols, emoji, a pasted
    blob) gets a space in place of its every (MAX_WORD_CHARS + 1)-th character. The length of the
    text does not change, so every character offset into the body stays where it was."""
    def breaks(match: re.Match[str]) -> str:
        run = list(match.group())
        for k in range(MAX_WORD_CHARS, len(run), MAX_WORD_CHARS + 1):
            run[k] = " "
        found.drop("long run without spaces, broken every %d characters" % MAX_WORD_CHARS, match.group())
        return "".join(run)

    return _LONG_RUN.sub(breaks, text)


def _unglue_headers(lines: list[str], found: _Found) -> list[str]:
    """"PopularThe minister said…": strip a header word glued to a capitalised word."""
    out = []
    for line in lines:
        match = _GLUED_HEADER.match(line)
        if match:
            found.drop("glued header", match.group(1))
            line = line[match.end():]
        out.append(line)
    return out


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold().strip(" .:;!?\"'“”‘’")


def _drop_title(lines: list[str], title: str | None, found: _Found) -> list[str]:
    """The first line repeats the record's title: the title is metadata, not body."""
    if not title:
        return lines
    for i, line in enumerate(lines):
        if line:
            if _norm(line) == _norm(title):
                found.drop("title", line)
                return lines[:i] + lines[i + 1:]
            return lines
    return lines


def _cut_sections(lines: list[str], found: _Found) -> list[str]:
    """"Related articles" and the like: after the article text, cut the header and everything
    after it (teasers of other articles); before it, only the header and its block of short lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if not _SECTION_HEADER.match(line):
            out.append(line)
            i += 1
            continue
        if sum(len(x) for x in out) >= _MIN_PROSE_BEFORE_SECTION:
            rest = [x for x in lines[i:] if x]
            found.drop(f"section ({len(rest)} lines)", " | ".join(rest))
            return out
        end = i + 1
        while end < len(lines) and (not lines[end] or _is_teaser_title(lines[end])):
            end += 1
        found.drop(f"section ({end - i} lines)", " | ".join(x for x in lines[i:end] if x))
        i = end
    return out


def _is_teaser_title(line: str) -> bool:
    return len(line) < 120 and not line.endswith((".", "!", "?", "”", '"', ":"))


def _clean_line(line: str, found: _Found) -> str | None:
    """One line: None when it is furniture, else the line with inline captions and prompts taken out."""
    if not line:
        return line
    sources = _SOURCES_LINE.match(line)
    if sources:
        found.sources.extend(_split_sources(sources.group("names")))
        found.drop("sources", line)
        return None
    byline = _BYLINE.match(line) if len(line) <= 120 else None
    if byline:
        found.authors.extend(_split_names(byline.group("names")))
        found.drop("byline", line)
        return None
    loose = _LOOSE_BYLINE.match(line) if len(line.split()) <= 7 else None
    if loose:
        found.authors.append(loose.group("names").strip())
        found.drop("byline", line)
        return None
    short = len(line) <= 250
    for label, pattern in (("caption", _CAPTION_LINE), ("teaser", _TEASER_LINE), ("furniture", _FURNITURE_LINE),
                           ("copyright", _COPYRIGHT_LINE), ("note", _NOTE_LINE)):
        if short and pattern.search(line):
            found.drop(label, line)
            return None
    for label, pattern in (("caption", _CAPTION_INLINE), ("prompt", _CLICK_INLINE), ("prompt", _CLICK_SENTENCE)):
        for match in pattern.finditer(line):
            found.drop(label, match.group(0))
        line = pattern.sub("", line).strip()
    return line or None


def _split_sources(names: str) -> list[str]:
    """"A with B (City), C and other agencies" -> ["A", "B (City)", "C"] (separators outside brackets)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for token in re.split(r"(\(|\)|,|;|&|\band\b|\bwith\b)", names):
        if token == "(":
            depth += 1
        elif token == ")":
            depth = max(0, depth - 1)
        if depth == 0 and token.strip().lower() in {",", ";", "&", "and", "with"}:
            parts.append("".join(current))
            current = []
        else:
            current.append(token)
    parts.append("".join(current))
    cleaned = [" ".join(p.split()).strip(" .") for p in parts]
    return [p for p in cleaned if p and p[0].isupper() and not _GENERIC_SOURCES.match(p)]


def _split_names(names: str) -> list[str]:
    return [n.strip() for n in re.split(r"\s*(?:,|&|\band\b)\s*", names) if n.strip()]


def _drop_repeats(lines: list[str], found: _Found) -> list[str]:
    """Exact repeats of an earlier line (three words or 20 characters at least): keep the first."""
    seen: set[str] = set()
    out = []
    for line in lines:
        key = " ".join(line.split()).casefold()
        if key and (len(key) >= 20 or len(key.split()) >= 3):
            if key in seen:
                found.drop("repeat", line)
                continue
            seen.add(key)
        out.append(line)
    return out


def _split_trailing_notes(lines: list[str], found: _Found) -> list[str]:
    """"… last sentence. • Jane Roe is a fellow at … • This article was amended on …": notes
    after bullets at the end of the last paragraph (author notes become the author)."""
    last = _last_index(lines)
    if last is None or "•" not in lines[last]:
        return lines
    segments = lines[last].split("•")
    keep = len(segments)
    while keep > 1 and _is_note(segments[keep - 1].strip()):
        keep -= 1
    if keep == len(segments) or not segments[0].strip():
        return lines
    for note in segments[keep:]:
        note = note.strip()
        match = _BIO.match(note) or _TOLD_TO.match(note)
        if match:
            found.authors.append(match.group("name").rstrip("."))
        found.drop("note", note)
    return lines[:last] + ["•".join(segments[:keep]).strip()] + lines[last + 1:]


def _is_note(segment: str) -> bool:
    """An editorial note after a bullet: author note, correction, contact or credit line."""
    return len(segment) <= 400 and bool(_BIO.match(segment) or _NOTE_SHAPES.search(segment))


def _end_byline(lines: list[str], found: _Found) -> list[str]:
    """A name, and maybe a job-title line, at the very end: the author, not body text."""
    last = _last_index(lines)
    if last is None:
        return lines
    bio = _BIO.match(lines[last])
    if bio and len(lines[last]) <= 300 and _JOB_WORDS.search(lines[last]):
        found.authors.append(bio.group("name"))
        found.drop("author note", lines[last])
        return lines[:last]
    before = _last_index(lines[:last])
    if before is not None and _is_job_title(lines[last]):
        name = _BARE_NAME.match(lines[before]) if len(lines[before]) <= 60 else None
        if name:
            found.authors.append(name.group("name"))
            found.drop("byline", f"{lines[before]} / {lines[last]}")
            return lines[:before]
    name = _BARE_NAME.match(lines[last]) if lines[last][:1] in "—–-" else None
    if name:
        found.authors.append(name.group("name"))
        found.drop("byline", lines[last])
        return lines[:last]
    return lines


def _is_job_title(line: str) -> bool:
    return len(line) <= 150 and not line.endswith((".", "!", "?")) and bool(_JOB_WORDS.search(line))


def _last_index(lines: list[str]) -> int | None:
    for i in range(len(lines) - 1, -1, -1):
        if lines[i]:
            return i
    return None


def _join(lines: list[str]) -> str:
    """Lines back into text: one blank line between paragraphs at most."""
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
