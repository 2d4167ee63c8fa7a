# SPDX-License-Identifier: EUPL-1.2
"""Public API of the profiles app: ICT profiles, the application landscape with its shared
supplier and product records and contracts, the landscape file import and export, and who may see
and change them. Other apps call only this module.

The work is done per concept: `profile.py` (the ICT profile), `landscape.py` (applications,
suppliers, products), `imports.py` and `exports.py` (landscape files), `permissions.py` (who may
see what), `signals.py` (what the partner finder may read, per viewer), `history.py` (how both
enter the history). Every change checks its values (Dutch messages per field, nothing saved on
error), writes and records a full snapshot in the history; a save from an outdated copy raises
`EditConflict`."""

from .demo import load_demo_profiles
from .imports import import_file
from .landscape import (
    BIV_FIELDS,
    CONTRACT_FIELDS,
    application_versions,
    clean_application_values,
    current_values,
    delete_application,
    find_product,
    get_or_create_product,
    get_or_create_supplier,
    hosted_products,
    landscape,
    resolve_components,
    restore_application,
    save_application,
    update_application,
    upsert_application,
)
from .models import Application, Contract
from .permissions import (
    can_edit_landscape,
    can_edit_profile,
    can_view_contracts,
    can_view_landscape,
    can_view_profile,
    contract_visible_municipality_ids,
)
from .profile import (
    check_profile,
    profile_for,
    profile_versions,
    restore_profile,
    save_profile,
    shareable_cooperations,
    update_profile,
)
from .signals import (
    AMBITION_MAX,
    ContractSignals,
    LandscapeSignals,
    contract_signals,
    contract_visibility_key,
    landscape_signals,
)
from .signals import data_version as signals_version

__all__ = [
    "AMBITION_MAX",
    "BIV_FIELDS",
    "CONTRACT_FIELDS",
    "Application",
    "Contract",
    "ContractSignals",
    "LandscapeSignals",
    "application_versions",
    "can_edit_landscape",
    "can_edit_profile",
    "can_view_contracts",
    "can_view_landscape",
    "can_view_profile",
    "check_profile",
    "clean_application_values",
    "contract_signals",
    "contract_visibility_key",
    "contract_visible_municipality_ids",
    "current_values",
    "delete_application",
    "find_product",
    "get_or_create_product",
    "get_or_create_supplier",
    "import_file",
    "hosted_products",
    "landscape",
    "landscape_signals",
    "load_demo_profiles",
    "profile_for",
    "profile_versions",
    "resolve_components",
    "restore_application",
    "restore_profile",
    "save_application",
    "save_profile",
    "shareable_cooperations",
    "signals_version",
    "update_application",
    "update_profile",
    "upsert_application",
]
