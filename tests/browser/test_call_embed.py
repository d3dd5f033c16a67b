"""A partner site embeds a call's counter and reads its counts, in a real browser: a page at another origin (a
tiny server on 127.0.0.1; the site is at localhost) frames the counter and fetches the JSON. Both work with no
console error; a story framed beside them is refused, as every page but the embeddable ones is."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from solidarity.calls import embed
from solidarity.home.services import site_tree_ensure
from tests.browser.conftest import PageProblems
from tests.calls import factories
from tests.factories import StoryPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def partner_page(counter: str, counts: str, story: str) -> str:
    """The partner's page: the snippet an editor gave them, a story framed without leave, a script of theirs."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Partner</title></head><body>
<iframe id="counter" src="{counter}" title="Signatures" width="400" height="220"></iframe>
<iframe id="story" src="{story}" title="A story" width="400" height="220"></iframe>
<output id="total"></output>
<script>
fetch({json.dumps(counts)}).then(r => r.json()).then(data => {{
  document.getElementById("total").textContent = data.total + " / " + data.by_country[0].code;
}});
</script></body></html>"""


@pytest.fixture
def partner() -> Iterator[tuple[str, dict[str, str]]]:
    """Another origin: a server on 127.0.0.1 (the live server is at localhost) answering every GET with
    ``page["html"]``. On loopback, as Chromium lets a page reach loopback only from loopback (Local Network
    Access); a page the browser makes up itself (``page.route``) counts as public and is refused."""
    page: dict[str, str] = {"html": ""}

    class Partner(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = page["html"].encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Partner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", page
    server.shutdown()
    server.server_close()


def test_a_partner_site_frames_the_counter_and_reads_the_counts(browser, live_server, partner):
    partner_origin, partner_html = partner
    site_tree_ensure()
    call = factories.public_call(title="Free the journalists", goal=10)
    factories.call_translation(call, "ru", title="Свободу журналистам")
    for _number in range(3):
        factories.signature(call, country="BY")
    story = StoryPageFactory(title="Trial in Minsk", countries=["BY"])
    counter = live_server.url + embed.embed_path(call.call_key, "ru")
    counts = live_server.url + embed.counts_path(call.call_key)

    context = browser.new_context()
    page = context.new_page()
    problems = PageProblems(page, live_server.url)
    partner_html["html"] = partner_page(counter, counts, live_server.url + story.url)
    try:
        page.goto(f"{partner_origin}/news/")

        frame = page.frame_locator("#counter")
        expect(frame.get_by_role("heading", level=1)).to_have_text("Свободу журналистам")
        expect(frame.locator(".embed__count strong")).to_have_text("3")
        expect(frame.locator("html")).to_have_attribute("lang", "ru")
        expect(frame.locator("a.embed__button")).to_have_attribute("target", "_blank")
        expect(page.locator("#total")).to_have_text("3 / BY")  # CORS let the partner's script read it
        # The story refused to be framed: the browser says so, and that is the only complaint.
        story_frame = page.frame(url=lambda url: url.endswith(story.url))
        assert story_frame is None or story_frame.content().count("Trial in Minsk") == 0
        assert len(problems.console_errors) == 1
        assert "frame-ancestors 'none'" in problems.console_errors[0]
        assert problems.failed_requests == [live_server.url + story.url]
        assert problems.page_errors == []
        assert {url.split("/")[2] for url in problems.foreign_requests} == {partner_origin.split("/")[2]}
    finally:
        context.close()
