"""Help screens in the words of command-line conventions, not Python's: typer writes each parameter's Python type
(``<bool>``, ``<list[Path]>``) beside it and a required argument as ``{paths}...``; claimcheck's help shows the
metavar a parameter declares (``FILE``, ``FORMAT``, ``N``) or its name in capitals, nothing for a flag, and
arguments as ``PATHS...`` / ``[PATH]``.

typer offers no setting for this, so the parameters of every command are given subclasses that answer typer's
display hooks that way (a hook an older or newer typer does not call is simply unused; a test reads the screens).
"""

from __future__ import annotations

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption


def _name(param) -> str:
    return param.metavar or (param.name or "").upper()


class _Argument(TyperArgument):
    def display_type_rich(self, ctx) -> str | None:
        return None  # the name column already shows the metavar

    def _rich_display_name(self) -> str:
        name = _name(self)
        return name if self.metavar or self.nargs == 1 else name + "..."

    def _usage_display_name(self) -> str:
        name = _name(self)
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"


class _Option(TyperOption):
    def display_type_rich(self, ctx) -> str | None:
        if self.is_flag or self.count:
            return None
        return _name(self)


def _plain(params) -> None:
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = _Argument
        elif type(param) is TyperOption:
            param.__class__ = _Option


class _Command(TyperCommand):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        _plain(params)  # the help option is made here, on demand
        return params


class _Group(TyperGroup):
    def get_params(self, ctx):
        params = super().get_params(ctx)
        _plain(params)
        return params


def plain_help(command) -> None:
    """Give ``command`` and all its subcommands help screens without Python types."""
    if type(command) is TyperGroup:
        command.__class__ = _Group
    elif type(command) is TyperCommand:
        command.__class__ = _Command
    _plain(command.params)
    for subcommand in getattr(command, "commands", {}).values():
        plain_help(subcommand)
