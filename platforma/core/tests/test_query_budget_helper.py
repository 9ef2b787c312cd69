"""The query-budget helper catches a read that grows with its rows, and a wrong status."""

import pytest

from platforma.core.models import Person
from platforma.testing.budget import (
    QueryBudgetError,
    assert_constant_queries,
    assert_page_budget,
)
from platforma.testing.factories import PersonFactory

pytestmark = pytest.mark.django_db


def add_people(n):
    PersonFactory.create_batch(n)


def test_one_query_for_all_rows_passes():
    small, large = assert_constant_queries(lambda: list(Person.objects.all()), add_people)
    assert (len(small), len(large)) == (3, 9)


def test_one_query_per_row_is_caught_with_the_queries_that_grew():
    def n_plus_one():
        return [Person.objects.get(pk=p.pk) for p in Person.objects.all()]

    with pytest.raises(QueryBudgetError, match=r"4 queries with 3 rows, 10 with 9"):
        assert_constant_queries(n_plus_one, add_people)


def test_a_ceiling_is_kept():
    with pytest.raises(QueryBudgetError, match="ceiling 0"):
        assert_constant_queries(lambda: list(Person.objects.all()), add_people, ceiling=0)


def test_a_page_that_does_not_answer_200_fails(client):
    with pytest.raises(AssertionError, match="answered 404"):
        assert_page_budget(client, "/en/no-such-platform/", add_people)
