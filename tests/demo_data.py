# SPDX-License-Identifier: EUPL-1.2
"""All demo data of `goedebuur demo` (accounts, cooperations, profiles and every capability's demo)."""

from importlib import import_module


def load_all_demo():
    from goedebuur.accounts.services import ensure_demo_accounts
    from goedebuur.cooperations.services import load_demo_cooperations, load_seed_cooperations
    from goedebuur.pages.management.commands.demo import CAPABILITY_DEMOS
    from goedebuur.profiles.demo import load_demo_profiles

    load_seed_cooperations()
    load_demo_cooperations()
    load_demo_profiles()
    ensure_demo_accounts()
    for module in CAPABILITY_DEMOS:
        import_module(module).load_demo()
