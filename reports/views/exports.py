"""Export pages: the list of exports, and one export's filter form that downloads CSV or XLSX."""

import tempfile

from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..errors import ReportError
from ..exports import registry
from ..exports.writers import FORMATS, csv_chunks, write_xlsx
from .base import ReportView, url_with


class ExportIndexView(ReportView):
    template_name = "reports/exports.html"
    section_title = gettext_lazy("Exports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Plain strings: a template would call an exporter class it was given (and get nothing).
        context["exports"] = [
            {
                "name": cls.verbose_name,
                "description": cls.description,
                "url": url_with("export", identifier=cls.identifier),
            }
            for cls in registry.all()
        ]
        return context


class ExportView(ReportView):
    """GET without ``format`` shows the filter form; with ``format=csv|xlsx`` it downloads."""

    template_name = "reports/export.html"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.exporter_class = registry.get(kwargs["identifier"])
        except ReportError:
            raise Http404("No such export.") from None
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.exporter_class.verbose_name

    def extra_breadcrumbs(self):
        return [{"url": url_with("exports"), "label": gettext_lazy("Exports")}]

    def get(self, request, *args, **kwargs):
        data = request.GET.copy()
        chosen = data.pop("format", [None])[-1]
        form = self.exporter_class.form(self.scope, data=data if (data or chosen) else None)
        if chosen in FORMATS and form.is_valid():
            return self.download(self.exporter_class(self.scope, form.cleaned_data), chosen)
        return self.render_to_response(self.get_context_data(form=form))

    def download(self, exporter, chosen: str):
        return download(exporter, chosen)


def download(exporter, chosen: str):
    """The export as a CSV (streamed) or XLSX download."""
    content_type, extension = FORMATS[chosen]
    filename = f"{exporter.file_stem()}-{timezone.localtime():%Y%m%d-%H%M}.{extension}"
    if chosen == "csv":
        response = StreamingHttpResponse(csv_chunks(exporter), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    # A zip is finished at its end, so the workbook goes to an anonymous temporary file first.
    handle = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 (FileResponse closes it, which deletes it)
    write_xlsx(exporter, handle)
    handle.seek(0)
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
