#!/usr/bin/env python3
"""A surge of signatures on one public call, through the real form, then a check of every row and count.

Usage (its own gunicorn on a scratch database: SQLite in a temporary directory, or a PostgreSQL database):
    .venv/bin/python bench/sign_surge.py --serve
    .venv/bin/python bench/sign_surge.py --serve --database-url postgres://root@127.0.0.1:5432/bench_calls

or against a site already running on 127.0.0.1, this script given the same environment as the site (its
DATABASE_URL, SOLIDARITY_VAR_DIR or keys), the site started with SPAM_MIN_FILL_SECONDS=0 and SPAM_SOFT_LIMIT /
SPAM_HARD_LIMIT above the surge (every request comes from 127.0.0.1, one source for the spam guard):
    .venv/bin/python bench/sign_surge.py --base http://127.0.0.1:8000

What it does:
1. makes a public call of its own (through calls.services), open, in --language;
2. fires --signers distinct signatures and --duplicates more for the same mailboxes (written in capitals, with
   a +tag, with spaces), all shuffled together, from --concurrency workers; each one GETs the form page (the
   spam guard's fields), then POSTs it as a browser would and expects 303 to the thank-you page;
3. checks in the database: every 303 has its signature (0 lost), one signature per mailbox (0 duplicated),
   nothing that was not sent, one confirmation email per mailbox (a duplicate within the quiet time mails
   nothing more);
4. confirms --confirm-share of them through the links in their emails (core.outbox), withdraws a tenth of
   those, all at once from --concurrency threads, and checks that the counts equal the rows
   (calls.services.counts_verify) and the call's total equals its confirmed signatures.

It prints the figures bench/README.md reports and exits non-zero when anything is lost, duplicated or wrong.
Only loopback addresses are accepted; the run stops after --seconds whatever happens.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
COUNTRIES = ["BY", "RU", "UA", "GE", "AM", "AZ", "KZ", "DE", "PL", "LT"]
# The site as the bench needs it: every request comes from 127.0.0.1 (one source for the spam guard's rate
# limit) and is sent as soon as its form arrives (no minimum time to fill it).
BENCH_ENVIRONMENT = {
    "SPAM_MIN_FILL_SECONDS": "0",
    "SPAM_SOFT_LIMIT": "1000000",
    "SPAM_HARD_LIMIT": "1000000",
    "STATIC_MANIFEST": "false",
    "LOG_LEVEL": "WARNING",
}
CONFIRM_LINK = re.compile(r"/calls/confirm/([^/\s]+)/")


# ---------------------------------------------------------------------------------------------
# The surge, over HTTP
# ---------------------------------------------------------------------------------------------


class FormFields(HTMLParser):
    """The hidden fields of the signing form (the spam guard's), and its honeypot left empty."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        name = attributes.get("name") or ""
        if tag == "input" and name.startswith("guard_"):
            self.fields[name] = attributes.get("value") or ""


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 303 itself is the answer to check


OPENER = urllib.request.build_opener(NoRedirects)


@dataclass
class Attempt:
    email: str
    status: int = 0
    location: str = ""
    get_ms: float = 0.0
    post_ms: float = 0.0
    error: str = ""


def sign_once(base: str, form_path: str, email: str, country: str, number: int) -> Attempt:
    """One visitor: the form page, then the form sent as a browser sends it."""
    attempt = Attempt(email)
    url = base + form_path
    started = time.perf_counter()
    try:
        with OPENER.open(url, timeout=60) as response:
            page = response.read().decode()
    except (OSError, urllib.error.HTTPError) as error:
        attempt.error = f"GET {error}"
        return attempt
    attempt.get_ms = (time.perf_counter() - started) * 1000
    parser = FormFields()
    parser.feed(page)
    data = {
        **parser.fields,
        "guard_homepage": "",
        "signer_kind": "person",
        "name": f"Signer {number}",
        "email": email,
        "country": country,
        "city": "",
        **({"show_name": "on"} if number % 3 == 0 else {}),
        **({"keep_informed": "on"} if number % 4 == 0 else {}),
    }
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(
        url, data=body, headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": base}
    )
    started = time.perf_counter()
    try:
        with OPENER.open(request, timeout=60) as response:
            response.read()
            attempt.status = response.status
    except urllib.error.HTTPError as error:
        attempt.status = error.code
        attempt.location = error.headers.get("Location", "")
        error.read()
    except OSError as error:
        attempt.error = f"POST {error}"
    attempt.post_ms = (time.perf_counter() - started) * 1000
    return attempt


def mailbox_variants(email: str, rng: random.Random) -> str:
    """The same mailbox as people type it again: capitals, a plus tag, spaces around."""
    local, domain = email.split("@")
    return rng.choice([email.upper(), f"{local}+again@{domain}", f"  {local}@{domain.upper()}  ", email])


def surge(stamp: str, signers: int, duplicates: int, rng: random.Random) -> list[tuple[str, str, int]]:
    """(email, country, number) to send, in order: the mailboxes shuffled, each one's duplicates right after it,
    so that they are sent at the same moment by other workers (a double click, a retry, a second tab)."""
    originals = [(f"surge{stamp}-{number}@example.org", rng.choice(COUNTRIES), number) for number in range(signers)]
    rng.shuffle(originals)
    again: dict[int, list[tuple[str, str, int]]] = {}
    for number in range(duplicates):
        position = rng.randrange(signers)
        email, country, _ = originals[position]
        again.setdefault(position, []).append((mailbox_variants(email, rng), country, signers + number))
    return [sending for position, original in enumerate(originals) for sending in [original, *again.get(position, [])]]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share) - 1)] if ordered else 0.0


# ---------------------------------------------------------------------------------------------
# The database side, through Django
# ---------------------------------------------------------------------------------------------


def django_setup() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "solidarity.settings")
    import django

    django.setup()


def bench_call(language: str, stamp: str) -> Any:
    from django.utils import timezone

    from solidarity.calls import services
    from solidarity.stories.models import StoryIndexPage

    return services.public_call_create(
        index=StoryIndexPage.objects.get(locale__language_code=language),
        title=f"Bench surge {stamp}",
        slug=f"bench-surge-{stamp}",
        summary="A call the sign_surge bench made.",
        countries=["BY"],
        addressed_to="The bench",
        opens_on=timezone.localdate(),
    )


def in_threads(work: Any, items: list[Any], concurrency: int) -> list[Any]:
    """``work(item)`` for every item from ``concurrency`` threads, each closing its database connection."""
    from django.db import connection

    def run(item: Any) -> Any:
        try:
            return work(item)
        except Exception as error:  # counted and shown by the caller
            return error
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        return list(pool.map(run, items))


def verify(call: Any, attempts: list[Attempt], started_at: Any, elapsed: float, args: argparse.Namespace) -> list[str]:
    """Every check the surge must pass; what failed, in words (empty: all passed)."""
    from django.db.models import Count

    from solidarity.calls import queries, services
    from solidarity.calls.models import Signature
    from solidarity.core.crypto import mailbox_lookup_hash
    from solidarity.core.models import OutgoingEmail

    problems = []
    answered = {mailbox_lookup_hash(a.email) for a in attempts if a.status == 303 and "/thanks/" in a.location}
    sent = {mailbox_lookup_hash(a.email) for a in attempts}
    rows = Signature.objects.of_call(call.call_key)
    stored = set(rows.values_list("email_hash", flat=True))
    lost = answered - stored
    unasked = stored - sent
    duplicated = rows.values("email_hash").annotate(n=Count("pk")).filter(n__gt=1).count()
    print(f"  mailboxes sent {len(sent)}, answered 303 {len(answered)}, signatures stored {len(stored)}")
    print(f"  lost {len(lost)}, duplicated {duplicated}, stored without being sent {len(unasked)}")
    if lost or duplicated or unasked:
        problems.append(f"{len(lost)} lost, {duplicated} duplicated, {len(unasked)} never sent")
    if len(answered) != len(sent):
        problems.append(f"{len(sent) - len(answered)} mailboxes never got a 303")

    emails = OutgoingEmail.objects.filter(purpose="calls.signature_confirm", created_at__gte=started_at)
    links: dict[str, str] = {}
    per_mailbox: Counter[str] = Counter()
    for email in emails:
        mailbox = mailbox_lookup_hash(email.recipient)
        if mailbox in sent:
            per_mailbox[mailbox] += 1
            found = CONFIRM_LINK.search(email.body)
            if found and mailbox not in links:  # the newest email's link (a newer one replaces the older)
                links[mailbox] = found.group(1)
    most = max(per_mailbox.values(), default=0)
    print(f"  confirmation emails {sum(per_mailbox.values())} for {len(per_mailbox)} mailboxes (at most {most} each)")
    if set(per_mailbox) != stored or (elapsed < services.QUIET_SECONDS and most != 1):
        problems.append("not exactly one confirmation email per signature within the quiet time")

    # Confirm a share through the emailed links, withdraw a tenth of those: all at once.
    chosen = sorted(links)[: int(len(links) * args.confirm_share)]

    def confirm(mailbox: str) -> Any:
        signature = services.signature_by_confirm_token(links[mailbox])
        if signature is None:
            raise LookupError("the emailed link names no signature")
        return services.signature_confirm(signature)

    started = time.perf_counter()
    results = in_threads(confirm, chosen, args.concurrency)
    confirm_seconds = time.perf_counter() - started
    failures = [result for result in results if isinstance(result, Exception)]
    withdrawn = [result.signature for result in results if not isinstance(result, Exception)][: len(chosen) // 10]
    withdraw_failures = [r for r in in_threads(services.signature_withdraw, withdrawn, args.concurrency) if r]
    expected = len(chosen) - len(failures) - len(withdrawn)
    drifts = services.counts_verify()
    total = queries.call_total(call.call_key)
    counted = Signature.objects.of_call(call.call_key).counted().count()
    print(
        f"  confirmed {len(chosen) - len(failures)} through their links in {confirm_seconds:.2f} s "
        f"({len(failures)} failed), withdrew {len(withdrawn)}: count {total}, rows {counted}, drifts {len(drifts)}"
    )
    if failures or withdraw_failures:
        problems.append(f"confirming or withdrawing failed: {(failures + withdraw_failures)[:3]}")
    if drifts or total != counted or total != expected:
        problems.append(f"counts differ from rows: {drifts[:3]}, total {total}, rows {counted}, expected {expected}")
    return problems


# ---------------------------------------------------------------------------------------------
# Serving the site for the run (--serve)
# ---------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_up(base: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"the site did not answer at {base} within {seconds:.0f} s")


def serve(args: argparse.Namespace, var_dir: Path) -> tuple[subprocess.Popen[bytes], str]:
    """The bench's own site: its database made and set up, gunicorn on a free loopback port."""
    os.environ.update(BENCH_ENVIRONMENT)
    os.environ["SOLIDARITY_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = args.database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "solidarity.settings"
    python = str(VENV_BIN / "python")
    for command in (["migrate", "--noinput"], ["setup_site"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(var_dir / "web.log", "ab")  # noqa: SIM115 - open while the server runs
    server = subprocess.Popen(
        [
            str(VENV_BIN / "gunicorn"),
            "solidarity.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(args.workers),
            "--no-control-socket",
            "--error-logfile",
            "-",
        ],
        cwd=ROOT,
        stdout=log,
        stderr=log,
    )
    wait_until_up(base)
    return server, base


# ---------------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:8000", help="a running site (without --serve)")
    parser.add_argument("--serve", action="store_true", help="start a gunicorn of its own on a scratch database")
    parser.add_argument("--database-url", default="", help="with --serve: PostgreSQL's (empty: SQLite, scratch)")
    parser.add_argument("--workers", type=int, default=4, help="with --serve: gunicorn workers")
    parser.add_argument("--signers", type=int, default=1000, help="distinct mailboxes (at most 20000)")
    parser.add_argument("--duplicates", type=int, default=500, help="more sendings for mailboxes already sent")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--confirm-share", type=float, default=0.5, help="share of signatures confirmed after")
    parser.add_argument("--language", default="en")
    parser.add_argument("--seconds", type=float, default=600, help="stop sending after this long")
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args()
    host = urllib.parse.urlsplit(args.base).hostname or ""
    if not args.serve and not (host.startswith("127.") or host in {"localhost", "::1"}):
        parser.error("only a site on this machine's loopback address may be loaded")
    signers = max(1, min(args.signers, 20000))

    server = None
    scratch = tempfile.TemporaryDirectory(prefix="sign-surge-") if args.serve else None
    try:
        if scratch is not None:
            server, base = serve(args, Path(scratch.name))
        else:
            base = args.base.rstrip("/")
        django_setup()
        from django.conf import settings
        from django.db import connection
        from django.urls import reverse
        from django.utils import timezone, translation

        stamp = f"{int(time.time())}"
        call = bench_call(args.language, stamp)
        with translation.override(args.language):
            try:
                form_path = reverse("calls:sign", kwargs={"page_id": call.pk})
            except Exception as error:
                raise SystemExit(f"no signing form here (calls:sign): {error}") from error
        connection.close()

        sendings = surge(stamp, signers, args.duplicates, random.Random(args.seed))

        database = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        print(
            f"{database}: {len(sendings)} sendings ({signers} mailboxes, {args.duplicates} again) to {base}{form_path}"
            f", {args.concurrency} at a time"
        )
        started_at = timezone.now()
        deadline = time.monotonic() + args.seconds
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
            futures = [
                pool.submit(sign_once, base, form_path, email, country, number)
                for email, country, number in sendings
                if time.monotonic() < deadline
            ]
            attempts = [future.result() for future in futures]
        elapsed = time.perf_counter() - started

        statuses = Counter(a.status if not a.error else a.error.split(" ")[0] + " error" for a in attempts)
        posts = [a.post_ms for a in attempts if a.status]
        gets = [a.get_ms for a in attempts if a.get_ms]
        print(
            f"  {len(attempts)} signatures ({2 * len(attempts)} requests) in {elapsed:.1f} s: "
            f"{len(attempts) / elapsed:.1f} signatures/s; answers {dict(statuses)}"
        )
        print(
            f"  POST p50 {statistics.median(posts):.0f} ms, p95 {percentile(posts, 0.95):.0f} ms; "
            f"GET p50 {statistics.median(gets):.0f} ms, p95 {percentile(gets, 0.95):.0f} ms"
        )
        for attempt in [a for a in attempts if a.error or a.status != 303][:5]:
            print(f"  e.g. {attempt.status or ''} {attempt.error} {attempt.location}")
        problems = verify(call, attempts, started_at, elapsed, args)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if scratch is not None:
            scratch.cleanup()
    print("result:", "; ".join(problems) if problems else "0 lost, 0 duplicated, counts equal rows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
