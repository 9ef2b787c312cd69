from django.utils import translation

from platforma.reports.builder.sentences import lower_first


def test_azerbaijani_titles_lower_their_dotted_and_dotless_i():
    with translation.override("az"):
        assert lower_first("İctimai seminar") == "ictimai seminar"
        assert lower_first("Iqlim təlimi") == "ıqlim təlimi"
    with translation.override("en"):
        assert lower_first("Workshop on outreach") == "workshop on outreach"
        assert lower_first("EU-Azerbaijan cooperation") == "EU-Azerbaijan cooperation"
