from django import template

register = template.Library()


@register.filter
def role_label(role: str, labels: dict[str, str]) -> str:
    """The partnership's own name for a role: `{{ assignment.role|role_label:labels }}`."""
    return labels.get(role, role)
