"""Admin hooks of notice periods: the committee's answer to objections, on the dashboard, and
each member's choice of emails."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from .models import Notice, NoticePreference
from .views import answer


@hooks.register("register_admin_urls")
def register_notice_urls():
    return [path("notices/<int:notice_id>/", answer, name="notice_answer")]


class NoticesPanel(Component):
    """Dashboard panel: approved changes waiting to take effect, and those objections sent
    back, which the committee answers."""

    name = "notices"
    order = 95
    template_name = "notice/dashboard_panel.html"

    def get_context_data(self, parent_context):
        notices = Notice.objects.filter(
            status__in=[Notice.Status.WAITING, Notice.Status.RETURNED]
        ).select_related("page")
        return {"notices": list(notices)}


@hooks.register("construct_homepage_panels")
def add_notices_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(NoticesPanel())


class NoticePreferenceForm(forms.ModelForm):
    class Meta:
        model = NoticePreference
        fields = ["emails"]


class NoticeEmailsPanel(BaseSettingsPanel):
    name = "notice_emails"
    title = gettext_lazy("Approved changes")
    tab = notifications_tab
    order = 110
    form_class = NoticePreferenceForm

    def get_form(self):
        preference, _ = NoticePreference.objects.get_or_create(user=self.user)
        data = (self.request.POST, self.request.FILES) if self.request.method == "POST" else ()
        return self.form_class(*data, instance=preference, prefix=self.name)


@hooks.register("register_account_settings_panel")
def register_notice_emails_panel(request, user, profile):
    return NoticeEmailsPanel(request, user, profile)
