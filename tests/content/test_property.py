"""Whatever is written into deck.yaml, check_deck returns problems and never raises."""

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from game.content import DeckError, check_deck

BOMB = 'a: &a ["lol","lol","lol"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c]\n'
YAML_BITS = st.sampled_from([
    "format: 1\n", "id: no\n", "title: yes\n", "hours: 017\n", "hours: 0x1f\n", "hours: 12:30\n", "- on\n",
    "cards: [{id: a, type: role}]\n", "{", "[", "&x a", "*x", "!!python/name:os.system", "? [a]\n: b\n",
    "dimensions: {personal: [{id: a}]}\n", "include: [../x]\n", "\t", "\ufeff", "\r\n", ": ", "- ", "<<: *x\n",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=st.one_of(st.binary(max_size=300), st.text(max_size=300),
                         st.lists(YAML_BITS, max_size=12).map("".join)))
@example(content="title: no\nid: on\nhours: 017\nx: 0x1f\ny: 1_000\nz: 12:30\n")
@example(content=BOMB)
@example(content="[" * 10000 + "]" * 10000)
@example(content='!!python/object/apply:os.system ["echo hi"]\n')
@example(content=b"\x00\xff\xfe binary")
@example(content="a: 1\na: 2\n")
def test_check_deck_returns_problems_for_any_content_and_never_raises(tmp_path_factory, content):
    folder = tmp_path_factory.mktemp("deck")
    target = folder / "deck.yaml"
    if isinstance(content, bytes):
        target.write_bytes(content)
    else:
        target.write_text(content, encoding="utf-8", errors="surrogatepass")
    problems = check_deck(folder)
    assert problems and all(isinstance(p, DeckError) for p in problems)
    assert any(p.is_error for p in problems)
