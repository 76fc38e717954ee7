"""Alias annotations of an operator schema: which results alias which arguments
and which arguments an op writes, read from the schema text."""

import re

from .errors import ExportError

# Writes that the schemas of torch < 2.0 do not annotate although the kernel
# performs them (fixed upstream by annotated replacements such as
# aten::_native_batch_norm_legit).  Keyed by schema name: (argument names, the
# boolean argument that must be true for the write to happen, or None).  Applied
# only where the running schema does not already declare the write.
SCHEMA_WRITE_CORRECTIONS = {
    "aten::native_batch_norm": (("running_mean", "running_var"), "training"),
    "aten::rrelu_with_noise": (("noise",), "training"),
}


def _split_top_level(text):
    """Split a schema's argument or return list at commas outside brackets and quotes."""
    parts, depth, quote, start = [], 0, None, 0
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
        elif ch == "," and depth == 0:
            parts.append(text[start:i].strip())
            start = i + 1
    last = text[start:].strip()
    if last:
        parts.append(last)
    return parts


_ANNOTATION = re.compile(r"^Tensor\(([^)]*)\)")


def _parse_annotation(piece):
    """Annotation of one schema argument or return, e.g. "Tensor(a!)[] self".

    Returns None when the piece has no alias annotation, else a dict with the
    alias set before the op ("a!" -> {"a"}), the set after it (for "a -> *"),
    whether the op writes through it, and whether it is a list of tensors.
    """
    m = _ANNOTATION.match(piece)
    if not m:
        return None
    before, _, after = m.group(1).partition("->")
    before = before.strip()
    return {
        "before": frozenset(s.strip() for s in before.replace("!", "").split("|")),
        "after": frozenset(s.strip() for s in after.split("|")) if after else None,
        "write": "!" in before,
        "list": piece[m.end():].startswith("[]"),
    }


_ANNOTATION_CACHE = {}


def schema_annotations(schema):
    """(argument annotations, return annotations) of a torch._C.FunctionSchema,
    read from the alias annotations of its text ("Tensor(a!)", "Tensor(a)[]",
    "Tensor(a -> *)").  The text is used because torch's Python binding drops
    the alias set of list-typed arguments and returns."""
    text = str(schema)
    cached = _ANNOTATION_CACHE.get(text)
    if cached is not None:
        return cached
    head, arrow, rets = text.rpartition(") -> ")
    if not arrow:
        raise ExportError(f"cannot read the schema {text!r}")
    arg_text = head[head.index("(") + 1:]
    arg_pieces = [p for p in _split_top_level(arg_text) if p != "*"]
    rets = rets.strip()
    if rets.startswith("(") and rets.endswith(")"):
        rets = rets[1:-1]
    ret_pieces = _split_top_level(rets)
    if len(arg_pieces) != len(schema.arguments) or len(ret_pieces) != len(schema.returns):
        raise ExportError(f"cannot read the schema {text!r}")
    result = ([_parse_annotation(p) for p in arg_pieces], [_parse_annotation(p) for p in ret_pieces])
    # The binding keeps the write flag of every argument: the two readings must agree.
    for arg, ann in zip(schema.arguments, result[0]):
        bound = arg.alias_info is not None and arg.alias_info.is_write
        if bound != bool(ann and ann["write"]):
            raise ExportError(f"schema {text!r}: write annotation of {arg.name} unclear")
    _ANNOTATION_CACHE[text] = result
    return result


def op_type_name(schema):
    """"aten::add_" overload "Tensor" -> "aten.add_.Tensor"; the default overload is left off."""
    name = schema.name.replace("::", ".")
    return f"{name}.{schema.overload_name}" if schema.overload_name else name
