"""The draft banner a plan page shows: `{% load imports %}{% draft_banner plan %}`.

A tag rather than context from the plan view, so the draft's facts, its import record and
the publish button stay with the imports app that writes them; the public page of a
published plan pays nothing for it (no query)."""

from django import template

from styr.accounts.policy import can
from styr.imports.models import PlanImport

register = template.Library()


@register.inclusion_tag("imports/draft_banner.html", takes_context=True)
def draft_banner(context, plan):
    """For a draft: who imported it from which file and when, the names to review, and the
    publish button for those who may publish. Nothing for a published plan."""
    if not plan.is_draft:
        return {"draft": False}
    user = context["request"].user
    return {
        "draft": True,
        "plan": plan,
        "record": PlanImport.objects.filter(plan=plan).select_related("imported_by").first(),
        "may_publish": can(user, "plans.publish_plan", plan),
        "csrf_token": context.get("csrf_token"),
    }
