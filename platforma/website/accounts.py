"""Where a person lands after logging in, and the password pages around the login."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.core.mail import EmailMessage
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from platforma.accounts import throttle
from platforma.accounts.models import FormAttempt
from platforma.accounts.views import render_locked
from platforma.core.mail import queue, render_text
from platforma.core.permissions import managed_platforms
from platforma.members.models import Membership
from platforma.notifications import selectors as notices


@login_required
def account_home(request):
    """The user's own office: the platform they manage, or the organisation they represent.

    Several platforms (the Forum's secretariat, or a person working for two): a list to choose
    from. Nobody's office at all: the site's front page. Unread notices (elections that moved,
    ``platforma.notifications``) keep the person here, above their links, until read.
    """
    unread = notices.unread_count(request.user)
    platforms = list(managed_platforms(request.user).order_by("name"))
    if len(platforms) == 1 and not unread:
        return redirect("members:office-home", platforms[0].slug)
    memberships = list(
        Membership.objects.filter(
            organisation__representatives__person__user=request.user,
            organisation__representatives__until__isnull=True,
            status__in=[Membership.Status.ADMITTED, Membership.Status.SUSPENDED],
        )
        .select_related("platform")
        .distinct()
    )
    if not platforms and len({m.platform_id for m in memberships}) == 1 and not unread:
        return redirect("members:my-organisation", memberships[0].platform.slug)
    recent = list(notices.notices_for(request.user))
    if not platforms and not memberships and not recent:
        return redirect("website:platform-list")
    return render(
        request,
        "registration/account_home.html",
        {
            "platforms": platforms,
            "represented": sorted({m.platform for m in memberships}, key=lambda p: p.name),
            "notices": recent,
            "unread": unread,
            "has_person": recent or notices.person_of(request.user) is not None,
        },
    )


class ThrottledTokenMixin:
    """A link with a token (an invitation, a password reset) is tried at most as often as a
    password (``PLATFORMA_LOGIN_FAILURES`` in ``PLATFORMA_LOGIN_COOLOFF_MINUTES``), counted per
    client address and per account (``platforma.accounts.throttle``): every presented token
    and every form sent counts, the set-password page's own reloads do not."""

    def dispatch(self, request, *args, **kwargs):
        token = kwargs.get("token", "")
        if request.method == "POST" or token != self.reset_url_token:  # type: ignore[attr-defined]
            keys = throttle.keys_for(request, account=kwargs.get("uidb64", ""))
            until = throttle.locked_until(FormAttempt.Form.INVITATION, keys)
            if until is not None:
                return render_locked(request, until)
            throttle.count(FormAttempt.Form.INVITATION, keys)
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]


class InvitationAcceptView(ThrottledTokenMixin, auth_views.PasswordResetConfirmView):
    """Choosing a password from an invitation: then straight to the login, saying so."""

    template_name = "registration/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(
            self.request,
            _("Your password is set. Log in with your user name “%(username)s” and this password.")
            % {"username": form.user.get_username()},
        )
        return response


class QueuedPasswordResetForm(PasswordResetForm):
    """The reset e-mail goes through the outbox and the task queue (``core.mail.queue``), like
    every other: a slow mail server never holds the page."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = " ".join(render_text(subject_template_name, context).split())
        body = render_text(email_template_name, context)
        message = EmailMessage(subject, body, from_email or settings.DEFAULT_FROM_EMAIL, [to_email])
        queue(message, purpose="password reset")


class PasswordResetView(auth_views.PasswordResetView):
    """The reset link is built from ``PLATFORMA_BASE_URL``, never from the request's host."""

    form_class = QueuedPasswordResetForm
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def post(self, request, *args, **kwargs):
        # As many requests as login attempts, per client address and per e-mail address;
        # then the lockout page (and no e-mail) until the cool-off has passed.
        keys = throttle.keys_for(request, email=request.POST.get("email", ""))
        until = throttle.locked_until(FormAttempt.Form.PASSWORD_RESET, keys)
        if until is not None:
            return render_locked(request, until)
        throttle.count(FormAttempt.Form.PASSWORD_RESET, keys)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        self.extra_email_context = {"base_url": settings.PLATFORMA_BASE_URL}
        return super().form_valid(form)


class PasswordResetConfirmView(ThrottledTokenMixin, auth_views.PasswordResetConfirmView):
    template_name = "registration/invitation_accept.html"
    success_url = reverse_lazy("login")
    post_reset_login = False
    title = gettext_lazy("Choose your password")

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed. Log in with it."))
        return response


def password_reset_done(request):
    return render(request, "registration/password_reset_done.html")
