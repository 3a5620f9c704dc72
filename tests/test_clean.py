"""The clean stage: each furniture rule on small fixtures, and the seeds when ../shared is there."""
from __future__ import annotations

from pathlib import Path

import pytest

from detente.clean import clean_article
from detente.ingest import make_article, read_inputs
from detente.settings import Settings

P1 = ("Kyrgyz and Tajik border officials met in Batken on Monday and agreed to pull back troops from two "
      "disputed stretches of the frontier, according to a joint statement.")
P2 = ("The statement said a working group would meet again next month to continue the demarcation of the "
      "remaining sections, which have been the scene of repeated clashes.")
P3 = "Both delegations thanked the local authorities for their hospitality."
ARTICLE = f"{P1}\n\n{P2}\n\n{P3}"


def clean(text: str, **meta):
    return clean_article(make_article("t", text, published="2022-10-01", **meta))


def test_plain_article_is_left_alone_and_raw_text_is_kept():
    article = clean(ARTICLE + "\n\n\n")
    assert article.body == ARTICLE
    assert article.raw_text == ARTICLE + "\n\n\n"
    assert article.removed == ()


def test_title_line_is_dropped_when_it_repeats_the_title():
    article = clean(f"Border deal in Batken\n\n{ARTICLE}", title="Border deal in Batken")
    assert article.body == ARTICLE
    assert clean(f"Another headline\n\n{ARTICLE}", title="Border deal").body.startswith("Another headline")


def test_repeated_lines_keep_the_first():
    article = clean(f"{P1}\n\n{P2}\n\n{P1}\n\n{P3}\n{P3}")
    assert article.body == f"{P1}\n\n{P2}\n\n{P3}"
    assert sum(r.startswith("repeat") for r in article.removed) == 2


def test_short_repeated_lines_are_kept():
    article = clean(f"{P1}\nYes.\n{P2}\nYes.")
    assert article.body.count("Yes.") == 2


def test_sources_line_gives_sources_cited():
    article = clean(f"{ARTICLE}\n\nSources: Kabar with AKIpress (Bishkek), Asia-Plus and other news agencies\n"
                    "Source: Reuters; Interfax")
    assert article.sources_cited == ("Kabar", "AKIpress (Bishkek)", "Asia-Plus", "Reuters", "Interfax")
    assert article.body == ARTICLE


@pytest.mark.parametrize("caption", [
    "Picture: The two delegations in Batken (Press service)",
    "Photo: Reuters",
    "Image: the border post at Kok-Tash",
    "Caption: Officials shake hands",
    "Credit: AFP/Getty Images",
    "Photograph: Vyacheslav Oseledko/AFP",
    "Photo by a staff photographer",
])
def test_caption_lines_are_removed(caption):
    article = clean(f"{P1}\n{caption}\n{P2}")
    assert article.body == f"{P1}\n{P2}"
    assert article.removed[0].startswith("caption")


def test_inline_captions_are_removed():
    article = clean(f"{P1} (Photo: Kabar) {P2} (Map from the border agency)\n\n{P3}")
    assert article.body == f"{P1} {P2}\n\n{P3}"


@pytest.mark.parametrize("header", ["Related articles", "Related", "Editor's choice", "Editor’s choice", "Popular",
                                    "Read more", "Most read", "More on this story", "Recommended",
                                    "You may also like", "READ MORE:"])
def test_section_header_cuts_the_teasers_that_follow(header):
    teaser = ("Uzbekistan and Kazakhstan open a new rail crossing\n\n"
              "The presidents of Uzbekistan and Kazakhstan opened a railway crossing on Friday. (click the image to read "
              "the article in full).")
    article = clean(f"{ARTICLE}\n\n{header}\n\n{teaser}\n\nPopular")
    assert article.body == ARTICLE
    assert "Uzbekistan" not in article.body


def test_header_before_the_article_removes_only_its_block():
    article = clean(f"Most read\nFloods hit the Ferghana valley\nNew bridge opens\n\n{ARTICLE}")
    assert article.body == ARTICLE


def test_header_glued_to_the_first_word_is_stripped():
    article = clean(f"PopularThe border officials said talks went well. {P1}\n\n{P2}")
    assert article.body.startswith("The border officials said")
    assert clean(f"Popularity of the deal grew. {P1}").body.startswith("Popularity")
    assert clean(f"Popular support was strong. {P1}").body.startswith("Popular support")


def test_inline_teaser_line_is_removed():
    article = clean(f"{P1}\nRead more: Tajikistan and Kyrgyzstan trade accusations over water\n{P2}")
    assert article.body == f"{P1}\n{P2}"


@pytest.mark.parametrize("byline, author", [
    ("By Aida Karimova", "Aida Karimova"),
    ("BY AIDA KARIMOVA, Bishkek", "AIDA KARIMOVA"),
    ("By Aida Karimova and Rustam Nazarov", "Aida Karimova, Rustam Nazarov"),
    ("Written by Rustam Nazarov", "Rustam Nazarov"),
    ("Author: Rustam Nazarov", "Rustam Nazarov"),
])
def test_byline_at_the_start_becomes_the_author(byline, author):
    article = clean(f"{byline}\n\n{ARTICLE}")
    assert article.author == author
    assert article.body == ARTICLE


def test_sentence_starting_with_by_is_not_a_byline():
    text = f"By the end of the year, Bishkek and Dushanbe hope to sign a treaty.\n\n{ARTICLE}"
    article = clean(text)
    assert article.author is None and article.body == text


def test_name_and_job_title_at_the_end_become_the_author():
    article = clean(f"{ARTICLE}\n\n \n\nZarina Usmonova\n\nSenior Fellow, Central Asia Programme")
    assert article.author == "Zarina Usmonova"
    assert article.body == ARTICLE
    assert "Zarina" not in article.body and "Senior Fellow" not in article.body


def test_a_known_author_is_kept_and_the_byline_still_removed():
    article = clean(f"{ARTICLE}\n\nZarina Usmonova\nResearch associate", author="Z. Usmonova")
    assert article.author == "Z. Usmonova" and article.body == ARTICLE


def test_closing_quote_attribution_is_not_taken_for_a_byline():
    text = f"{ARTICLE}\n\nSadyr Japarov\nPresident of Kyrgyzstan"
    article = clean(text)
    assert article.author is None and article.body == text


def test_trailing_author_note_and_correction_after_bullets():
    text = (f"{P1} {P2} • Zarina Usmonova is a senior fellow at an institute in Almaty • This article was amended "
            "on 3 October 2022 to correct a date.")
    article = clean(text)
    assert article.body == f"{P1} {P2}"
    assert article.author == "Zarina Usmonova"


def test_bullets_inside_the_article_are_kept():
    text = f"{P1} Key points: • troops pull back • talks resume next month"
    assert clean(text).body == text


@pytest.mark.parametrize("line", ["Share this article", "Advertisement", "ADVERTISEMENT", "Share on Facebook",
                                  "© 2022 Central Asia Wire. All rights reserved.", "Copyright Central Asia Wire",
                                  "Tweet", "Subscribe to our newsletter"])
def test_furniture_lines_are_removed(line):
    assert clean(f"{P1}\n{line}\n{P2}").body == f"{P1}\n{P2}"


def test_click_prompts_are_removed():
    article = clean(f"{P1} (click the image to read the article in full).\n{P2} Click here to read our full coverage.")
    assert article.body == f"{P1}\n{P2}"


def test_removed_items_are_recorded_for_audit():
    article = clean(f"{ARTICLE}\nSources: Kabar\nPicture: the delegations")
    assert article.removed == ("sources: Sources: Kabar", "caption: Picture: the delegations")


def test_empty_text_gives_an_empty_body():
    assert clean("   \n\n").body == ""


# -- the seeds (../shared) --------------------------------------------------------------
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEEDS = SHARED / "seeds" / "seeds.jsonl"


@pytest.fixture(scope="module")
def seeds():
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is absent (the ../shared test material is not checked out)")
    return {a.id: clean_article(a) for a in read_inputs([str(SEEDS)], Settings())}


@pytest.mark.shared
def test_seed_000_keeps_no_teaser(seeds):
    body = seeds["000_6a858bc3a9a49642"].body
    for word in ("Yemen", "Saudi", "UAE", "Houthi", "Mukalla", "Related articles", "Editor's choice", "Popular",
                 "Sources:", "Picture:", "click the image"):
        assert word not in body
    assert body.startswith("Iran and Tajikistan, in a change of course")
    assert body.endswith("the EU and Japan.")
    assert seeds["000_6a858bc3a9a49642"].sources_cited[:3] == ("CommonSpace.eu", "Asia-Plus (Dushanbe)",
                                                               "Eurasianet (New York)")


@pytest.mark.shared
def test_seed_003_author_is_metadata_not_body(seeds):
    article = seeds["003_ed85e02c0dd218b3"]
    assert article.author == "Farzad Ramezani Bonesh"
    assert "Farzad" not in article.body and "Senior Researcher" not in article.body
    assert article.body.endswith("even China.")


@pytest.mark.shared
def test_seed_003_author_is_found_in_the_plain_text_too():
    path = SHARED / "seeds" / "003_ed85e02c0dd218b3.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    [article] = [clean_article(a) for a in read_inputs([str(path)], Settings())]
    assert article.author == "Farzad Ramezani Bonesh"
    assert "Farzad" not in article.body


@pytest.mark.parametrize("byline, author", [("By our correspondent", "our correspondent"),
                                            ("By Caspian Wire staff", "Caspian Wire staff")])
def test_short_unnamed_byline_is_removed(byline, author):
    article = clean(f"{byline}\n{ARTICLE}")
    assert article.author == author and article.body == ARTICLE


@pytest.mark.parametrize("line", ["By the way", "By contrast, the talks in Dushanbe were short.",
                                  "by the numbers: three crossings"])
def test_lines_starting_with_by_that_are_prose_are_kept(line):
    assert clean(f"{P1}\n{line}\n{P2}").body == f"{P1}\n{line}\n{P2}"


def test_by_line_that_is_no_byline_is_kept():
    text = f"{P1}\nBy an order of the court\n{P2}"
    assert clean(text).body == text


def test_author_note_as_the_last_line():
    article = clean(f"{ARTICLE}\n\nAida Karimova is a senior fellow at a think tank in Bishkek")
    assert article.author == "Aida Karimova" and article.body == ARTICLE


def test_last_paragraph_about_a_politician_is_kept():
    text = f"{ARTICLE}\n\nSadyr Japarov is the first Kyrgyz leader to visit the disputed villages"
    article = clean(text)
    assert article.author is None and article.body == text


def test_runs_without_spaces_are_broken_and_offsets_kept():
    from detente.clean import MAX_WORD_CHARS

    text = "Iran visited Tajikistan. " + "!" * 16_000 + " Then " + "😀" * 250 + " it ended."
    article = clean(text)
    assert len(article.body) == len(text) and article.raw_text == text
    assert max(len(w) for w in article.body.split()) <= MAX_WORD_CHARS
    assert article.body.startswith("Iran visited Tajikistan. " + "!" * MAX_WORD_CHARS + " !")
    assert article.body.endswith(" it ended.") and " Then " in article.body
    assert sum("long run without spaces" in r for r in article.removed) == 2
    prose = "A URL https://example.org/a/b and words of ordinary length stay as they are."
    assert clean(prose).body == prose
