from .matrix import NOT_FOUND, ROLES, Row

# The test world has no Forum row (the Forum's pages answer 404 then, and so does the API);
# test_forum_api.py sets one up and checks the answers.
NO_FORUM = dict.fromkeys(ROLES, NOT_FOUND)

ROWS = {
    "forum_steering_committee": Row(
        lambda d: "/api/v1/forum/steering-committee", NO_FORUM, notes="no Forum in the world"
    ),
    "forum_figures": Row(lambda d: "/api/v1/forum/figures", NO_FORUM, notes="no Forum"),
}
