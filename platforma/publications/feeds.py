"""An Atom feed of a platform's new publications and statements."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from platforma.core.mail import absolute
from platforma.core.selectors import platform_for_public

from .selectors import publications_visible

FEED_ITEMS = 30


class PublicationsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, platform: str):
        return platform_for_public(platform)

    def title(self, platform):
        return _("Publications and statements of the %(name)s") % {"name": platform.name}

    def subtitle(self, platform):
        return _("New research papers, policy briefs, statements and position papers.")

    # Every address in the feed, its own included, comes from PLATFORMA_BASE_URL (core.mail),
    # like the links in e-mails and calendars: not from whichever host name the request used.
    def link(self, platform):
        return absolute(
            reverse("publications:publication-list", kwargs={"platform": platform.slug})
        )

    def feed_url(self, platform):
        return absolute(reverse("publications:feed-atom", kwargs={"platform": platform.slug}))

    def items(self, platform):
        return (
            publications_visible(platform)
            .select_related("platform")
            .prefetch_related("author_persons", "author_organisations")
            .order_by("-published_on", "-id")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return f"{item.get_kind_display()}: {item.title}"

    def item_description(self, item):
        return item.abstract

    def item_link(self, item):
        return absolute(
            reverse(
                "publications:publication-detail",
                kwargs={"platform": item.platform.slug, "pk": item.pk},
            )
        )

    def item_pubdate(self, item):
        import datetime

        return datetime.datetime.combine(item.published_on, datetime.time(), datetime.UTC)

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        names = [str(o) for o in item.author_organisations.all()]
        names += [p.full_name for p in item.author_persons.all()]
        return ", ".join(names) or item.platform.name

    def item_categories(self, item):
        return [item.get_kind_display()]
