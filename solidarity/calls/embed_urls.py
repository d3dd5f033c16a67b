"""What partner sites embed (outside the language prefixes: the partner picks the language with ``?lang=``).

``/embed/calls/<call key>/`` is the counter a partner frames, ``/embed/calls/<call key>/counts.json`` its counts
for a script; the key is the call's ``translation_key``, the same for every language and slug (``calls.embed``).
"""

from django.urls import path

from solidarity.calls import embed_views

app_name = "calls_embed"

urlpatterns = [
    path("<uuid:call_key>/", embed_views.counter, name="counter"),
    path("<uuid:call_key>/counts.json", embed_views.counts, name="counts"),
]
