"""The elections app's rows of the permission matrix (merged by core's test_permission_matrix).

The demo election is published: the edit page and the new-candidate page still answer the
secretariat (saying why nothing can be changed), and nobody else finds them.
"""

from platforma.testing.matrix import OFFICE

MATRIX = {
    "elections:office-election-edit": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
    "elections:office-nomination-new": (lambda d: ["azerbaijan", d["election"].pk], OFFICE),
}
POST_ONLY: dict = {}
POST_HIDDEN: dict = {}
