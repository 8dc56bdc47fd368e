import json

from click.testing import CliRunner

from assistant.cli import main


def test_ask_prints_grounded_answer_as_json(settings):
    r = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "ask", "Which leaver reason do we use now that a Year 4 pupil has died?", "--json"])
    assert r.exit_code == 0, r.output
    body = json.loads(r.output[r.output.index("{"):])
    assert body["action"] == "answered" and body["tool_calls"][0]["result"]["code"] in ("9(1)(k)", "9(3)(d)")


def test_chat_keeps_the_session_across_lines(settings):
    r = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "chat"],
                           input="The family have moved away. Can I take him off roll?\nYes\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.count("[clarify]") >= 1 and "tool leaver_reason" in r.output


def test_index_twice_says_nothing_to_embed(settings):
    r = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "index"])
    assert r.exit_code == 0, r.output
    assert "up to date: nothing to embed" in r.output


def test_unknown_authority_is_a_clear_error(settings):
    r = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "search", "x", "--authority", "Kent"])
    assert r.exit_code == 1 and "Known authorities" in r.output


def test_serve_refuses_a_public_address_without_api_keys(settings):
    r = CliRunner().invoke(main, ["--data-dir", str(settings.data_dir), "serve", "--host", "0.0.0.0", "--no-index"])
    assert r.exit_code == 1 and "0.0.0.0" in r.output
