"""Machine-readable descriptions of the person and the business: JSON-LD for search engines."""

from __future__ import annotations

from typing import Any

from .model import PageEntry, PersonView, SiteModel


def person_data(person: PersonView, model: SiteModel) -> dict[str, Any]:
    """A schema.org Person."""
    data: dict[str, Any] = {
        "@type": "Person",
        "@id": model.absolute_url("") + f"#person-{person.id}",
        "name": person.name,
        "jobTitle": person.role,
        "image": person.portrait_abs_url,
        "url": person.abs_url,
    }
    if person.social:
        data["sameAs"] = [link.url for link in person.social]
    if person.invitation.email:
        data["email"] = person.invitation.email
    if person.invitation.phone:
        data["telephone"] = person.invitation.phone
    return data


def business_data(model: SiteModel) -> dict[str, Any]:
    """A schema.org LocalBusiness or ProfessionalService with its people."""
    config = model.config
    business = config.business
    data: dict[str, Any] = {
        "@type": business.get("type", "LocalBusiness"),
        "@id": model.absolute_url("") + "#business",
        "name": business.get("name") or config.title,
        "url": model.base_url,
        "image": model.owner.portrait_abs_url,
        "founder": {"@id": model.absolute_url("") + f"#person-{model.owner.id}"},
        "employee": [{"@id": model.absolute_url("") + f"#person-{p.id}"} for p in model.people.values()],
    }
    if config.description:
        data["description"] = config.description
    if business.get("street") or business.get("city"):
        data["address"] = {"@type": "PostalAddress",
                           "streetAddress": business.get("street", ""),
                           "postalCode": business.get("postcode", ""),
                           "addressLocality": business.get("city", ""),
                           "addressCountry": business.get("country", "DE")}
    if config.contact.get("email"):
        data["email"] = config.contact["email"]
    if config.contact.get("phone"):
        data["telephone"] = config.contact["phone"]
    if config.social:
        data["sameAs"] = [s["url"] for s in config.social if "url" in s]
    return data


def page_data(entry: PageEntry, model: SiteModel) -> dict[str, Any]:
    """The JSON-LD graph of one page: its person, the business, and a post where it is one."""
    person = model.people[entry.person_id]
    graph = [person_data(person, model), business_data(model)]
    if entry.kind == "post" and entry.date:
        graph.append({
            "@type": "BlogPosting",
            "headline": entry.title,
            "description": entry.description,
            "datePublished": entry.date.isoformat(),
            "dateModified": (entry.updated or entry.date).isoformat(),
            "author": {"@id": model.absolute_url("") + f"#person-{person.id}"},
            "mainEntityOfPage": model.absolute_url(entry.path),
            "inLanguage": model.config.language,
        })
    return {"@context": "https://schema.org", "@graph": graph}
