"""How much of a chunk is quoted around a chosen sentence (compose.window)."""

from types import SimpleNamespace

from assistant.chat import compose


def units_for(text):
    hit = SimpleNamespace(chunk=SimpleNamespace(text=text, paragraphs=(), section_path=""),
                          document=SimpleNamespace(authority="Worcestershire"))
    out, start = [], 0
    for sentence in text.split(" | "):
        out.append(compose.Unit(0, hit, start, start + len(sentence), False))
        start += len(sentence) + 3
    return out


def test_a_chosen_sentence_brings_the_next_ones_up_to_the_quote_length():
    first = "With regards to leavers for Year 12 and Year 13 the Post 16 team can be advised " + "through the portal " * 10
    second = "If a student leaves please can up to date contact details be supplied and any information on the destination."
    third = "Queries go to the Post 16 team " + "on the usual number " * 12
    units = units_for(" | ".join([first, second, third]))
    text = units[0].hit.chunk.text
    start, end = compose.window(units[0], units)
    quoted = text[start:end]
    assert len(first.split()) + len(second.split()) <= compose.QUOTE_WORDS
    assert "destination" in quoted  # the next sentence, within the length
    assert "Queries go to" not in quoted  # the one after would pass it


def test_a_shorter_length_stops_after_the_chosen_sentence():
    first = "With regards to leavers the Post 16 team can be advised " + "through the portal " * 14
    second = "If a student leaves please can up to date contact details be supplied and any information on the destination."
    units = units_for(" | ".join([first, second]))
    start, end = compose.window(units[0], units, words=60)
    assert "destination" not in units[0].hit.chunk.text[start:end]
