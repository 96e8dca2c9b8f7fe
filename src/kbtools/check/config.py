"""`[tool.kbtools]` in `pyproject.toml`, and turning rule names into a rule selection.

Configuration is found like Ruff's: the nearest `pyproject.toml` with a `[tool.kbtools]` table,
from the working directory upward (or the file given with `--config`). Globs in it are relative
to the directory of that file. The command line wins over the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

from kbtools.check.engine import RuleSelection
from kbtools.check.finding import SEVERITIES, Severity
from kbtools.check.globs import compile_glob
from kbtools.check.registry import Rule, all_rules
from kbtools.page.input_file import CONFIG_LIMIT, InputFileError, read_input_file, too_deep

CONFIG_FILE = "pyproject.toml"
ALL = "ALL"
KEYS = ("select", "ignore", "locale", "severity", "per-file-ignores", "exclude", "english")


class ConfigError(Exception):
    """A configuration file that cannot be used; the message names the file."""


class SelectorError(ValueError):
    """A rule id or family name that no rule has."""


@dataclass(frozen=True)
class Layer:
    """One source of `select` / `ignore` (the file, then the command line)."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


class GlobSet:
    """Gitignore-like globs over '/'-separated paths relative to a root.

    A pattern without '/' matches any one path component (`drafts`, `*.tmp.md`); a pattern with
    '/' matches from the root, `**` spans directories. A pattern that matches a directory
    matches everything under it.
    """

    def __init__(self, patterns: Iterable[str]):
        self.patterns = tuple(patterns)
        self._anywhere = [compile_glob(p) for p in self.patterns if "/" not in p.strip("/")]
        self._rooted = [compile_glob(p.strip("/")) for p in self.patterns if "/" in p.strip("/")]

    def matches(self, relative: str) -> bool:
        parts = PurePosixPath(relative).parts
        if any(regex.fullmatch(part) for regex in self._anywhere for part in parts):
            return True
        prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        return any(regex.fullmatch(prefix) for regex in self._rooted for prefix in prefixes)

    def __bool__(self) -> bool:
        return bool(self.patterns)


@dataclass(frozen=True)
class Config:
    """What a `[tool.kbtools]` table says; the defaults when there is none."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    locale: str | None = None
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    english: Path | None = None  # the current English pages, relative paths from the file's directory

    @cached_property
    def excluded(self) -> GlobSet:
        return GlobSet(self.exclude)

    @cached_property
    def _per_file(self) -> list[tuple[GlobSet, frozenset[str]]]:
        return [(GlobSet([glob]), frozenset(expand(names))) for glob, names in self.per_file_ignores.items()]

    def relative(self, path: Path) -> str | None:
        """The path relative to the configuration's directory, or None when outside it."""
        try:
            return path.absolute().relative_to(self.root.absolute()).as_posix()
        except ValueError:
            return None

    def is_excluded(self, path: Path) -> bool:
        relative = self.relative(path)
        return relative is not None and self.excluded.matches(relative)

    def ignored_rules(self, path: Path) -> frozenset[str]:
        """The rule ids that `per-file-ignores` turns off for this file."""
        relative = self.relative(path)
        if relative is None:
            return frozenset()
        ignored: set[str] = set()
        for globs, rules in self._per_file:
            if globs.matches(relative):
                ignored |= rules
        return frozenset(ignored)


def find_config(start: Path) -> Path | None:
    """The nearest `pyproject.toml` with a `[tool.kbtools]` table, from `start` upward."""
    for directory in (start.absolute(), *start.absolute().parents):
        candidate = directory / CONFIG_FILE
        if candidate.is_file() and "tool" in (data := _read_toml(candidate)) and "kbtools" in data["tool"]:
            return candidate
    return None


def load_config(path: Path) -> Config:
    """Read and validate `[tool.kbtools]` from one file. Raises ConfigError."""
    data = _read_toml(path)
    table = data.get("tool", {}).get("kbtools") if isinstance(data.get("tool"), dict) else None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: no [tool.kbtools] table")
    where = f"{path}: [tool.kbtools]"
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(f"{where} has unknown key '{unknown[0]}' (known: {', '.join(KEYS)})")

    def names(key: str, value: object) -> tuple[str, ...]:
        if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ConfigError(f"{where} {key} must be a list of strings")
        try:
            expand(value)
        except SelectorError as error:
            raise ConfigError(f"{where} {key}: {error}") from None
        return tuple(value)

    select = names("select", table["select"]) if "select" in table else None
    ignore = names("ignore", table.get("ignore", []))
    locale = table.get("locale")
    if locale is not None and not isinstance(locale, str):
        raise ConfigError(f"{where} locale must be a string such as 'zh-TW'")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f'{where} severity must be a table such as {{untranslated = "error"}}')
    for name, level in severity.items():
        names("severity", [name])
        if level not in SEVERITIES:
            raise ConfigError(f"{where} severity.{name} must be one of {', '.join(SEVERITIES)}, not {level!r}")
    per_file = table.get("per-file-ignores", {})
    if not isinstance(per_file, dict):
        raise ConfigError(f"{where} per-file-ignores must be a table of glob = [rules]")
    per_file_ignores = {glob: names(f"per-file-ignores.{glob!r}", rules) for glob, rules in per_file.items()}
    exclude = table.get("exclude", [])
    if not (isinstance(exclude, list) and all(isinstance(v, str) for v in exclude)):
        raise ConfigError(f"{where} exclude must be a list of globs")
    english = table.get("english")
    if english is not None and not (isinstance(english, str) and english.strip()):
        raise ConfigError(f"{where} english must be the path of a directory of English pages")
    return Config(
        path=path,
        root=path.absolute().parent,
        select=select,
        ignore=ignore,
        locale=locale,
        severity=severity,
        per_file_ignores=per_file_ignores,
        exclude=tuple(exclude),
        english=path.absolute().parent / english if english is not None else None,
    )


def _read_toml(path: Path) -> dict:
    """A TOML file, read under `page.input_file`'s rules (a regular file, bounded in size and nesting)."""
    try:
        return tomllib.loads(read_input_file(path, CONFIG_LIMIT, "configuration").decode("utf-8"))
    except InputFileError as error:
        raise ConfigError(str(error)) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {_one_line(str(error))}") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    except RecursionError:
        raise ConfigError(too_deep(path, "TOML")) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _specificity(name: str, rules: Mapping[str, Rule]) -> tuple[int, set[str]]:
    """How specific a selector is (a rule id beats a family beats ALL) and what it selects."""
    if name in rules:
        return 2, {name}
    family = {rule.id for rule in rules.values() if rule.family == name}
    if family:
        return 1, family
    if name == ALL:
        return 0, set(rules)
    from kbtools.usage import did_you_mean

    known = [*rules, *sorted({rule.family for rule in rules.values()}), ALL]
    raise SelectorError(f"unknown rule or family '{name}'{did_you_mean(name, known)} (see `kbtools rules`)")


def expand(names: Iterable[str]) -> set[str]:
    """The rule ids that rule ids, family names or ALL stand for. Raises SelectorError."""
    rules = all_rules()
    selected: set[str] = set()
    for name in names:
        selected |= _specificity(name, rules)[1]
    return selected


def split_names(value: str) -> tuple[str, ...]:
    """`a,b, c` -> ('a', 'b', 'c'), as `--select` and `--ignore` take them."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def resolve_selection(layers: Sequence[Layer], severity: Mapping[str, Severity] | None = None) -> RuleSelection:
    """Apply `select`/`ignore` layers in order, like Ruff.

    A layer with `select` starts over from what it selects; its `ignore` then removes rules,
    except where a more specific `select` names them (`select = ["protected-term"]` with
    `ignore = ["terms"]` keeps protected-term). A layer without `select` only removes.
    Severity overrides by rule id beat overrides by family.
    """
    rules = all_rules()
    enabled = set(rules)
    for layer in layers:
        ignored = {rule: -1 for rule in rules}
        for name in layer.ignore:
            level, ids = _specificity(name, rules)
            for rule in ids:
                ignored[rule] = max(ignored[rule], level)
        if layer.select is not None:
            chosen = {rule: -1 for rule in rules}
            for name in layer.select:
                level, ids = _specificity(name, rules)
                for rule in ids:
                    chosen[rule] = max(chosen[rule], level)
            enabled = {rule for rule in rules if chosen[rule] > ignored[rule]}
        else:
            enabled = {rule for rule in enabled if ignored[rule] < 0}
    severities: dict[str, tuple[int, Severity]] = {}
    for name, level_name in (severity or {}).items():
        level, ids = _specificity(name, rules)
        for rule in ids:
            if rule not in severities or severities[rule][0] <= level:
                severities[rule] = (level, level_name)
    return RuleSelection(
        enabled=tuple(rule for rule in rules if rule in enabled),
        severities={rule: value for rule, (_, value) in severities.items()},
    )
