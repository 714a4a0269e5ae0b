"""Admin: the outbox, read-only, with what was sent and what failed, and a retry for failures."""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import services
from .models import Message

VIEW_PERMISSION = "notifications.view_message"


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Messages are written by the platform; people read them (and retry failures)."""

    FORBIDDEN = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.FORBIDDEN and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return super().user_has_any_permission(user, [a for a in actions if a not in self.FORBIDDEN])


class OutboxIndexView(IndexView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["outbox_counts"] = services.outbox_counts()
        return context


COLUMNS = ["address", "kind", "channel", "language", "status", "attempts", "created_at", "sent_at", "last_error"]


class MessageViewSet(SnippetViewSet):
    model = Message
    icon = "mail"
    menu_label = gettext_lazy("Messages sent")
    add_to_admin_menu = True
    menu_order = 330
    index_view_class = OutboxIndexView
    index_template_name = "notifications/admin/outbox_index.html"
    list_display = [
        "address",
        "kind",
        "channel",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    list_filter = ["status", "kind", "channel"]
    search_fields = ["address", "subject"]
    search_backend_name = None
    list_export = [
        "address",
        "kind",
        "channel",
        "language",
        "status",
        "attempts",
        "created_at",
        "sent_at",
        "last_error",
    ]
    list_per_page = 50
    inspect_view_enabled = True
    # Not the text: an invitation's text holds a link that sets the person's password.
    inspect_view_fields = ["kind", "channel", "address", "language", "subject", "attachment_name", "status"]


register_permission_policy(Message, ReadOnlyPolicy(Message))
register_snippet(MessageViewSet)


@require_POST
def retry_failed(request):
    if not request.user.has_perm(VIEW_PERMISSION):
        return HttpResponseForbidden()
    count = services.retry_failed(Message.objects.all())
    messages.success(request, _("%(count)d failed messages will be sent again.") % {"count": count})
    return redirect("wagtailsnippets_notifications_message:list")


@hooks.register("register_admin_urls")
def notifications_admin_urls():
    return [path("notifications/retry-failed/", retry_failed, name="notifications_retry_failed")]
