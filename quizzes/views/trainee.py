def quiz_page_context(request, page):
    return {}
