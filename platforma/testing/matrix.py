"""The permission matrix's expectations, shared by the core walk and the apps' own rows.

An app lists its pages in ``platforma/<app>/tests/matrix.py`` (tables ``MATRIX``, ``DRAFTS``,
``POST_ONLY``, ``POST_PUBLIC``, ``POST_HIDDEN``, as in ``core/tests/test_permission_matrix.py``);
the core walk merges them. The build functions take the walk's data: ``d["platform"]`` (the demo
platform, slug "azerbaijan"), ``d["other_platform"]`` ("armenia"), and demo objects.
"""

OK, LOGIN, NOT_FOUND = 200, "login", 404
ROLES = ("anonymous", "representative", "other_secretariat", "secretariat", "forum")
PUBLIC = dict.fromkeys(ROLES, OK)
OFFICE = {
    "anonymous": LOGIN,
    "representative": NOT_FOUND,
    "other_secretariat": NOT_FOUND,
    "secretariat": OK,
    "forum": OK,
}
REPRESENTATIVES = {**OFFICE, "representative": OK, "other_secretariat": OK}  # page says "none"
# Organisers' and editors' pages that answer 404 to everyone else, logged in or not.
HIDDEN = {**OFFICE, "anonymous": NOT_FOUND}
NOWHERE = dict.fromkeys(ROLES, NOT_FOUND)  # e.g. voting in an election that is not open
