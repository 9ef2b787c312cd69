# ruff: noqa: B018  (bare names are how vulture whitelists are written)
"""Names Django (or pytest) calls by name, which vulture cannot see being used.

Count the code referenced nowhere (goal: nothing):

    .venv/bin/vulture platforma config bench vulture_whitelist.py --min-confidence 60 \
        --exclude "*/migrations/*" --ignore-decorators "@rule,@invariant,@initialize" \
        --ignore-names "Meta,Command,*Admin,*Config,*Translation,FailingBackend,RequestSizeLimit"

(the ignored classes are found by Django through settings, admin and translation registries, and
management command discovery; Hypothesis runs a state machine's rules and invariants). Add a name
here only when a framework calls it; delete the code otherwise.
"""

from vulture.whitelist_utils import Whitelist

_ = Whitelist()

_.ready  # AppConfig.ready: connects the receivers
_.add_arguments  # management commands
_.save_model  # ModelAdmin hooks (core.admin_base.ReadOnlyAdmin)
_.delete_model
_.save_related
_.label_from_instance  # ModelChoiceField
_.clean_rules  # Form.clean_<field>
_.clean_statute_rules
_.clean_file
# django.contrib.syndication.Feed reads these by name (publications.feeds)
_.get_object
_.subtitle
_.feed_url
_.item_title
_.item_description
_.item_link
_.item_pubdate
_.item_updateddate
_.item_author_name
_.item_categories
# Read by templates
_.fieldsets  # activities/office/event_form.html
_.document_fields  # members/join.html
_.declaration_fields
_.category_rows  # publications/office/stakeholder_form.html
_.public_contacts  # website/member_list.html
# Template tags (website.templatetags.site_nav)
_.platform_nav
_.manages
# Signal receivers, connected with @receiver when their module is imported in ready()
_.update_rolls
_.enrol_in_chosen_groups
# pytest fixtures (autouse, or requested by argument name)
_._english_first
_._fast_passwords
_.other_rows
_.seat_held
_.private_media
_.media_root
_.published_demo_report
_.teardown  # hypothesis.stateful.RuleBasedStateMachine
