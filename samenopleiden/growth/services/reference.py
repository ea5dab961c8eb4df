"""The platform-wide reference rows of the workspace part: the seven growth variants and the joining process
template. `load_reference_data` adds what is missing and leaves rows the platform administrator changed alone; the
data migration (0002) and the demo both call it."""

from __future__ import annotations

from typing import Any

from .. import variant_data

VARIANT_FIELDS = (
    "order",
    "name",
    "summary",
    "governance",
    "finance",
    "organisation",
    "support",
    "quality",
    "advantages",
    "disadvantages",
    "questions",
)
STEP_FIELDS = ("order", "title", "description", "rule", "days", "month", "day")


def load_reference_data(variant_model: Any = None, step_model: Any = None) -> tuple[int, int]:
    """(variants added, template steps added). Models may be passed (a migration's historical models)."""
    if variant_model is None or step_model is None:
        from ..models import GrowthVariant, OnboardingStepTemplate

        variant_model, step_model = GrowthVariant, OnboardingStepTemplate
    added_variants = 0
    for row in variant_data.VARIANTS:
        _, created = variant_model.objects.get_or_create(
            code=row["code"], defaults={name: row[name] for name in VARIANT_FIELDS if name in row}
        )
        added_variants += created
    added_steps = 0
    for row in variant_data.ONBOARDING_STEPS:
        _, created = step_model.objects.get_or_create(
            code=row["code"], defaults={name: row[name] for name in STEP_FIELDS if name in row}
        )
        added_steps += created
    return added_variants, added_steps
