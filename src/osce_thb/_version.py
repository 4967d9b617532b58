"""The version of osce_thb, in one place (read by hatchling and by the package)."""

__version__ = "0.1.0.dev0"
