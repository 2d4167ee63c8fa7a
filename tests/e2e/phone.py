# SPDX-License-Identifier: EUPL-1.2
"""Checks of a page as a phone shows it (issue 20, item 7): no horizontal scroll of the page itself
(a wide table scrolls inside its own `.table-wrap`) and no word broken across two lines."""

PHONE = {"width": 375, "height": 740}

# The document is no wider than the window.
PAGE_WIDTH = "() => [document.documentElement.scrollWidth, window.innerWidth]"

# Words (letters only, at least 4) in the page's visible text that the browser split over two lines:
# a Range over one word with more than one line box. Inside elements that scroll sideways
# themselves (a table in .table-wrap) nothing is broken: their content keeps its width.
BROKEN_WORDS = r"""() => {
  const broken = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  const word = /\p{L}{4,}/gu;
  // Only whole words: a web address, file name or e-mail address may break where it must.
  const tokenOf = (text, at) => text.slice(text.lastIndexOf(' ', at) + 1).split(/\s/)[0];
  let node;
  while ((node = walker.nextNode())) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg, script, style, [hidden], .visually-hidden')) continue;
    const style = getComputedStyle(parent);
    if (style.display === 'none' || style.visibility === 'hidden') continue;
    if (!parent.getClientRects().length) continue;
    let m;
    while ((m = word.exec(node.data))) {
      if (/[\/.:_@=]/.test(tokenOf(node.data, m.index).replace(/[.,:;!?)]+$/, ''))) continue;
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set();
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


def overflow(page) -> int:
    """How many pixels the page is wider than the window (0: no horizontal scroll)."""
    width, window = page.evaluate(PAGE_WIDTH)
    return max(0, width - window)


def broken_words(page) -> list[str]:
    return page.evaluate(BROKEN_WORDS)
