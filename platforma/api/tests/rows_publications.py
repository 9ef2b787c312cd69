from .matrix import OFFICE, PUBLIC, Row

# (Typed as ``Row`` wants them: ``matrix.PUBLIC``/``OFFICE`` are inferred as dict[str, int].)
ANYONE: dict[str, int | set[int]] = {**PUBLIC}
SECRETARIAT: dict[str, int | set[int]] = {**OFFICE}

ROWS = {
    "publication_list": Row(lambda d: "/api/v1/platforms/azerbaijan/publications", ANYONE),
    "publication_detail": Row(
        lambda d: f"/api/v1/platforms/azerbaijan/publications/{d['publication'].pk}", ANYONE
    ),
    "stakeholder_list": Row(lambda d: "/api/v1/platforms/azerbaijan/stakeholders", SECRETARIAT),
}
