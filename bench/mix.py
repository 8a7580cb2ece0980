"""What the load test's readers and submitters ask for, and how often (bench/load.py).

A newsletter has just linked a new practice: readers open it and other practices, look
around the lists with a facet or two and search, in the five languages; a few share their
own initiative. Readers keep to a limited set of addresses (popular filters and words,
600 practices), as real readers do, so the cache fills as the morning goes on.
"""

import json
import random
from urllib.parse import urlencode

import psycopg

from bench.synthetic import COMMON, LANGS, RARE, TOPICS

# Page kind: its share of the requests, in percent.
MIX = {"home": 15, "list": 25, "search": 15, "detail": 30, "JSON": 10, "submission": 5}
READERS = {"nl": 35, "fr": 25, "de": 15, "en": 10, "sv": 15}
FEATURED = 0.4  # of the practice pages asked, the share that is the newsletter's
POOLS = {"list": 150, "search": 100, "detail": 600, "JSON": 50}  # addresses of each kind
PLAN_SIZE = 2000  # requests in the plan, drawn from at random
COUNTRIES = ("BE", "NL", "LU", "FR", "DE", "SE")
ANSWERS = {  # a Dutch submission; every field the form has (share_drafts adds a title)
    "summary": "Het onthaalpersoneel leert eenvoudig schrijven en spreken.",
    "municipality": "hasselt",
    "domain": "public-services",
    "themes": ["clear-language", "low-literacy"],
    "target_groups": ["front-office-staff"],
    "what": "Vijf halve dagen opleiding in duidelijke taal.",
    "goal": "Inwoners die onze brieven begrijpen.",
    "period": "najaar 2016 – voorjaar 2017",
    "started_in": "2016",
    "reach": "2",
    "recurrence": "3",
    "links": "https://www.hasselt.be/",
    "name": "Lasttest",
    "role": "diversiteitsambtenaar",
    "organisation": "Stad Hasselt",
    "email": "lasttest@example.org",
    "consent": "on",
    "website": "",
}


def kind_of(method, path, query):
    """The kind of page of a request in gunicorn's access log."""
    if method == "POST":
        return "submission"
    if path.startswith("/api/"):
        return "JSON"
    depth = len(path.strip("/").split("/"))
    if depth == 1:
        return "home"
    if depth == 3:
        return "detail"
    return "search" if "q=" in query else "list"


def vocabulary(database_url):
    """Facet values and practices that exist, from the load test's database."""
    with psycopg.connect(database_url) as db:

        def slugs(query):
            return [row[0] for row in db.execute(query)]

        return {
            "domain": slugs("SELECT slug FROM practices_domain"),
            "theme": slugs("SELECT slug FROM practices_theme"),
            "target": slugs("SELECT slug FROM practices_targetgroup"),
            "municipality": slugs("SELECT slug FROM practices_municipality ORDER BY md5(slug)")[
                :40
            ],
            "practices": slugs(
                "SELECT slug FROM practices_practice WHERE status = 'published'"
                f" ORDER BY published_at DESC LIMIT {POOLS['detail']}"
            ),
        }


def language(rng):
    return rng.choices(list(READERS), weights=READERS.values())[0]


def addresses(rng, vocab):
    """A pool of addresses of each kind a reader asks for."""
    facets = {
        **{name: vocab[name] for name in ("domain", "theme", "target", "municipality")},
        "country": COUNTRIES,
        "reach": "1234",
        "recurrence": "1234",
        "year": [str(year) for year in range(2015, 2026)],
        "available": ["yes"],
    }

    def filters(most):
        chosen = rng.sample(sorted(facets), rng.randint(0, most))
        return [(name, rng.choice(facets[name])) for name in chosen]

    def word(lang):
        topic = rng.choice(TOPICS)[LANGS.index(lang)].split()[-1]
        return rng.choice([COMMON[lang], COMMON[lang], RARE, topic])

    def listing(lang, query):
        page = [("page", str(rng.randint(2, 5)))] if not query and rng.random() < 0.2 else []
        return f"/{lang}/practices/?{urlencode(query + page)}".removesuffix("?")

    makers = {
        "list": lambda lang: listing(lang, filters(3)),
        "search": lambda lang: listing(lang, [("q", word(lang)), *filters(1)]),
        "detail": lambda lang: f"/{lang}/practices/{rng.choice(vocab['practices'])}/",
        "JSON": lambda lang: f"/api/practices/?{urlencode([('lang', lang), *filters(2)])}",
    }
    return {
        kind: sorted({make(language(rng)) for _ in range(POOLS[kind])})
        for kind, make in makers.items()
    }


def lua(value):
    """A Lua literal for a number, an ASCII string, a list or a dict of them."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"[{lua(key)}] = {lua(item)}" for key, item in value.items()) + "}"
    if isinstance(value, list):
        return "{" + ",\n".join(map(lua, value)) + "}"
    assert isinstance(value, int) or value.isascii(), value
    return json.dumps(value)  # an ASCII JSON string is a Lua string too


def plan(database_url, port, threads, drafts, token, cookie):
    """The plan bench/load.lua reads, its requests, and the list and practice pages to
    compare cached and uncached. A submission is the share form's "Send", for one of
    the sessions whose keys are `drafts` (each filled in up to there: share_drafts),
    each taken by one of wrk's `threads`."""
    rng = random.Random(2026)
    vocab = vocabulary(database_url)
    pools = addresses(rng, vocab)
    featured = f"/nl/practices/{vocab['practices'][0]}/"
    requests = []
    for kind, share in MIX.items():
        for _ in range(PLAN_SIZE * share // 100):
            if kind == "submission":
                requests.append("POST")
            elif kind == "home":
                requests.append(f"/{language(rng)}/")
            elif kind == "detail" and rng.random() < FEATURED:
                requests.append(featured)
            else:
                requests.append(rng.choice(pools[kind]))
    origin = f"https://127.0.0.1:{port}"
    text = lua(
        {
            "requests": requests,
            "share": "/nl/share/check/",
            "drafts": drafts,
            "threads": threads,
            "get_headers": {"X-Forwarded-Proto": "https"},
            "post_headers": {
                "X-Forwarded-Proto": "https",
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": origin,
                "Referer": f"{origin}/nl/share/check/",
            },
            "cookie": cookie,
            "body": urlencode({"csrfmiddlewaretoken": token}),
        }
    )
    compared = {kind: rng.sample(pools[kind], len(pools[kind])) for kind in ("list", "detail")}
    return f"return {text}\n", requests, compared
