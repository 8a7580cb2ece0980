"""Counting every facet of a list in one query, in one pass over the matches.

The matches (what the search words find) are read once, into a materialised `WITH`,
each with its value of every facet (as text) and, for each facet in use, whether it
meets that facet's condition (those that fail two conditions count for no facet and
are left out). A facet's counts then take the matches that meet every
condition but its own: `COUNT(*) FILTER (WHERE …)`. On PostgreSQL the facets of one
value per object are grouped in a single pass with `GROUPING SETS`; elsewhere (SQLite)
by a `GROUP BY` each. A tag facet (many-to-many) joins the matches to its relation.
"""

import operator
from functools import reduce

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import BooleanField, ExpressionWrapper, F, TextField
from django.db.models.functions import Cast

# Put around a statement on PostgreSQL, for that statement only: see `fetch`.
INDEXES_FIRST, AS_BEFORE = "SET LOCAL enable_seqscan = off", "RESET enable_seqscan"


def fetch(connection, sql, params, indexes_first=False):
    """All rows of a query. With `indexes_first`, PostgreSQL reads a search index even
    for a word most rows contain: its planner would rather scan the narrow table, not
    counting the cost of reading each search document from where it is kept outside
    the row (at 100,000 practices 450 ms, against 25 through the index). The setting and
    the query go in one message, which PostgreSQL runs as one transaction; the setting
    is reset after it, for the rest of a transaction the query may be part of."""
    with connection.cursor() as cursor:
        if indexes_first and connection.vendor == "postgresql":
            cursor.execute(f"{INDEXES_FIRST}; {sql}; {AS_BEFORE}", params)
            cursor.nextset()
        else:
            cursor.execute(sql, params)
        return cursor.fetchall()


def facet_counts(matches, facets, chosen, indexes_first=False):
    """Rows (facet name, value as text, number of objects) of every facet of `facets`
    ({name: portal.facets.Facet}) over the queryset `matches`, each counted under the
    conditions `chosen` ({name: Q}) of every other facet (`indexes_first`: see fetch)."""
    connection = connections[matches.db]
    quote = connection.ops.quote_name
    single = [name for name, facet in facets.items() if not facet.is_tag]
    values = {f"value_{name}": Cast(facets[name].value(), TextField()) for name in single}
    flags = {
        f"meets_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in chosen.items()
    }
    rows = matches.order_by().annotate(key=F("pk"), **values, **flags)
    if len(chosen) > 1:  # one that fails two conditions counts for no facet: left out
        rows = rows.filter(reduce(operator.or_, (all_but(name, chosen) for name in chosen)))
    try:
        sql, params = rows.values("key", *values, *flags).query.sql_with_params()
    except EmptyResultSet:  # a condition nothing can meet: nothing to count
        return []

    def count(name):
        others = [f"m.{quote(f'meets_{other}')}" for other in chosen if other != name]
        return f"COUNT(*) FILTER (WHERE {' AND '.join(others)})" if others else "COUNT(*)"

    def value(name):
        return f"m.{quote(f'value_{name}')}"

    def literal(name):
        assert name.isidentifier(), name
        return f"'{name}'"

    if connection.vendor == "postgresql" and single:
        parts = [grouping_sets([(literal(name), value(name), count(name)) for name in single])]
    else:
        parts = [
            f"SELECT {literal(name)}, {value(name)}, {count(name)} FROM m GROUP BY 2"
            for name in single
        ]
    for name, facet in facets.items():
        if facet.is_tag:
            parts.append(tag_part(facet, literal(name), count(name), quote))
    counting = f"WITH m AS MATERIALIZED ({sql}) {' UNION ALL '.join(parts)}"
    return fetch(connection, counting, params, indexes_first)


def all_but(name, chosen):
    """The Q of every condition of `chosen` but the one of facet `name`."""
    return reduce(operator.and_, (q for other, q in chosen.items() if other != name))


def grouping_sets(columns):
    """One pass grouping by each facet's value in turn: `columns` [(facet name's literal,
    value, count)]; each row says which facet it groups by (GROUPING() is 0 for it)."""

    def pick(position):
        cases = (f"WHEN GROUPING({parts[1]}) = 0 THEN {parts[position]}" for parts in columns)
        return f"CASE {' '.join(cases)} END"

    sets = ", ".join(f"({parts[1]})" for parts in columns)
    return f"SELECT {pick(0)}, {pick(1)}, {pick(2)} FROM m GROUP BY GROUPING SETS ({sets})"


def tag_part(facet, literal, count, quote):
    """The counts of a tag facet: the matches joined to their tags, grouped by slug."""
    through, owner, tag = facet.through()
    owner_column = quote(through._meta.get_field(owner).column)
    tag_field = through._meta.get_field(tag)
    tags = tag_field.related_model._meta
    return (
        f"SELECT {literal}, tag.{quote(tags.get_field('slug').column)}, {count} FROM m "
        f"JOIN {quote(through._meta.db_table)} AS link ON link.{owner_column} = m.{quote('key')} "
        f"JOIN {quote(tags.db_table)} AS tag "
        f"ON tag.{quote(tags.pk.column)} = link.{quote(tag_field.column)} "
        "GROUP BY 2"
    )
