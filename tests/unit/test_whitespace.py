"""Blank lines left by templates are dropped, except where white space is kept."""

from chancery.whitespace import drop_blank_lines


def test_blank_lines_between_tags_are_dropped_and_indentation_kept() -> None:
    html = "<div>\n    \n  <p>a</p>\n\t\n\n</div>\n"
    assert drop_blank_lines(html) == "<div>\n  <p>a</p>\n</div>\n"


def test_preformatted_code_script_and_style_keep_their_blank_lines() -> None:
    kept = [
        "<pre><code>x = 1\n\n    \ny = 2</code></pre>",
        "<TEXTAREA name=t>a\n\nb</TEXTAREA >",
        "<script>\n\nvar a;\n  \n</script>",
        "<style>\n\nbody{}\n</style>",
        "<kbd>a\n\nb</kbd>",
    ]
    for block in kept:
        assert drop_blank_lines(f"<p>\n\n{block}\n  \n</p>") == f"<p>\n{block}\n</p>"


def test_an_element_without_its_closing_tag_does_not_protect_the_rest() -> None:
    html = "<code>never closed\n\n<p>\n\n</p>\n<pre>a\n\nb</pre>\n\n"
    assert drop_blank_lines(html) == "<code>never closed\n<p>\n</p>\n<pre>a\n\nb</pre>\n"


def test_a_kept_element_ends_at_its_own_closing_tag() -> None:
    html = "<pre>a\n\n</pre>\n\n<code>b\n\n</code>"
    assert drop_blank_lines(html) == "<pre>a\n\n</pre>\n<code>b\n\n</code>"
