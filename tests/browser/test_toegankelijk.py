"""The main pages for every user, beyond axe: each control has a label of its own, and at
390 px wide (a phone) no page scrolls sideways (WCAG 1.3.1, 4.1.2 and 1.4.10)."""

from __future__ import annotations

import pytest

from ivp.demo import WACHTWOORD
from tests.browser.conftest import huidig_plan

pytestmark = [pytest.mark.browser]

# For each control on the page (details opened first): what is wrong with its label, if
# anything. `control.labels` must hold a label whose control is this very element (not one
# that belongs to another field with the same id), that is rendered and that has text.
CONTROLES_ZONDER_EIGEN_LABEL = """() => {
  document.querySelectorAll("details").forEach((d) => { d.open = true; });
  const fouten = [];
  const controles = document.querySelectorAll("input, select, textarea");
  for (const controle of controles) {
    if (controle.type === "hidden") continue;
    const naam = `${controle.tagName.toLowerCase()}[name=${controle.name}]#${controle.id}`;
    const labels = [...controle.labels];
    const eigen = labels.filter(
      (label) => label.control === controle && label.checkVisibility() &&
        label.textContent.trim() !== ""
    );
    if (eigen.length === 0) fouten.push(`${naam}: geen zichtbaar label van zichzelf`);
  }
  return {aantal: controles.length, fouten};
}"""


# The outermost elements that reach past the right edge, to say what to fix.
BREDE_ELEMENTEN = """() => {
  const breed = [...document.querySelectorAll("body *")].filter(
    (e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1
  );
  return breed
    .filter((e) => !breed.includes(e.parentElement))
    .slice(0, 5)
    .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
}"""


def hoofdpaginas(page) -> list[str]:
    """The start page, the current plan and its main pages, a document, a chapter's edit
    form and a meeting, found by following links as a user would."""
    page.goto("/")
    page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
    plan = page.url.removeprefix(page.url.split("/plannen/")[0])
    paginas = ["/", plan, f"{plan}bewerken/", "/plannen/nieuw/"]
    paginas += [f"{plan}{deel}/" for deel in ("analyse", "prioritering", "ivp", "documenten")]
    paginas += [f"{plan}{deel}/" for deel in ("werkgroep", "uren")] + ["/agenda/"]
    page.goto(f"{plan}documenten/")
    document = page.locator("main a[href^='/documenten/']").first.get_attribute("href")
    page.goto(document)
    paginas.append(document)
    bewerken = page.locator("main a[href*='/hoofdstukken/']").first
    if bewerken.count():
        paginas.append(bewerken.get_attribute("href"))
    page.goto(f"{plan}werkgroep/")
    bijeenkomst = page.locator("main a[href^='/bijeenkomsten/']").first
    if bijeenkomst.count():
        paginas.append(bijeenkomst.get_attribute("href"))
    return paginas


def test_every_control_on_the_main_pages_has_a_visible_label_of_its_own(page, demo, login):
    login(page, "coordinator", WACHTWOORD)
    bekeken = {}
    fouten = []
    for url in hoofdpaginas(page):
        response = page.goto(url)
        assert response is not None and response.ok, url
        uitkomst = page.evaluate(CONTROLES_ZONDER_EIGEN_LABEL)
        bekeken[url] = uitkomst["aantal"]
        fouten += [f"{url}: {fout}" for fout in uitkomst["fouten"]]
    assert not fouten, "\n".join(fouten)
    assert sum(bekeken.values()) > 20, bekeken  # the forms were really there


@pytest.mark.parametrize("gebruiker", ["coordinator", "politie"])
def test_no_main_page_scrolls_sideways_on_a_phone(page, demo, login, screenshot, gebruiker):
    login(page, gebruiker, WACHTWOORD)
    paginas = hoofdpaginas(page) if gebruiker == "coordinator" else ["/"]
    if gebruiker != "coordinator":
        page.get_by_role("link", name=huidig_plan().titel, exact=True).click()
        plan = page.url.removeprefix(page.url.split("/plannen/")[0])
        paginas += [plan, f"{plan}uren/", f"{plan}prioritering/", f"{plan}werkgroep/"]
    page.set_viewport_size({"width": 390, "height": 844})
    te_breed = []
    for url in paginas:
        page.goto(url)
        breedte = page.evaluate("document.documentElement.scrollWidth")
        if breedte > 390:
            breed = page.evaluate(BREDE_ELEMENTEN)
            te_breed.append(f"{url}: {breedte} px breed; te breed: {', '.join(breed)}")
            screenshot(page, f"390-{gebruiker}-{url.strip('/').replace('/', '-') or 'start'}")
    assert not te_breed, "\n".join(te_breed)
