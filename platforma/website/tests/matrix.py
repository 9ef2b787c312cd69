"""The website's rows in the permission matrix (merged by core/tests/test_permission_matrix.py)."""

from platforma.testing.matrix import PUBLIC

MATRIX = {
    "website:transparency": (lambda d: ["azerbaijan"], PUBLIC),
}
