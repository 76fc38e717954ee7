"""The one exception memplan_torch raises for problems a user can act on."""


class ExportError(Exception):
    """A failure reported to the user as one line, without a traceback."""


def one_line(e):
    """A foreign exception as one short line: its type and the first line of its text."""
    text = str(e).strip()
    return f"{type(e).__name__}: {text.splitlines()[0] if text else ''}"[:300]
