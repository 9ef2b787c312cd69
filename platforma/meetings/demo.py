"""Demo meetings for the demo platform: a fictional General Assembly of 2014 (labelled demo).

Called by the demo loader through ``DEMO_EXTENSIONS`` as ``load(platform=..., who=...)``; it
writes through the services, like everything else in the demo.
"""

from __future__ import annotations

import datetime
import zoneinfo

from platforma.governance.models import Body
from platforma.members.selectors import members_in_good_standing

from . import services
from .models import Meeting

TITLE = "Annual General Assembly 2014 (demo)"
ABSENT = 4  # organisations that do not come; one of them gives a proxy


def load(*, platform, who) -> None:
    assembly = Body.objects.get(platform=platform, kind=Body.Kind.GENERAL_ASSEMBLY)
    if Meeting.objects.filter(body=assembly, title_en=TITLE).exists():
        return  # already loaded
    tz = zoneinfo.ZoneInfo(platform.time_zone)

    def at(month, day, hour, minute=0):
        return datetime.datetime(2014, month, day, hour, minute, tzinfo=tz)

    meeting = services.meeting_create(
        body=assembly,
        starts_at=at(3, 15, 10),
        title_en=TITLE,
        title_az="İllik Ümumi Yığıncaq 2014 (demo)",
        title_ru="Ежегодное общее собрание 2014 (демо)",
        place_en="Baku, conference hall of a member organisation (demo)",
        place_az="Bakı, üzv təşkilatın konfrans zalı (demo)",
        place_ru="Баку, конференц-зал организации-члена (демо)",
        language="en",
        **who,
    )
    report = services.agenda_item_add(
        meeting=meeting,
        title_en="Activity report 2013 of the Board of Governance",
        title_az="İdarə Heyətinin 2013-cü il fəaliyyət hesabatı",
        title_ru="Отчёт о деятельности Правления за 2013 год",
        **who,
    )
    plan = services.agenda_item_add(
        meeting=meeting,
        title_en="Work plan and budget 2014",
        title_az="2014-cü il üçün iş planı və büdcə",
        title_ru="План работы и бюджет на 2014 год",
        **who,
    )
    services.convocation_send(meeting=meeting, sent_at=at(2, 20, 9), deliver=False, **who)

    members = list(
        members_in_good_standing(platform, meeting.date)
        .select_related("organisation")
        .order_by("admitted_on", "organisation__legal_name")
    )
    present, absent = members[:-ABSENT], members[-ABSENT:]
    services.meeting_open(meeting=meeting, at=at(3, 15, 9, 45), **who)
    for index, membership in enumerate(present):
        # Most arrive on time; the last two come late.
        minute = 50 + index % 10 if index < len(present) - 2 else 40
        hour = 9 if index < len(present) - 2 else 10
        services.attendance_check_in(
            meeting=meeting, membership=membership, at=at(3, 15, hour, minute % 60), **who
        )
    services.proxy_give(
        meeting=meeting, giver=absent[0], holder=present[0], at=at(3, 15, 9, 55), **who
    )

    choices_report = dict.fromkeys(present, "for")
    choices_report[present[5]] = "abstain"
    choices_report[present[6]] = "abstain"
    choices_report[present[7]] = "against"
    choices_report[absent[0]] = "for"
    motion = services.motion_create(
        meeting=meeting,
        agenda_item=report,
        kind="report_approval",
        proposer=present[0],
        title_en="Approval of the activity report 2013 (demo)",
        title_az="2013-cü il fəaliyyət hesabatının təsdiqi (demo)",
        title_ru="Утверждение отчёта о деятельности за 2013 год (демо)",
        text_en="The General Assembly approves the Board of Governance's report on 2013.",
        **who,
    )
    services.votes_record(motion=motion, choices=choices_report, at=at(3, 15, 11), **who)
    services.motion_decide(motion=motion, at=at(3, 15, 11, 10), **who)

    choices_plan = dict.fromkeys(present[:-3], "for")
    choices_plan[present[-3]] = "against"
    choices_plan[present[-2]] = "abstain"
    choices_plan[present[-1]] = "for"
    choices_plan[absent[0]] = "for"
    motion = services.motion_create(
        meeting=meeting,
        agenda_item=plan,
        kind="budget_approval",
        proposer=present[1],
        title_en="Adoption of the work plan and budget 2014 (demo)",
        title_az="2014-cü il iş planının və büdcənin qəbulu (demo)",
        title_ru="Принятие плана работы и бюджета на 2014 год (демо)",
        text_en=(
            "Work along the five working groups; an open workshop on communication and a "
            "training on advocacy in Baku; a research paper on WTO accession."
        ),
        **who,
    )
    services.votes_record(motion=motion, choices=choices_plan, at=at(3, 15, 12), **who)
    services.motion_decide(motion=motion, at=at(3, 15, 12, 5), **who)

    services.attendance_check_out(
        attendance=meeting.attendances.get(membership=present[3]), at=at(3, 15, 12, 30), **who
    )
    services.meeting_close(meeting=meeting, ended_at=at(3, 15, 13), **who)
    services.minutes_update(
        meeting=meeting,
        secretary="Secretariat of the platform (demo)",
        narrative=(
            "Demo minutes. The coordinator opened the meeting and presented the activity "
            "report for 2013. Members discussed the outreach plans for 2014 and the working "
            "groups' priorities. The meeting closed at 13:00."
        ),
        **who,
    )
    autumn = services.meeting_create(
        body=assembly,
        starts_at=at(11, 22, 10),
        title_en="General Assembly, autumn 2014 (demo)",
        title_az="Ümumi Yığıncaq, 2014-cü ilin payızı (demo)",
        title_ru="Общее собрание, осень 2014 (демо)",
        place_en="Baku (demo)",
        place_az="Bakı (demo)",
        place_ru="Баку (демо)",
        language="en",
        **who,
    )
    services.agenda_item_add(
        meeting=autumn,
        title_en="Approval of the minutes of 15 March 2014",
        title_az="15 mart 2014-cü il iclasının protokolunun təsdiqi",
        title_ru="Утверждение протокола заседания от 15 марта 2014 г.",
        **who,
    )
    services.minutes_approve(meeting=meeting, at_meeting=autumn, **who)
