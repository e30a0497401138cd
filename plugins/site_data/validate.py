"""Check the data package against its Table Schemas with Frictionless.

Frictionless does the schema work (types, required, enum, ranges, keys, foreign
keys); this module only checks the encoding first and rewrites Frictionless's
reports into one line a writer can act on.
"""

from __future__ import annotations

import csv
import difflib
from pathlib import Path, PurePosixPath
from typing import Any

import frictionless

from .errors import DataProblem

TYPE_FIXES = {
    "date": "write the date as YYYY-MM-DD, e.g. 2015-01-01",
    "integer": "write a whole number without commas, spaces or units, e.g. 90800",
    "number": "write a number with a dot for decimals and no units, e.g. 36.34",
    "boolean": "write true or false",
    "string": "write plain text",
}


def check_utf8(csv_path: Path, display_path: str) -> list[DataProblem]:
    """Report the first line of a CSV that is not valid UTF-8."""
    data = csv_path.read_bytes()
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return [
            DataProblem(
                display_path,
                f"byte {data[err.start]:#04x} is not valid UTF-8",
                row=line,
                fix="save the file as UTF-8 (in a spreadsheet: CSV UTF-8)",
            )
        ]
    return []


def validate_package(
    descriptor: dict[str, Any], base_dir: Path, display_dir: str
) -> list[DataProblem]:
    """Return every schema problem in every resource of the package."""
    problems: list[DataProblem] = []
    for resource in descriptor["resources"]:
        path = resource.get("path", "")
        csv_path = base_dir / path
        if not csv_path.is_file():
            problems.append(
                DataProblem(
                    f"{display_dir}/{path}",
                    f"the file listed for resource '{resource.get('name')}' is missing",
                    fix=f"add the file or correct the path in {display_dir}/datapackage.json",
                )
            )
            continue
        problems += check_utf8(csv_path, f"{display_dir}/{path}")
    if problems:
        return problems
    package = frictionless.Package(descriptor, basepath=str(base_dir))
    report = package.validate(limit_errors=1000)
    for task in report.tasks:
        resource = next(r for r in descriptor["resources"] if r["name"] == task.name)
        display_path = f"{display_dir}/{resource['path']}"
        problems += [
            _describe(error, display_path, resource, descriptor, base_dir)
            for error in task.errors
        ]
    problems += [
        DataProblem(f"{display_dir}/datapackage.json", error.message)
        for error in report.errors
    ]
    return problems


def _describe(
    error: Any,
    path: str,
    resource: dict[str, Any],
    descriptor: dict[str, Any],
    base_dir: Path,
) -> DataProblem:
    fields = {f["name"]: f for f in resource.get("schema", {}).get("fields", [])}
    row = getattr(error, "row_number", None)
    if error.type == "foreign-key":
        return _foreign_key_problem(error, path, descriptor, base_dir)
    column = getattr(error, "field_name", None)
    cell = getattr(error, "cell", None)
    field = fields.get(column or "", {})
    message, fix = _explain(error, cell, field, resource)
    return DataProblem(path, message, row=row, column=column, fix=fix)


def _foreign_key_problem(
    error: Any, path: str, descriptor: dict[str, Any], base_dir: Path
) -> DataProblem:
    column = ",".join(error.field_names)
    value = ",".join(str(c) for c in error.field_cells)
    target = next(
        r for r in descriptor["resources"] if r["name"] == error.reference_name
    )
    known = _column_values(base_dir / target["path"], error.reference_field_names[0])
    target_path = f"{PurePosixPath(path).parent}/{target['path']}"
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return DataProblem(
        path,
        f'"{value}" is not a known {column} in {target_path}',
        row=error.row_number,
        column=column,
        fix=f"{hint}correct the id, or add a row for it to {target_path}",
    )


def _column_values(csv_path: Path, column: str) -> list[str]:
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def _explain(
    error: Any, cell: Any, field: dict[str, Any], resource: dict[str, Any]
) -> tuple[str, str | None]:
    kind = error.type
    if kind == "type-error":
        if field.get("format") == "uri":
            return (
                f'"{cell}" is not a web address',
                "write the full URL, starting https://",
            )
        ftype = field.get("type", "string")
        return f'"{cell}" is not a valid {ftype}', TYPE_FIXES.get(ftype)
    if kind == "constraint-error":
        return _explain_constraint(error, cell, field)
    if kind == "primary-key":
        key = ", ".join(resource["schema"].get("primaryKey", []))
        return (
            f"duplicate row: {error.note}",
            f"each row needs a unique ({key}); remove the copy or correct it",
        )
    return ROW_SHAPE_PROBLEMS.get(kind, (error.message, None))


ROW_SHAPE_PROBLEMS = {
    "extra-cell": (
        "this row has more values than the header has columns",
        'put quotes around a value that contains a comma, e.g. "Report, 2016"',
    ),
    "missing-cell": (
        "this row has fewer values than the header has columns",
        "add the missing value (an empty one is two commas in a row: ,,)",
    ),
}


def _explain_constraint(
    error: Any, cell: Any, field: dict[str, Any]
) -> tuple[str, str | None]:
    constraints = field.get("constraints", {})
    note = error.note or ""
    if note.startswith('constraint "required"'):
        return "a value is required here", f"fill in the {field.get('name')} column"
    if note.startswith('constraint "enum"'):
        allowed = [str(v) for v in constraints.get("enum", [])]
        close = difflib.get_close_matches(str(cell), allowed, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return f'"{cell}" is not an allowed value', hint + "use one of: " + ", ".join(
            allowed
        )
    if note.startswith(('constraint "minimum"', 'constraint "maximum"')):
        low, high = constraints.get("minimum"), constraints.get("maximum")
        bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
        if low is None:
            bounds = f"at most {high}"
        return f'"{cell}" is out of range', f"the value must be {bounds}"
    if note.startswith('constraint "unique"'):
        return (
            f'"{cell}" appears more than once',
            "each value in this column must be unique",
        )
    return f'"{cell}" breaks a rule: {note}', None
