"""The mail that tells an ansvarig their status update was sent back, with the strateg's
comment and a link straight to the status form (absolute, from `STYR_BASE_URL`)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from styr.org.addresses import mail_address
from styr.plans.models import StatusReview

logger = logging.getLogger("styr.plans")


def recipient(review: StatusReview) -> str:
    """The author's address: their account's, else their person's (`styr.org.addresses`);
    "" for none."""
    author = review.update.author
    if author is None:
        return ""
    account = getattr(author, "account", None)
    return mail_address(account.person if account is not None else None, author)


def returned_mail(review: StatusReview, to: str) -> EmailMultiAlternatives:
    update = review.update
    action = update.action
    context = {
        "review": review,
        "update": update,
        "action": action,
        "plan": action.plan,
        "form_url": settings.BASE_URL
        + reverse("plans:report_status", args=[action.plan.slug, action.pk]),
    }
    subject = _("Din statusuppdatering skickades tillbaka: %(action)s") % {"action": action.title}
    mail = EmailMultiAlternatives(
        subject, render_to_string("plans/mail/returned.txt", context), to=[to]
    )
    mail.attach_alternative(render_to_string("plans/mail/returned.html", context), "text/html")
    return mail


def send_returned(review: StatusReview) -> bool:
    """Send the notice; a mail server that fails is logged, the decision stands."""
    to = recipient(review)
    if not to:
        logger.info(
            "status update %s sent back; its author has no e-mail address", review.update_id
        )
        return False
    try:
        returned_mail(review, to).send()
    except OSError as error:  # smtplib's errors are OSErrors
        logger.warning(
            "could not send the sent-back notice for update %s: %s", review.update_id, error
        )
        return False
    return True
