"""Blank lines and indentation left by templates go, except where white space is kept."""

from chancery.render.whitespace import compact_html


def test_blank_lines_and_indentation_between_tags_go() -> None:
    html = "<div>\n    \n  <p>a\n     b</p>\n\t\n\n</div>\n"
    assert compact_html(html) == "<div>\n<p>a\nb</p>\n</div>\n"


def test_white_space_within_a_line_is_kept() -> None:
    assert compact_html("<p>a  <b>b</b> c</p>") == "<p>a  <b>b</b> c</p>"


def test_preformatted_code_script_and_style_keep_their_white_space() -> None:
    kept = [
        "<pre><code>x = 1\n\n    \n    y = 2</code></pre>",
        "<TEXTAREA name=t>a\n\n  b</TEXTAREA >",
        "<script>\n\n  var a;\n  \n</script>",
        "<style>\n\n  body{}\n</style>",
        "<kbd>a\n\n b</kbd>",
    ]
    for block in kept:
        assert compact_html(f"<p>\n\n  {block}\n  \n</p>") == f"<p>\n{block}\n</p>"


def test_an_element_without_its_closing_tag_does_not_protect_the_rest() -> None:
    html = "<code>never closed\n\n  <p>\n\n</p>\n<pre>a\n\n  b</pre>\n\n"
    assert compact_html(html) == "<code>never closed\n<p>\n</p>\n<pre>a\n\n  b</pre>\n"


def test_a_kept_element_ends_at_its_own_closing_tag() -> None:
    html = "<pre>a\n\n</pre>\n\n  <code>b\n\n</code>"
    assert compact_html(html) == "<pre>a\n\n</pre>\n<code>b\n\n</code>"
