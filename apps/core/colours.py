"""Readable text on a colour a desk chose (a rating's badge): the desk and the public site both
draw verdicts in their rating's own colour."""


def luminance(colour: str) -> float:
    """WCAG relative luminance of a #rrggbb colour."""

    def channel(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(colour[i : i + 2]) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def text_colour_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (#rrggbb): a desk chooses its ratings'
    colours, and every one of them must stay readable (WCAG contrast of at least 4.5:1; one of
    the two always reaches it)."""
    value = luminance(colour)
    on_white = 1.05 / (value + 0.05)
    on_black = (value + 0.05) / 0.05
    return "#000000" if on_black >= on_white else "#ffffff"
