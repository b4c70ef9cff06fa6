"""Reading documents: formats, encodings, metadata and the errors a user sees."""

import codecs
import warnings

import pytest

import claimcheck
from claimcheck import InputError

HTML = """<!doctype html><html><head><title>Border clash | The Daily Ledger</title>
<meta property="og:site_name" content="The Daily Ledger">
<meta property="article:published_time" content="2018-02-07T22:58:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Border clash</h1><p>Officials said some eight kilometres separated the front lines.</p>
<p>About 500 fighters took part, and <script>alert(1)</script>more than 100 of them were killed.</p></article>
<footer>© 2018 The Daily Ledger. We use cookies.</footer></body></html>"""


def test_html_main_text_and_metadata(tmp_path):
    page = tmp_path / "clash.html"
    page.write_text(HTML, encoding="utf-8")
    document = claimcheck.read_document(page)
    assert (document.title, document.date, document.outlet, document.format) == ("Border clash", "2018-02-07", "The Daily Ledger", "html")
    assert "Home" not in document.text and "cookies" not in document.text and "alert" not in document.text
    claims = claimcheck.extract_document(document)
    assert [(c.value, c.unit) for c in claims] == [(8, "kilometer"), (500, "count"), (100, "count")]
    assert all(document.text[c.start:c.end] == c.text for c in claims)


@pytest.mark.parametrize("head, date", [
    ("7 Feb, 2018 22:58\n\nCoalition strikes", "2018-02-07"),
    ("Friday, September 20, 2024\n\nCoalition strikes", "2024-09-20"),
    ("17:23 GMT19 October 2020\nListen Live\n", "2020-10-19"),
    ("# A title here today\n\nPublished: 2018-02-09\n", "2018-02-09"),
    # a dateline that opens a long first paragraph
    ("Garden scene sets record\nLONDON, May 16, 2018 (Reuters) - A garden scene sold for a record sum at an auction "
     "on Wednesday.", "2018-05-16"),
    ("Poplars fetch record\nNov. 16, 2018 -- The poplars sold for a record sum at an auction in New York on Tuesday.",
     "2018-11-16"),
])
def test_dateline_near_the_top_is_the_document_date(head, date):
    assert claimcheck.read_text(head + "\nTroops moved 5 miles.\n", format="markdown" if head.startswith("#") else "text").date == date


@pytest.mark.parametrize("head, day", [
    ("Landslide buries village\nKATHMANDU, Aug 13 (Reuters) - A landslide struck.", "--08-13"),
    ("Blast kills miners\nQUETTA, Pakistan, March 21: Rescuers dug.", "--03-21"),
    ("Vote valid\nMINSK, 24 September - The election was valid.", "--09-24"),
    ("Why villages slide\nFriday, August 21\nThe search ended.", "--08-21"),
    ("Floods in the west\nDhangadhi, Oct 22\nThe river rose.", "--10-22"),
    ("Mall shooting: what we know\nThe National Chronicle | Monday, March 18\nThe gunman bought a rifle.", "--03-18"),
    ("Refinery shut\nRefining Weekly | March 13\nThe unit burned.", "--03-13"),
    ("Temple stampede\nKesarpur (Bihar), Aug 22 (PTI) Twenty-four were killed.", "--08-22"),
    ("Chipmaker deal\nOct 7 (Reuters) - The chipmaker agreed to a deal.", "--10-07"),
    ("Camp bombed\nKHARTOUM/NEW YORK, April 24 (GPW) - The U.N. condemned the raid.", "--04-24"),  # two cities
    ("Chipmaker deal\nBy Ellen Marsh\nContinental Newswire\nSUNNYVALE, California, July 13 (Continental Newswire) - "
     "The chipmaker agreed to a deal.", "--07-13"),  # after a byline and an outlet
    ("No dateline\nParis, March 21 is the day the talks open.", None),
    ("No dateline\nOn Tuesday, March 3 the police spoke.", None),  # a day the story tells, not its dateline
    ("Vote valid\nMINSK, Sept. 29, 2008 - The election was valid.", None),  # a full date: the page's date
    ("No such day\nFebruary 30\nText.", None),
])
def test_a_dateline_without_a_year_gives_the_day_a_page_was_written(head, day):
    document = claimcheck.read_text(head + "\n")
    assert document.dateline_day == day
    assert document.without_text().dateline_day == day  # what a worker's light copy knows


@pytest.mark.parametrize("head", [
    "Market bombed\nSudan has been at war since April 15, 2023.\n",
    "Singer dies\nPage was born on April 22,1923, in Nashville.\n",
])
def test_a_date_a_short_sentence_tells_of_is_not_the_pages(head):
    assert claimcheck.read_text(head).date is None


def test_a_line_of_links_to_other_pages_gives_no_page_date():
    page = "Quake kills 30\nRelated: Iran quake (12 August 2012)\nMonday, 13 August 2012\nThe quake struck.\n"
    assert claimcheck.read_text(page).date == "2012-08-13"


def test_a_furniture_line_gives_its_date_wherever_its_words_stand():
    assert claimcheck.read_text("Storm hits coast\nThis story was last updated on 12 August 2012\n").date == "2012-08-12"


def test_a_date_inside_a_long_first_paragraph_is_no_dateline():
    document = claimcheck.read_text("Council votes\nThe council, which first met on May 3, 2018 in the town hall, "
                                     "voted on a long list of items.\n")
    assert document.date is None


def test_what_a_pages_top_tells_of_its_days_travels_with_its_light_copy():
    document = claimcheck.read_text("Quake town counts its losses\nFamilies slept in cars on Saturday, a day after the "
                                    "quake.\nThe governor said 31 people had died.\n")
    assert document.lead_days == (frozenset({"saturday"}), True)
    assert document.without_text().lead_days == (frozenset({"saturday"}), True)
    assert claimcheck.read_text("Quake strikes\nA quake struck.\n").without_text().lead_days == (frozenset(), False)


def test_text_title_and_outlet():
    document = claimcheck.read_text("- Daily Planet\nGet the news.\n\nCoalition Reports New Strikes in the North\n\nBody text here.")
    assert (document.title, document.outlet) == ("Coalition Reports New Strikes in the North", "Daily Planet")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_utf8_with_or_without_bom_and_utf16_with_bom(tmp_path, encoding):
    page = tmp_path / "a.txt"
    page.write_bytes("About 2,000 troops remain.".encode(encoding))
    assert [c.value for c in claimcheck.extract_document(claimcheck.read_document(page))] == [2000]


def test_invalid_utf8_is_refused_with_location_and_hint(tmp_path):
    page = tmp_path / "latin.txt"
    page.write_bytes("Line one\nThe café served 40 meals.".encode("cp1252"))
    with pytest.raises(InputError) as raised:
        claimcheck.read_document(page)
    message = str(raised.value)
    assert message.startswith(f"{page}:2:8: not valid UTF-8 (byte 0xe9)")
    assert "--encoding" in message
    document = claimcheck.read_document(page, encoding="cp1252")
    assert "café" in document.text


def test_binary_and_missing_files(tmp_path):
    binary = tmp_path / "blob.txt"
    binary.write_bytes(b"\x7fELF\x00\x01\x02")
    with pytest.raises(InputError, match="binary file"):
        claimcheck.read_document(binary)
    with pytest.raises(InputError, match="no such file"):
        claimcheck.read_documents([tmp_path / "missing.txt"])


def test_one_bad_file_among_many_is_a_warning(tmp_path):
    (tmp_path / "good.txt").write_text("Pilots flew 12 sorties.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    (tmp_path / "notes.bin").write_bytes(b"\x00")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        documents = claimcheck.read_documents([tmp_path])
    assert [d.id for d in documents] == [str(tmp_path / "good.txt")]
    assert any("bad.txt" in str(w.message) for w in caught)


def test_directory_with_nothing_readable(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    with pytest.raises(InputError, match="no readable documents"):
        claimcheck.read_documents([tmp_path])


def test_extract_dataframe_has_every_claim_field():
    frame = claimcheck.extract("examples/corpus/strike-tally.txt")
    assert list(frame.columns)[:6] == ["doc", "start", "end", "text", "sentence", "value"]
    assert frame["value"].tolist() == [55.0, 27.0, 28.0]
    assert frame["measure"].tolist() == ["air strikes", "air strikes", "strikes"]


def test_units_share_one_registry():
    registry = claimcheck.get_registry()
    assert registry.Quantity(5, "mile").to("kilometer").magnitude == pytest.approx(8.04672)
    assert not registry.Unit("count").is_compatible_with(registry.Unit("percent"))
    assert not registry.Unit("USD").is_compatible_with(registry.Unit("EUR"))


def test_a_date_with_a_time_zone_dateutil_does_not_know_parses_without_a_warning():
    import warnings

    from claimcheck.documents.metadata import text_metadata

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert text_metadata("Storm hits coast\nPosted: 08 / 02 / 2013 11:10 am EDT\n\nText.")[1] == "2013-02-08"


@pytest.mark.parametrize(("head", "day"), [
    # a long line of furniture
    ("Published 11 August 2024, 14:05 GMT | Updated 11 August 2024, 16:30 GMT", "2024-08-11"),
    ("Posted by Samira Haddad | 23 September 2015 at 18:40 | 14 comments", "2015-09-23"),
    ("Rhein-Post International | 23.09.2015 | 16:20", "2015-09-23"),  # in figures, day first
    ("29/09/2015", "2015-09-29"),
    ("09/29/2015", "2015-09-29"),  # month first, where the second figure can only be a day
    ("09/10/2015", None),  # the 9th of October or September the 10th: neither
    ("August 11 - 2024", "2024-08-11"),
])
def test_a_pages_date_in_the_furniture_of_its_head(head, day):
    from claimcheck.documents.metadata import text_metadata

    page = f"\nShelling hits a school in Darfur\nThe Outlet\n{head}\nPORT SUDAN - Shells struck.\n"
    assert text_metadata(page)[1] == day
