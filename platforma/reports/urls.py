from django.urls import path

from . import views

app_name = "reports"

# Under /<lang>/<platform>/reports/; the platform "forum" is the Forum-wide report.
urlpatterns = [
    path("", views.report_list, name="report-list"),
    path("draft/", views.report_draft, name="report-draft"),
    path("<int:year>/", views.report_detail, name="report-detail"),
    path("<int:year>/report.pdf", views.report_pdf, name="report-pdf"),
    path("<int:year>/edit/", views.report_edit, name="report-edit"),
    path("<int:year>/<str:action>/", views.report_action, name="report-action"),
]
