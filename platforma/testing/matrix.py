"""The permission matrix's expectations, shared by the core walk and the apps' own rows.

An app lists its pages in ``platforma/<app>/tests/matrix.py`` (tables ``MATRIX``, ``DRAFTS``,
``POST_ONLY``, ``POST_PUBLIC``, ``POST_HIDDEN``, as in ``core/tests/test_permission_matrix.py``);
the core walk merges them. The build functions take the walk's data: ``d["platform"]`` (the demo
platform, slug "azerbaijan"), ``d["other_platform"]`` ("armenia"), and demo objects.

The "coordinator" is the coordinator of the demo's WG1 (a mandate in force; their person also
represents their organisation). A row that does not name the coordinator expects of them what
it expects of the representative: only the pages open to coordinators say so (``COORDINATED``),
with rows whose objects belong to WG1; ``COORDINATED_POST`` (a set, in an app's matrix.py) names
the POST-only actions they may reach.
"""

OK, LOGIN, NOT_FOUND = 200, "login", 404
ROLES = ("anonymous", "representative", "coordinator", "other_secretariat", "secretariat", "forum")
PUBLIC = dict.fromkeys(ROLES, OK)
OFFICE = {
    "anonymous": LOGIN,
    "representative": NOT_FOUND,
    "other_secretariat": NOT_FOUND,
    "secretariat": OK,
    "forum": OK,
}
# The office pages a working group's coordinators share with the secretariat (for their groups).
COORDINATED = {**OFFICE, "coordinator": OK}
REPRESENTATIVES = {**OFFICE, "representative": OK, "other_secretariat": OK}  # page says "none"
# Organisers' and editors' pages that answer 404 to everyone else, logged in or not.
HIDDEN = {**OFFICE, "anonymous": NOT_FOUND}
NOWHERE = dict.fromkeys(ROLES, NOT_FOUND)  # e.g. voting in an election that is not open


def expected_of(expected: dict, role: str):
    """What a row expects of ``role``: a row that does not name the coordinator expects of
    them what it expects of the representative."""
    if role in expected:
        return expected[role]
    if role == "coordinator":
        return expected.get("representative")
    return None
