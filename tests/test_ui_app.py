"""The web chat for real: a Gradio server on 127.0.0.1 over the sample corpus in a temporary store, driven by
gradio_client (the API) and by headless Chromium (the chat, the sources panel). Screenshots go to
tests/artifacts/."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from assistant.config import Settings
from assistant.store import Store
from ingest.pipeline import ingest_paths
from tests.conftest import SAMPLE_DOCS

pytestmark = pytest.mark.slow

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# From shared/notes/offline.md: no first-run work, no lookups of outside hosts.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
CLAIM = "Quill models have passed 500 million downloads on ModelYard."
QUOTE = (
    "Lumora Labs today announced that its open-weight Quill models have passed 500 million all-time "
    "downloads on the ModelYard model hub."
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def service(tmp_path_factory, embeddings):
    from assistant.ui.service import Service

    settings = Settings(home=tmp_path_factory.mktemp("ui-home"), collection="ui-test")
    store = Store.from_settings(settings, embeddings)
    ingest_paths([SAMPLE_DOCS], store, max_bytes=10**7)
    return Service(settings, store=store)


@pytest.fixture(scope="module")
def url(service):
    from assistant.ui.app import launch

    demo, address = launch(service, port=_free_port())
    yield address
    demo.close()


# --- the API, through gradio_client ---------------------------------------------------------------------


@pytest.fixture
def client(url):
    from gradio_client import Client

    return Client(url, verbose=False)


def test_api_lists_exactly_the_two_endpoints(client):
    assert set(client.view_api(print_info=False, return_format="dict")["named_endpoints"]) == {
        "/check",
        "/check_many",
    }


def test_api_check_returns_the_verdict_json(client, service):
    verdict = client.predict(CLAIM, api_name="/check")
    assert verdict["label"] == "SUPPORTED" and 0 < verdict["confidence"] <= 1
    cite = verdict["citations"][0]
    assert cite["quote"] == QUOTE and cite["stance"] == "supports" and cite["date"] == "2025-11-10"
    assert service.document_text(cite["doc_id"])[cite["char_start"] : cite["char_end"]] == cite["quote"]
    assert "raw_score" not in verdict


def test_api_check_many_keeps_order_and_reports_bad_claims(client):
    verdicts = client.predict(
        [CLAIM, "Anneke Voss said Quill is the most popular open model family in the world.", "  "],
        api_name="/check_many",
    )
    assert [v["label"] for v in verdicts] == ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]
    assert verdicts[2]["error"] == "empty claim"


def test_check_many_refuses_an_overlong_list(service):
    from assistant.errors import SourcecheckError
    from assistant.ui.service import MAX_API_CLAIMS

    with pytest.raises(SourcecheckError, match="at most"):
        service.check_many(["x"] * (MAX_API_CLAIMS + 1))


def test_basic_auth_from_settings(service):
    from gradio_client import Client

    from assistant.ui.app import launch
    from assistant.ui.service import Service

    settings = Settings(home=service.settings.home, collection="ui-test", ui_user="ana", ui_password="s3cret")
    demo, address = launch(Service(settings, store=service.store, checker=service.checker), port=_free_port())
    try:
        with pytest.raises(urllib.error.HTTPError) as refused:  # the API is behind the login too
            urllib.request.urlopen(f"{address}gradio_api/info")
        assert refused.value.code == 401
        with pytest.raises(ValueError, match="Could not login"):
            Client(address, auth=("ana", "wrong"), verbose=False)
        authed = Client(address, auth=("ana", "s3cret"), verbose=False)
        assert authed.predict(CLAIM, api_name="/check")["label"] == "SUPPORTED"
    finally:
        demo.close()


# --- the browser ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the test extra")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, url):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    tab.wait_for_selector("#claim-box textarea")
    yield tab
    context.close()


def _ask(page, message: str) -> None:
    """Send a message and wait until the reply is final (no progress line, no pending row)."""
    before = page.locator('[data-testid="bot"]').count()
    page.fill("#claim-box textarea", message)
    page.click("#check-btn")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-testid=\"bot\"]').length > n"
        " && !document.querySelector('#chat .sc-status, #chat .sc-pending')",
        arg=before,
        timeout=60_000,
    )


def _last_reply(page):
    return page.locator('[data-testid="bot"]').last


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_a_claim_gets_a_verdict_card_with_its_citation_then_follow_ups(page):
    _ask(page, CLAIM)
    card = _last_reply(page).locator(".sc-card")
    assert card.locator(".sc-badge").inner_text() == "✓ Supported"
    assert "confidence" in card.locator(".sc-conf").inner_text()
    cite = card.locator(".sc-cite").first
    assert cite.locator(".sc-title").inner_text() == "Quill open-weight models pass 500 million downloads"
    assert cite.locator(".sc-date").inner_text() == "2025-11-10"
    assert cite.locator("mark").inner_text() == QUOTE
    assert "502.9 million" in cite.locator(".sc-context").inner_text()  # the quote's surroundings
    # the verdict colour is really applied (the chat's sanitiser keeps our classes)
    colour = card.locator(".sc-badge").evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(22, 163, 74)"
    _shot(page, "claim")

    _ask(page, "why?")
    why = _last_reply(page)
    assert "Decided by" in why.inner_text() and why.locator(".sc-stance").first.inner_text() == "SUPPORTS"
    _ask(page, "show me the source")
    source = _last_reply(page).locator(".sc-sourceview")
    assert source.locator("mark").inner_text() == QUOTE and "characters" in source.inner_text()
    _shot(page, "follow-ups")


def test_a_pasted_article_gets_a_table_of_its_claims(page):
    _ask(
        page,
        "Lumora Labs announced that Quill models passed 500 million downloads. "
        "Anneke Voss said Quill is the most popular open model family in the world. "
        "We think this is exciting. Lumora Labs will release Quill-4 in February 2026.",
    )
    rows = _last_reply(page).locator("table.sc-claims tbody tr")
    assert rows.count() == 3  # the opinion is not check-worthy
    badges = [rows.nth(i).locator(".sc-badge").inner_text() for i in range(3)]
    assert badges == ["✓ Supported", "✗ Refuted", "? Not enough info"]
    _shot(page, "article")


HOSTILE = """# Vesper field notes

Orrin Works said its Vesper-2 model reached 41 million downloads in August 2025. <script>window.owned = 1</script>
**not bold** and <img src=x onerror="window.owned = 2"> stay text.

## Not a heading

- not a list, *not emphasis*, $not math$
"""


def test_upload_list_check_and_remove_a_source(page, tmp_path):
    good, bad = tmp_path / "vesper-notes.md", tmp_path / "broken.pdf"
    good.write_text(HOSTILE)
    bad.write_bytes(b"%PDF-1.4 not really")
    page.get_by_role("tab", name="Sources").click()
    page.locator("#upload input[type=file]").set_input_files([str(good), str(bad)])
    page.wait_for_selector("#ingest-report li >> nth=1", timeout=60_000)
    report = page.locator("#ingest-report").inner_text()
    assert "added vesper-notes.md" in report and "failed broken.pdf" in report
    table = page.locator("#sources-table table")
    page.wait_for_function("() => document.querySelector('#sources-table').innerText.includes('Vesper')")
    assert (
        "Vesper field notes" in table.inner_text()
        and "12 document(s)" in page.locator("#sources-table").inner_text()
    )
    _shot(page, "sources")

    page.get_by_role("tab", name="Check").click()
    _ask(page, "Vesper-2 reached 41 million downloads.")
    cite = _last_reply(page).locator(".sc-cite").first
    assert cite.locator(".sc-title").inner_text() == "Vesper field notes"
    context = cite.locator(".sc-context")
    assert "<script>window.owned = 1</script>" in context.inner_text()  # shown, as text
    assert "**not bold**" in context.inner_text()
    assert page.evaluate("() => window.owned") is None
    _ask(page, "show me the source")  # the wide context crosses blank lines: Markdown must stay text
    wide = _last_reply(page).locator(".sc-context").inner_text()
    assert "## Not a heading" in wide and "- not a list, *not emphasis*, $not math$" in wide
    assert page.evaluate("() => window.owned") is None
    assert (
        page.locator("#chat script, #chat img[src=x], #chat strong, #chat em, #chat h2, #chat li").count()
        == 0
    )
    _shot(page, "hostile-document")

    page.get_by_role("tab", name="Sources").click()
    page.locator("#remove-pick input").click()
    page.get_by_role("option", name="Vesper field notes", exact=False).click()
    page.click("#remove-btn")
    page.wait_for_function("() => !document.querySelector('#sources-table').innerText.includes('Vesper')")
    assert "11 document(s)" in page.locator("#sources-table").inner_text()


def test_sessions_do_not_share_a_conversation(browser, url, page):
    _ask(page, CLAIM)
    other = browser.new_context().new_page()
    other.goto(url, wait_until="load")
    other.wait_for_selector("#claim-box textarea")
    _ask(other, "why?")
    assert "Ask about a claim first" in _last_reply(other).inner_text()
    assert CLAIM not in other.locator("#chat").inner_text()
    _ask(page, "why?")
    assert "Decided by" in _last_reply(page).inner_text()
    other.context.close()


# --- the README's main command ----------------------------------------------------------------------------


def test_serve_sample_prints_its_url_and_serves_the_chat(tmp_path):
    """What `make run` starts: the sample corpus ingested, then the app on the given port."""
    port = _free_port()
    env = {**os.environ, "SOURCECHECK_HOME": str(tmp_path / "home"), "PYTHONUNBUFFERED": "1"}
    cli = Path(sys.executable).with_name("sourcecheck")
    proc = subprocess.Popen(
        [str(cli), "serve", "--sample", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines = []
        for line in proc.stdout:  # the URL line comes once the server is up
            lines.append(line)
            if "running at" in line:
                break
        output = "".join(lines)
        assert f"http://127.0.0.1:{port}/" in output and "sample corpus: 11 files" in output, output
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
            assert response.status == 200 and b"sourcecheck" in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_uploads_over_the_size_limit_or_of_unknown_type_fail_and_are_not_kept(service, tmp_path):
    from assistant.ui.service import Service

    small = Settings(home=service.settings.home, collection="ui-test", max_file_mb=0.001)  # about 1 kB
    strict = Service(small, store=service.store, checker=service.checker)
    big, odd = tmp_path / "big.txt", tmp_path / "tool.exe"
    big.write_text("Quill had many downloads. " * 100)
    odd.write_bytes(b"MZ")
    before = len(strict.documents())
    report = strict.ingest([big, odd])
    assert [(Path(r.item).name, r.status) for r in report.results] == [
        ("big.txt", "failed"),
        ("tool.exe", "failed"),
    ]
    assert "MB" in report.results[0].error and "unsupported file type" in report.results[1].error
    assert len(strict.documents()) == before
    assert not (strict.uploads / "big.txt").exists() and not (strict.uploads / "tool.exe").exists()


def test_a_failed_new_version_keeps_the_good_upload(service, tmp_path):
    first, second = tmp_path / "a" / "notes.txt", tmp_path / "b" / "notes.txt"
    first.parent.mkdir()
    second.parent.mkdir()
    first.write_text("Castor Systems opened an office in Porto in May 2025.")
    second.write_bytes(b"")  # an empty file fails
    assert [r.status for r in service.ingest([first]).results] == ["added"]
    assert [r.status for r in service.ingest([second]).results] == ["failed"]
    kept = service.uploads / "notes.txt"
    assert kept.read_text() == first.read_text()  # the stored document's file is still there
    assert not list(service.uploads.glob("*.previous"))
