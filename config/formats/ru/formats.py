# Django's Russian formats, but "26 апреля" for day and month: its "j F" gives "26 Апрель".
from django.conf.locale.ru.formats import *  # noqa: F403

MONTH_DAY_FORMAT = "j E"
