from .office import enrolment_add, enrolment_end, group_detail, group_edit, group_list

__all__ = ["enrolment_add", "enrolment_end", "group_detail", "group_edit", "group_list"]
