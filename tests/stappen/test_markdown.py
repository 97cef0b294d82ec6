"""Chapter Markdown: ordinary formatting kept, every well-known XSS payload inert."""

import pytest

from stappen.markdown import naar_html

pytestmark = pytest.mark.django_db


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">klik</a>',
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](  javascript:alert(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<p onclick="alert(1)">klik</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<a href="&#106;avascript:alert(1)">x</a>',
    '![x](x" onerror="alert(1))',
    '<object data="javascript:alert(1)"></object>',
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "<input autofocus onfocus=alert(1)>",
]


@pytest.mark.parametrize("payload", XSS)
def test_markdown_renders_well_known_xss_payloads_inert(payload):
    html = naar_html(f"Tekst\n\n{payload}\n\n[ok](https://www.ccv.nl)").lower()
    for gevaar in (
        "<script",
        "javascript:",
        "onerror",
        "onload",
        "onclick",
        "onfocus",
        "<iframe",
        "<object",
        "<form",
        "<input",
        "<style",
        "style=",
        "data:",
    ):
        assert gevaar not in html
    assert "<p>tekst</p>" in html  # the text before the payload survives


def test_markdown_keeps_ordinary_formatting():
    html = naar_html("# Kop\n\n**vet**, *schuin*\n\n- een\n- twee")
    assert "<h3>Kop</h3>" in html
    assert "<strong>vet</strong>" in html and "<em>schuin</em>" in html
    assert "<li>een</li>" in html


def test_a_table_scrolls_inside_its_own_box():
    html = str(naar_html("| a | b |\n| --- | --- |\n| 1 | 2 |\n"))
    assert html.startswith('<div class="utrecht-table-container" role="region"')
    assert html.endswith("</table></div>")


def test_a_text_cannot_bring_its_own_box():
    html = str(naar_html('<div class="utrecht-table-container" tabindex="0">x</div>'))
    assert "utrecht-table-container" not in html
