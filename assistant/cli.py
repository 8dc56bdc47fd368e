"""`cme-assist`: a thin command line over the library (index, search, docs, serve)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.settings import Settings


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--corpus-dir", type=click.Path(path_type=Path), help="Corpus folder (default: ./corpus).")
@click.option("--data-dir", type=click.Path(path_type=Path), help="Index folder (default: ./data).")
@click.pass_context
def main(ctx: click.Context, corpus_dir: Path | None, data_dir: Path | None) -> None:
    """CME Assist: grounded help for staff handling children missing education."""
    overrides = {}
    if corpus_dir:
        overrides["corpus_dir"] = corpus_dir
    if data_dir:
        overrides["data_dir"] = data_dir
    ctx.obj = {"settings": Settings(**overrides)}


def run_index(settings: Settings, *, quiet: bool = False):
    from tqdm import tqdm

    from assistant.services import chroma_for, default_embeddings
    from indexer.build import build_index
    from indexer.chunker import ChunkingParams
    from indexer.embeddings import MODEL_NAME

    bar = None
    bar_stage = None
    labels = {"embedding": ("Embedding chunks", "chunk"), "units": ("Embedding sentences", "sentence"),
              "tuning": ("Fitting the query adapter (chunks)", "epoch"),
              "tuning sentences": ("Fitting the query adapter (sentences)", "epoch")}

    def progress(stage: str, done: int, total: int) -> None:
        # One bar per stage: chunks first, then their sentences (each with its own total).
        nonlocal bar, bar_stage
        if quiet or total == 0:
            return
        if bar is None or stage != bar_stage:
            if bar is not None:
                bar.close()
            desc, unit = labels.get(stage, (stage, "item"))
            bar, bar_stage = tqdm(total=total, desc=desc, unit=unit, file=sys.stderr), stage
        bar.n = done
        bar.refresh()

    try:
        report = build_index(
            settings.corpus_dir, settings.data_dir, default_embeddings(), model_name=MODEL_NAME,
            params=ChunkingParams(max_words=settings.index.max_words),
            max_bytes=int(settings.index.max_file_mb * 1_000_000), client=chroma_for(settings), progress=progress,
        )
    finally:
        if bar is not None:
            bar.close()
    return report


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the build report as JSON.")
@click.pass_context
def index(ctx: click.Context, as_json: bool) -> None:
    """Build the index from the corpus (only new or changed text is embedded)."""
    from indexer.errors import IndexerError

    try:
        report = run_index(_settings(ctx), quiet=as_json)
    except IndexerError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps(asdict(report), indent=1))
    else:
        click.echo(report.summary())


def _retriever(settings: Settings):
    from assistant.services import load_services

    services = load_services(settings)
    if services.retriever is None:
        raise click.ClickException(f"{services.load_error}")
    return services


@main.command()
@click.argument("query")
@click.option("--authority", "-a", help="Only this local authority's documents.")
@click.option("-k", default=5, show_default=True, help="How many passages to show.")
@click.pass_context
def search(ctx: click.Context, query: str, authority: str | None, k: int) -> None:
    """Show the passages that best match QUERY."""
    from indexer.errors import UnknownAuthority

    services = _retriever(_settings(ctx))
    try:
        hits = services.retriever.search(query, k=k, authority=authority)
    except UnknownAuthority as exc:
        raise click.ClickException(str(exc)) from exc
    if not hits:
        click.echo("No matching passages.")
    for n, h in enumerate(hits, 1):
        click.echo(click.style(f"[{n}] {h.document.title} ({h.document.authority})", bold=True))
        click.echo(f"    {h.chunk.section_path}   ({h.chunk.chunk_id}, score {h.score:.3f})")
        text = " ".join(h.chunk.text.split())
        click.echo(f"    {text[:400]}{'…' if len(text) > 400 else ''}\n")


@main.command()
@click.pass_context
def docs(ctx: click.Context) -> None:
    """List the documents in the index with their status."""
    services = _retriever(_settings(ctx))
    counts: dict[str, int] = {}
    for c in services.retriever.index.chunks:
        counts[c.doc_id] = counts.get(c.doc_id, 0) + 1
    today = services.clock()
    for d in services.retriever.index.documents.values():
        status = d.status(today)
        flag = click.style(status, fg="yellow") if status != "current" else status
        click.echo(f"{d.doc_id:40} {d.authority:22} dated {d.dated or '-':10} review {d.review_due or '-':8} "
                   f"{counts.get(d.doc_id, 0):4} chunks  {flag}")


def _print_answer(answer, session_id: str | None = None) -> None:
    colour = {"answered": "green", "clarify": "yellow", "not_found": "yellow", "escalated": "red", "refused": "red"}
    click.echo(click.style(f"[{answer.action.value}]", fg=colour.get(answer.action.value, "white"), bold=True)
               + (f" flags: {', '.join(answer.flags)}" if answer.flags else ""))
    click.echo(answer.answer)
    if answer.options:
        click.echo("Options: " + " | ".join(answer.options))
    for t in answer.tool_calls:
        click.echo(click.style(f"tool {t.name}({json.dumps(t.arguments)[:120]})", dim=True))
    for c in answer.citations:
        click.echo(click.style(f"[{c.n}] {c.title} ({c.authority}) — {c.section} — {c.chunk_id}", dim=True))


@main.command()
@click.argument("question")
@click.option("--authority", "-a", help="The local authority whose procedure applies.")
@click.option("--json", "as_json", is_flag=True, help="Print the response as JSON.")
@click.pass_context
def ask(ctx: click.Context, question: str, authority: str | None, as_json: bool) -> None:
    """Ask one question and print the grounded answer with its sources."""
    from assistant.chat.engine import ChatRequest
    from indexer.errors import UnknownAuthority

    services = _retriever(_settings(ctx))
    try:
        sid, answer = services.require_chat().respond(ChatRequest(question, authority=authority))
    except UnknownAuthority as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        from assistant.api.routes_chat import to_wire

        click.echo(to_wire(sid, answer, services.settings.settings_hash()).model_dump_json(indent=1))
    else:
        _print_answer(answer)


@main.command()
@click.option("--authority", "-a", help="The local authority whose procedure applies.")
@click.pass_context
def chat(ctx: click.Context, authority: str | None) -> None:
    """An interactive conversation (empty line or Ctrl-D to leave)."""
    from assistant.chat.engine import ChatRequest
    from indexer.errors import UnknownAuthority

    services = _retriever(_settings(ctx))
    engine = services.require_chat()
    session_id = None
    click.echo("CME Assist. Ask about children missing education; an empty line ends the conversation.")
    while True:
        try:
            line = click.prompt("you", default="", show_default=False)
        except (EOFError, click.Abort):
            break
        if not line.strip():
            break
        try:
            session_id, answer = engine.respond(ChatRequest(line, session_id, authority))
        except UnknownAuthority as exc:
            raise click.ClickException(str(exc)) from exc
        _print_answer(answer)


@main.command()
@click.option("--host", help="Address (default 127.0.0.1, or HOST).")
@click.option("--port", type=int, help="Port (default 8000, or PORT).")
@click.option("--no-index", is_flag=True, help="Do not build or refresh the index first.")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, no_index: bool) -> None:
    """Build the index if it is missing or stale, then serve the API."""
    import uvicorn

    from assistant.api.app import create_app
    from indexer.errors import IndexerError

    from assistant.api.auth import InsecureBindError, assert_bind_allowed

    settings = _settings(ctx)
    if host:
        settings.host = host
    if port:
        settings.port = port
    try:
        assert_bind_allowed(settings, settings.host)
    except InsecureBindError as exc:
        raise click.ClickException(str(exc)) from exc
    if not no_index:
        try:
            click.echo(run_index(settings).summary(), err=True)
        except IndexerError as exc:
            click.echo(f"Index build failed: {exc}. Serving the previous index if there is one.", err=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="info")


from assistant import cli_rules  # noqa: E402,F401  (registers rule commands)

if __name__ == "__main__":
    main()
