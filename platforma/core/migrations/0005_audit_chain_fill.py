"""Give every existing audit entry its chain, place and hashes (issue 12).

An entry without a platform gets the one its target belongs to, when there is exactly one
(a person, an organisation or a representative through its memberships, a registration through
its event, ...); otherwise it is the Forum's (a Forum working group, an object of several
platforms or of none). Then each chain is built in the order the entries were written (time,
then id), with the hash of ``platforma.core.audit_chain``: the format every later entry uses.
Runs before 0006 installs the PostgreSQL triggers that refuse any UPDATE.
"""

from django.db import migrations

from platforma.core import audit_chain

# How a target reached its platform when this migration was written (core.tenancy.PATHS, less
# the conditions on live memberships: any membership of one platform only is enough here).
PATHS = {
    "core.person": (
        "representations__organisation__memberships__platform",
        "mandates__office__platform",
    ),
    "members.organisation": ("memberships__platform",),
    "members.representative": ("organisation__memberships__platform",),
    "members.applicationdocument": ("application__platform",),
    "members.recommendation": ("application__platform",),
    "members.appeal": ("application__platform",),
    "members.membershipchange": ("membership__platform",),
    "governance.mandate": ("office__platform",),
    "workinggroups.enrolment": ("working_group__platform",),
    "activities.eventfile": ("event__platform",),
    "activities.registration": ("event__platform",),
    "activities.attendance": ("event__platform",),
}
BATCH = 1000


def _platform_of(apps, target_type, target_id):
    if not target_type or not target_id:
        return None
    try:
        model = apps.get_model(target_type)
    except (LookupError, ValueError):
        return None
    rows = model._base_manager.filter(pk=target_id)
    names = {f.name for f in model._meta.get_fields()}
    if "platform" in names and getattr(model._meta.get_field("platform"), "related_model", None):
        ids = set(rows.values_list("platform", flat=True))
    else:
        ids = set()
        for path in PATHS.get(target_type, ()):
            ids.update(rows.values_list(path, flat=True))
    ids.discard(None)
    return ids.pop() if len(ids) == 1 else None


def forward(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    AuditChain = apps.get_model("core", "AuditChain")
    ids = list(AuditEntry._base_manager.order_by("at", "id").values_list("id", flat=True))
    chains = {}  # platform id or None (the Forum) -> (length, head)
    homes = {}  # (target_type, target_id) -> platform id or None
    for start in range(0, len(ids), BATCH):
        batch = AuditEntry._base_manager.in_bulk(ids[start : start + BATCH])
        changed = []
        for pk in ids[start : start + BATCH]:
            entry = batch[pk]
            if entry.platform_id is None:
                key = (entry.target_type, entry.target_id)
                if key not in homes:
                    homes[key] = _platform_of(apps, *key)
                entry.platform_id = homes[key]
            entry.forum = entry.platform_id is None
            length, head = chains.get(entry.platform_id, (0, audit_chain.GENESIS))
            entry.seq = length + 1
            entry.prev_hash = head
            entry.hash = audit_chain.link(
                head,
                platform_id=entry.platform_id,
                seq=entry.seq,
                entry={name: getattr(entry, name) for name in audit_chain.FIELDS},
            )
            chains[entry.platform_id] = (entry.seq, entry.hash)
            changed.append(entry)
        AuditEntry._base_manager.bulk_update(
            changed, ["platform", "forum", "seq", "prev_hash", "hash"], batch_size=BATCH
        )
    for platform_id, (length, head) in chains.items():
        AuditChain.objects.create(
            platform_id=platform_id, forum=platform_id is None, length=length, head=head
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_audit_chain"),
        # The targets through which an entry without a platform may still be placed.
        ("members", "0002_applications_and_public_contacts"),
        ("governance", "0001_initial"),
        ("workinggroups", "0001_initial"),
        ("activities", "0002_event_cancellation"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
