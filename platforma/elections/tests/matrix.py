"""The elections app's rows of the permission matrix (merged by core's test_permission_matrix).

The demo election is published: the edit page and the new-candidate page still answer the
secretariat (saying why nothing can be changed), and nobody else finds them.
"""

from platforma.testing.matrix import LOGIN, NOWHERE, OFFICE

MATRIX = {
    "elections:office-election-edit": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
    "elections:office-nomination-new": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
    # A teller's page answers the election's tellers only (the demo's are accounts nobody
    # logs in with): everyone else, the secretariat included, finds nothing.
    "elections:teller-share": (
        lambda d: ["azerbaijan", d["election"].pk],
        {**NOWHERE, "anonymous": LOGIN},
    ),
}
POST_ONLY: dict = {
    "elections:office-tellers": lambda d: ["azerbaijan", d["election"].pk],
}
POST_HIDDEN: dict = {}
