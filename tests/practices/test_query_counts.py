"""Pages run a fixed number of queries whatever the size of the catalogue.

Each test runs with 5 and with 200 practices under the same ceiling: a query per
practice (an N+1 on municipality, domain or themes) would blow it at 200.
"""

import pytest

from practices.models import Recommendation

CATALOGUE_SIZES = [5, 200]


@pytest.mark.parametrize("size", CATALOGUE_SIZES)
@pytest.mark.parametrize(
    ("url", "ceiling"),
    [
        ("/nl/", 4),  # domains, latest practices, trainings and their formats
        # the vocabulary, the facet index (the listed practices, their themes, their target
        # groups), the page's keys and practices
        ("/nl/practices/", 7),
        ("/nl/domains/hr-policy/", 4),
        ("/nl/municipalities/hasselt/", 3),
    ],
)
def test_list_pages(client, make_practices, django_assert_max_num_queries, size, url, ceiling):
    make_practices(size)
    with django_assert_max_num_queries(ceiling):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("size", CATALOGUE_SIZES)
def test_recommendation_page(client, make_practices, domain, django_assert_max_num_queries, size):
    make_practices(size)
    Recommendation.objects.create(slug="advice", domain=domain, title_nl="Advies")
    with django_assert_max_num_queries(2):
        assert client.get("/nl/recommendations/advice/").status_code == 200


@pytest.mark.parametrize("size", CATALOGUE_SIZES)
def test_practice_page(client, make_practices, django_assert_max_num_queries, size):
    practices = make_practices(size)
    # the catalogue's version (for the page cache), the practice and its tags (4),
    # similar (2), recommendations, trainings and formats; then only the version
    with django_assert_max_num_queries(10):
        assert client.get(practices[0].get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(1):
        assert client.get(practices[0].get_absolute_url()).status_code == 200
