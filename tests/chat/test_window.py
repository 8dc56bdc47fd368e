"""How much of a chunk is quoted around a chosen sentence (compose.window)."""

from types import SimpleNamespace

from assistant.chat import compose
from assistant.chat.procedure import GAP_CHARS, _close_gaps, _signs_on_as


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


# --- one quote for nearby windows (procedure._close_gaps) ----------------------------------------


STEPS = ("Intro to the steps:\n\nIf the child is on roll, inform the school.\nIf the child needs a place, help with the application.\n"
         "If the child is not enrolled, a notice is sent.\nIf the child stays out of education, a School Attendance Order follows."
         "\n\nSee Appendix 2.")


def unit_in(text, chunk_id="c1"):
    return SimpleNamespace(hit=SimpleNamespace(chunk=SimpleNamespace(text=text, chunk_id=chunk_id)))


def span(text, sentence):
    i = text.index(sentence)
    return i, i + len(sentence)


def test_two_windows_a_sentence_apart_become_one_quote_holding_the_step_between():
    u = unit_in(STEPS)
    a = span(STEPS, "If the child is on roll, inform the school.")
    b = span(STEPS, "If the child is not enrolled, a notice is sent.")
    out = _close_gaps([[u, *a], [u, *b]])
    assert len(out) == 1
    quoted = STEPS[out[0][1]:out[0][2]]
    assert "help with the application" in quoted  # the step between is no longer left out
    assert "School Attendance Order" in quoted  # the last item of the same list
    assert "Intro to the steps" not in quoted and "Appendix 2" not in quoted  # not across a blank line


def test_windows_far_apart_or_in_other_chunks_stay_apart():
    filler = " ".join(["More words in a long paragraph."] * (GAP_CHARS // 20))
    text = f"First point is here.\n\n{filler}\n\nLast point is here."
    u = unit_in(text)
    far = _close_gaps([[u, *span(text, "First point is here.")], [u, *span(text, "Last point is here.")]])
    assert len(far) == 2
    other = unit_in(STEPS, chunk_id="c2")
    a = span(STEPS, "If the child is on roll, inform the school.")
    assert len(_close_gaps([[unit_in(STEPS), *a], [other, *a]])) == 2


# --- a service named only as the writer's own job (procedure._signs_on_as) -----------------------



def test_a_service_named_as_the_writers_own_job_is_not_what_is_asked_about():
    # v39 a3946
    assert _signs_on_as("virtual school", "i'm with a virtual school and we place children across the county. what do councils expect?")
    assert _signs_on_as("virtual school", "virtual school adviser here. when a child joins mid-year, what is sent?")
    # the service is the subject of the question
    assert not _signs_on_as("virtual school", "how quickly must the virtual school be told when a child in care is missing?")
    assert not _signs_on_as("virtual school", "i'm with a virtual school. how soon does the virtual school have to be told?")


def test_a_sentence_that_opens_its_own_list_is_not_quoted_from_an_earlier_lists_introduction():
    # v43 a4345: "7.1 … if any of the below apply:" is not an item of 6.0's list before it
    text = ("The Inclusion Team oversees vulnerable groups by collating data on:\nSuspension and exclusion\n"
            "Children on part-time timetables.\n\n7.1 The designated safeguarding person will immediately contact "
            "Children's Services through Starting Point if any of the below apply:\nhas a Child Protection Plan")
    hit = SimpleNamespace(chunk=SimpleNamespace(text=text, paragraphs=(), section_path=""),
                          document=SimpleNamespace(authority="Derbyshire"))
    units, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            units.append(compose.Unit(0, hit, pos, pos + len(line), False))
        pos += len(line) + 1
    chosen = next(u for u in units if u.text.startswith("7.1"))
    start, end = compose.window(chosen, units)
    assert text[start:end].startswith("7.1") and "Child Protection Plan" in text[start:end]
    item = next(u for u in units if u.text.startswith("Suspension"))
    start, _ = compose.window(item, units)
    assert text[start:].startswith("The Inclusion Team")  # a short item still goes back to its introduction
