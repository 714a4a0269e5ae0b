"""Reading the department's participant lists: the columns it really uses, in Chinese or English."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from accounts import sheet_reader
from accounts.errors import DomainError

MAX_ROWS = 5000

HEADINGS = {
    "name": ["姓名", "名字", "name", "fullname", "realname"],
    "phone": ["手机号", "手机", "手机号码", "联系电话", "电话", "mobile", "phone", "mobilephone", "tel"],
    "email": ["邮箱", "电子邮箱", "电子邮件", "邮件", "email", "e-mail", "mail", "emailaddress"],
    "organisation": ["单位", "工作单位", "单位名称", "所在单位", "organisation", "organization", "company", "employer"],
    "credit_code": [
        "统一社会信用代码",
        "社会信用代码",
        "信用代码",
        "creditcode",
        "unifiedsocialcreditcode",
        "uscc",
    ],
    "job": ["职务", "职位", "岗位", "job", "jobtitle", "position", "title"],
    "venue": ["分会场", "会场", "参会分会场", "subvenue", "sub-venue", "venue"],
}
HEADING_LOOKUP = sheet_reader.heading_lookup(HEADINGS)
# The template file's headings, in the order of the department's forms.
TEMPLATE_COLUMNS = ["name", "phone", "email", "organisation", "job", "venue"]


class ImportError_(DomainError):
    """The list as a whole cannot be read or applied."""


@dataclass
class ParticipantList:
    rows: list  # (line number, {field: text})
    encoding: str
    ignored_headings: list


def read_participants(data: bytes, filename: str) -> ParticipantList:
    table = sheet_reader.read_table(
        data,
        filename,
        lookup=HEADING_LOOKUP,
        key_field="name",
        missing_heading_message=_("No heading row with a 姓名 / Name column was found."),
        max_rows=MAX_ROWS,
        error_class=ImportError_,
    )
    rows = [(line, cells) for line, cells in table.rows if any(cells.values())]
    sheet_reader.check_row_count(rows, MAX_ROWS, ImportError_)
    if not rows:
        raise ImportError_("empty", _("The file has headings but no participants."))
    return ParticipantList(rows=rows, encoding=table.encoding, ignored_headings=table.ignored_headings)
