"""factory-boy factories. They build rows directly; tests of a service call the service."""

from __future__ import annotations

import datetime

import factory

from platforma.core.models import Person, Platform, Statute
from platforma.governance.models import Body, Mandate, Office
from platforma.members.models import Membership, MembershipChange, Organisation
from platforma.workinggroups.models import WorkingGroup


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Platform
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"country{n}")
    country_code = "XX"
    country_en = factory.LazyAttribute(lambda o: o.slug.capitalize())
    name_en = factory.LazyAttribute(lambda o: f"{o.slug.capitalize()} National Platform")
    founded_on = datetime.date(2010, 1, 1)
    time_zone = "UTC"


class ForumFactory(factory.django.DjangoModelFactory):
    """The Forum's own row (``is_forum``, slug ``forum``); one per database."""

    class Meta:
        model = Platform
        django_get_or_create = ("slug",)

    slug = "forum"
    is_forum = True
    country_code = "EU"
    country_en = "Eastern Partnership"
    name_en = "Eastern Partnership Civil Society Forum"
    founded_on = datetime.date(2009, 11, 16)
    time_zone = "Europe/Brussels"


class StatuteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statute

    platform = factory.SubFactory(PlatformFactory)
    version = factory.Sequence(lambda n: n + 1)
    title_en = "Statute"
    effective_from = datetime.date(2010, 1, 1)
    rules = factory.LazyFunction(dict)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    legal_name_en = factory.Sequence(lambda n: f"Civic Organisation {n:03d}")
    short_name_en = factory.LazyAttribute(lambda o: o.legal_name_en)
    city_en = "Baku"
    registration_date = datetime.date(2005, 5, 5)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name_en = factory.Sequence(lambda n: f"Anna{n}")
    last_name_en = factory.Sequence(lambda n: f"Aliyeva{n}")
    email = factory.LazyAttribute(lambda o: f"{o.first_name_en.lower()}@example.org")


class MembershipFactory(factory.django.DjangoModelFactory):
    """An admitted member with its history row (as membership_record_existing leaves it)."""

    class Meta:
        model = Membership
        skip_postgeneration_save = True

    platform = factory.SubFactory(PlatformFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    status = Membership.Status.ADMITTED
    admitted_on = datetime.date(2010, 2, 1)

    @factory.post_generation
    def history(obj: Membership, create: bool, extracted: object, **kwargs: object) -> None:
        # factory-boy calls this with the row it built (not the factory) as ``obj``.
        if create and obj.status == Membership.Status.ADMITTED:
            assert obj.admitted_on is not None  # an admitted member has its day of admission
            MembershipChange.objects.create(
                membership=obj, to_status=obj.status, effective_on=obj.admitted_on
            )


class WorkingGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkingGroup

    platform = factory.SubFactory(PlatformFactory)
    slug = factory.Sequence(lambda n: f"wg{n}")
    name_en = factory.Sequence(lambda n: f"Working group {n}")
    position = factory.Sequence(lambda n: n)


class BodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Body

    platform = factory.SubFactory(PlatformFactory)
    kind = Body.Kind.GENERAL_ASSEMBLY
    name_en = "General Assembly"


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    platform = factory.SubFactory(PlatformFactory)
    kind = Office.Kind.PLATFORM_COORDINATOR
    name_en = "Platform coordinator"


class MandateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mandate

    office = factory.SubFactory(OfficeFactory)
    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    starts_on = datetime.date(2020, 1, 1)


def coordinator_of(
    group: WorkingGroup,
    user,
    *,
    starts_on: datetime.date = datetime.date(2020, 1, 1),
    ends_on: datetime.date | None = None,
) -> Mandate:
    """``user``'s person holds the coordinator's office of ``group`` (a sub-group's for a
    sub-group) from ``starts_on`` to ``ends_on``: the mandate that makes them its coordinator."""
    kind = Office.Kind.SUBGROUP_COORDINATOR if group.parent_id else Office.Kind.WG_COORDINATOR
    office = OfficeFactory(
        platform=group.platform, kind=kind, working_group=group, name_en=f"Coordinator of {group}"
    )
    person = Person.objects.filter(user=user).first() or PersonFactory(user=user)
    membership = MembershipFactory(platform=group.platform)
    return MandateFactory.create(
        office=office,
        person=person,
        organisation=membership.organisation,
        starts_on=starts_on,
        ends_on=ends_on,
    )
