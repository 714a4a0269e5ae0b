"""Names of things the platform creates in Wagtail (the review workflow and its task), shown in
the reader's language.

Wagtail stores one name per workflow and task and prints it as it is ("提交给Course review"). The
demo creates them under these English names; whenever one is loaded, its name becomes the
translatable label, and it is stored back under the same English name, so both languages stay
available until someone renames it in the admin (then it is their own data).
"""

from django.db.models.signals import post_init, pre_save
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

WORKFLOW_NAME = "Course review"
TASK_NAME = "Organiser approval"
LABELS = {WORKFLOW_NAME: _("Course review"), TASK_NAME: _("Organiser approval")}


def _translated_name(sender, instance, **kwargs):
    label = LABELS.get(instance.__dict__.get("name"))
    if label is not None:
        instance.name = label


def _stored_name(sender, instance, **kwargs):
    if isinstance(instance.name, Promise):
        instance.name = next((name for name, label in LABELS.items() if label is instance.name), str(instance.name))


def connect():
    from wagtail.models import GroupApprovalTask, Task, Workflow

    for model in (Workflow, Task, GroupApprovalTask):
        post_init.connect(_translated_name, sender=model, dispatch_uid=f"platform-name-{model.__name__}")
        pre_save.connect(_stored_name, sender=model, dispatch_uid=f"platform-name-save-{model.__name__}")
