"""The Gradio app: a chat that checks claims, a sources panel, and the ``check`` / ``check_many`` API.

A thin client of ``Service`` (shared checker and store) and ``conversation`` (what to answer); the only
module that imports gradio.
"""

from __future__ import annotations

import os

# Before gradio is imported: it reads this at import time and would otherwise call home.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.config import Settings
from assistant.ui import render
from assistant.ui.conversation import ChatState, reply
from assistant.ui.service import SUPPORTED_TYPES, Service

CSS = (Path(__file__).parent / "style.css").read_text(encoding="utf-8")
EXAMPLES = [
    "Quill models have passed 500 million downloads on ModelYard.",
    "Anneke Voss said Quill is the most popular open model family in the world.",
    "Lumora Labs will release Quill-4 in February 2026.",
]
Message = dict[str, Any]


def _chat(service: Service):
    def respond(message: str, history: list[Message], state: ChatState) -> Iterator[tuple]:
        history = [
            *history,
            {"role": "user", "content": f'<div class="sc-user">{render.text(message)}</div>'},
            {"role": "assistant", "content": ""},
        ]
        for snapshot in reply(message, state, service):
            history[-1] = {"role": "assistant", "content": snapshot}
            yield history, state, ""

    return respond


def _sources(service: Service):
    def listing() -> tuple[str, Any]:
        docs = service.documents()
        choices = [(f"{d.title} ({d.kind}, {d.date or 'undated'})", d.doc_id) for d in docs]
        return render.sources_table(docs), gr.update(choices=choices, value=None)

    def upload(files: list[str] | None, progress=gr.Progress()) -> tuple[str, str, Any]:  # noqa: B008
        paths = [Path(f) for f in files or []]
        if not paths:
            return "", *listing()
        done: list[int] = []

        def on_item(result) -> None:
            done.append(1)
            progress(len(done) / len(paths), desc=f"ingested {Path(result.item).name}")

        progress(0, desc=f"ingesting {len(paths)} file(s)…")
        report = service.ingest(paths, on_item)
        rows = [(Path(r.item).name, r.status, r.error, r.passages) for r in report.results]
        return render.ingest_report(rows), *listing()

    def remove(doc_id: str | None) -> tuple[str, str, Any]:
        if not doc_id:
            return render.notice("Pick a document to remove."), *listing()
        removed = service.remove(doc_id)
        message = f"Removed {doc_id}." if removed else f"No document {doc_id}."
        return render.notice(message, "info" if removed else "error"), *listing()

    return listing, upload, remove


def _api(service: Service) -> None:
    def check(claim: str) -> dict:
        """Check one claim against the sources; returns the Verdict as a JSON object."""
        return service.check(claim).model_dump(mode="json")

    def check_many(claims: list[str]) -> list[dict]:
        """Check a list of claims; returns one Verdict JSON object per claim, in order."""
        return [v.model_dump(mode="json") for v in service.check_many(claims)]

    gr.api(check, api_name="check")
    gr.api(check_many, api_name="check_many")


def build(service: Service) -> gr.Blocks:
    max_mb = service.settings.max_file_mb
    with gr.Blocks(title="sourcecheck") as demo:
        gr.HTML(
            '<div class="sc-header"><h1>sourcecheck</h1>'
            "<p>Is this claim supported by your documents? Verdicts with verbatim, checked quotes.</p></div>"
        )
        with gr.Tabs():
            with gr.Tab("Check", id="check"):
                state = gr.State(ChatState())
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    height=640,
                    show_label=False,
                    latex_delimiters=[],  # "$5 million ... $7 million" is money, not math
                    feedback_options=None,
                    group_consecutive_messages=False,
                    placeholder=render.notice(
                        "Type a claim, or paste an article to check each of its claims."
                    ),
                )
                with gr.Row(equal_height=True):
                    box = gr.Textbox(
                        elem_id="claim-box",
                        show_label=False,
                        placeholder="A claim to check, a pasted article, or “why?”",
                        lines=2,
                        max_lines=12,
                        scale=8,
                    )
                    send = gr.Button("Check", elem_id="check-btn", variant="primary", scale=1)
                gr.Examples(EXAMPLES, inputs=[box], label="Try")
            with gr.Tab("Sources", id="sources"):
                files = gr.File(
                    elem_id="upload",
                    file_count="multiple",
                    file_types=SUPPORTED_TYPES,
                    label=f"Upload documents ({' '.join(SUPPORTED_TYPES)}; at most {max_mb:g} MB each)",
                )
                report = gr.HTML(elem_id="ingest-report")
                table = gr.HTML(elem_id="sources-table")
                with gr.Row():
                    pick = gr.Dropdown(label="Remove a document", choices=[], scale=4, elem_id="remove-pick")
                    remove_btn = gr.Button("Remove", variant="stop", size="md", scale=1, elem_id="remove-btn")

        respond = _chat(service)
        for trigger in (send.click, box.submit):
            trigger(respond, [box, chatbot, state], [chatbot, state, box], api_visibility="private")
        listing, upload, remove = _sources(service)
        files.upload(upload, [files], [report, table, pick], api_visibility="private")
        remove_btn.click(remove, [pick], [report, table, pick], api_visibility="private")
        demo.load(listing, None, [table, pick], api_visibility="private")
        _api(service)
    return demo


def auth(settings: Settings) -> tuple[str, str] | None:
    if settings.ui_user and settings.ui_password:
        return settings.ui_user, settings.ui_password.get_secret_value()
    return None


def launch(service: Service, host: str = "127.0.0.1", port: int | None = None) -> tuple[gr.Blocks, str]:
    """Start the server in the background; returns the Blocks (``block_thread()`` / ``close()``) and its
    local URL. Never shared through a public tunnel."""
    demo = build(service).queue(default_concurrency_limit=4)
    _, url, _ = demo.launch(
        server_name=host,
        server_port=port,
        share=False,
        auth=auth(service.settings),
        max_file_size=f"{service.settings.max_file_mb:g}mb",
        prevent_thread_lock=True,
        quiet=True,
        css=CSS,
        theme=gr.themes.Default(primary_hue="indigo", neutral_hue="slate"),
    )
    return demo, url
