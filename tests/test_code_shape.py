"""Small rooms and thin views, checked by a machine (issue 16).

- No Python module under styr/ is over 400 lines (migrations aside: Django writes them).
- No function in a views or admin module has a body over 30 lines: a view reads its input
  through a form, asks named functions (queries, domain, forms) and renders. The same for a
  management command: it reads its options, asks named functions and writes what they did.
- Views read request.GET and request.POST only through forms: no subscripting and no
  `.get(`/`.getlist(` on them outside forms modules. Asking whether a button was pressed
  (`"token" in request.POST`) reads no value and is allowed.
- The municipality comes from the URL or the user, never from "the first one"
  (`Municipality.objects.first()`).
- Every form field that takes a day is the one shared `DayField` (styr/lib/fields.py), so
  every form reads a date as the command line does, with the same range and message.

Each test reads the source with `ast` and names every offender with its length or line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STYR = ROOT / "styr"

MODULE_LIMIT = 400
VIEW_BODY_LIMIT = 30
VIEW_MODULES = ["*/views*.py", "*/views/*.py", "*/*_views.py", "*/admin*.py", "*/*_admin.py"]
COMMAND_MODULES = "*/management/commands/*.py"
# Forms modules, where reading the query or the post is the point.
FORM_MODULES = {"forms.py", "fields.py"}


def python_modules() -> list[Path]:
    return sorted(p for p in STYR.rglob("*.py") if "migrations" not in p.parts)


def view_modules() -> list[Path]:
    return sorted({path for pattern in VIEW_MODULES for path in STYR.glob(pattern)})


def body_length(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the first statement after the docstring to the end of the function."""
    body = function.body
    if len(body) > 1 and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return (function.end_lineno or body[-1].lineno) - body[0].lineno + 1


def long_functions(source: str, limit: int = VIEW_BODY_LIMIT) -> list[tuple[str, int]]:
    return [
        (node.name, body_length(node))
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and body_length(node) > limit
    ]


def _is_request_query(node: ast.AST) -> bool:
    """`request.GET` or `request.POST` (also `self.request.GET`)."""
    if not (isinstance(node, ast.Attribute) and node.attr in {"GET", "POST"}):
        return False
    owner = node.value
    return (isinstance(owner, ast.Name) and owner.id == "request") or (
        isinstance(owner, ast.Attribute) and owner.attr == "request"
    )


def raw_reads(source: str) -> list[int]:
    """Lines that take a value out of request.GET/POST by hand."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        subscript = isinstance(node, ast.Subscript) and _is_request_query(node.value)
        method = (
            isinstance(node, ast.Attribute)
            and node.attr in {"get", "getlist", "pop"}
            and _is_request_query(node.value)
        )
        if subscript or method:
            lines.append(node.lineno)
    return sorted(lines)


# Municipality.objects.first(), also after .all() or .order_by(...): whichever comes first.
ANY_MUNICIPALITY = re.compile(
    r"Municipality\.objects(\.all\(\)|\.order_by\([^)]*\))?\.(first|last)\(\)"
)


def test_no_module_under_styr_is_over_400_lines():
    too_long = {
        str(path.relative_to(ROOT)): length
        for path in python_modules()
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LIMIT
    }
    assert too_long == {}


def test_no_view_or_admin_function_body_is_over_30_lines():
    assert len(view_modules()) > 20  # the patterns still find the views
    too_long = {
        f"{path.relative_to(ROOT)}:{name}": length
        for path in view_modules()
        for name, length in long_functions(path.read_text(encoding="utf-8"))
    }
    assert too_long == {}


def test_no_management_command_function_body_is_over_30_lines():
    commands = sorted(STYR.glob(COMMAND_MODULES))
    assert len(commands) > 15  # the pattern still finds the commands
    too_long = {
        f"{path.relative_to(ROOT)}:{name}": length
        for path in commands
        for name, length in long_functions(path.read_text(encoding="utf-8"))
    }
    assert too_long == {}


def test_views_read_the_query_and_the_post_only_through_forms():
    raw = {
        str(path.relative_to(ROOT)): lines
        for path in python_modules()
        if path.name not in FORM_MODULES and not path.name.endswith("_forms.py")
        if (lines := raw_reads(path.read_text(encoding="utf-8")))
    }
    assert raw == {}


def test_no_view_or_command_picks_whichever_municipality_comes_first():
    picked = {
        str(path.relative_to(ROOT)): found
        for path in python_modules()
        if (found := ANY_MUNICIPALITY.findall(path.read_text(encoding="utf-8")))
    }
    assert picked == {}


# A form's own day field: `forms.DateField(` (models.DateField is a column, not a form field).
OWN_DATE_FIELD = re.compile(r"\bforms\.DateField\(")


def test_every_form_reads_a_day_through_the_shared_day_field():
    own = {
        str(path.relative_to(ROOT)): len(found)
        for path in python_modules()
        if path != STYR / "lib" / "fields.py"
        if (found := OWN_DATE_FIELD.findall(path.read_text(encoding="utf-8")))
    }
    assert own == {}


def test_the_shape_checks_find_what_they_look_for():
    """The checks themselves: a long view, a raw read and a subscript are found."""

    def view(lines: int) -> str:
        return "def view(request):\n    '''Doc.'''\n" + "    x = 1\n" * lines

    assert long_functions(view(31)) == [("view", 31)]
    assert long_functions(view(30)) == []
    source = (
        "def view(request):\n"
        "    a = request.GET.get('x')\n"
        "    b = request.POST['y']\n"
        "    c = self.request.GET.getlist('z')\n"
        "    d = 'token' in request.POST\n"
        "    e = Form(request.GET)\n"
    )
    assert raw_reads(source) == [2, 3, 4]
    assert ANY_MUNICIPALITY.search("Municipality.objects.order_by('name').first()")
    assert not ANY_MUNICIPALITY.search("Municipality.objects.filter(slug=slug).first()")
    assert OWN_DATE_FIELD.search("    date = forms.DateField(label='x')")
    assert not OWN_DATE_FIELD.search("    date = models.DateField('x')")
