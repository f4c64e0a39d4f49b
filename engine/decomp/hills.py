"""The bundled 'hills' image as code: integer arithmetic only, so a snippet redraws the very same pixels anywhere.

``resources/images/hills_512.pgm`` is this function's output (a test keeps them equal); "show the code" embeds
:data:`HILLS_CODE` so the low-rank numbers it prints match the lab's without any file of this project.
"""

from __future__ import annotations

import numpy as np

__all__ = ["HILLS_CODE", "hills_image", "hills_pgm"]

HILLS_CODE = '''\
def hills_image(size=512):
    """The bundled 'hills' landscape, drawn with integer arithmetic only (the same pixels on every machine)."""
    y, x = np.mgrid[0:size, 0:size].astype(np.int64) * 512 // size
    img = 200 - y * 50 // 512                                  # the sky: lighter at the top
    img = np.where((x - 384) ** 2 + (y - 100) ** 2 < 40**2, 250, img)   # the sun

    def ridge(base, bumps):
        """Height of a range of hills: a base line raised by parabolic bumps (centre, half-width, height)."""
        top = np.full(512, base, dtype=np.int64)
        xs = np.arange(512, dtype=np.int64)
        for c, w, h in bumps:
            top = top - np.maximum(0, w * w - (xs - c) ** 2) * h // (w * w)
        return top

    far = ridge(230, [(60, 70, 30), (250, 90, 40), (450, 80, 70), (340, 40, 20)])
    mid = ridge(320, [(130, 60, 90), (60, 40, 60), (390, 70, 70), (460, 50, 90), (250, 40, 40)])
    near = ridge(400, [(60, 30, 80), (230, 40, 90), (400, 30, 80), (170, 25, 40), (300, 30, 50), (480, 30, 40)])
    for top, shade in ((far, 150), (mid, 115), (near, 75)):
        img = np.where(y >= top[x], shade + (y - top[x]) // 8, img)
    for c in range(25, 200, 20):                               # a row of trees: dark triangles
        peak = 380 + (c * 37) % 25
        img = np.where((y >= peak) & (y < 440) & (np.abs(x - c) * 4 < y - peak), 35, img)
    wave = np.abs(x % 128 - 64) * (y - 400) // 160             # the lake: bands bent by a triangle wave
    img = np.where(y >= 440, 100 + np.abs((y * 4 + wave) % 48 - 24) * 2, img)
    noise = (x * 7919 + y * 104729) ** 2 % 9973 % 9 - 4        # light grain from a fixed integer hash
    return np.clip(img + noise, 0, 255).astype(np.uint8)
'''
"""Source of ``hills_image(size=512)`` (needs only ``np``): the landscape as a uint8 array."""


def hills_image(size: int = 512) -> np.ndarray:
    """The 'hills' landscape as uint8 pixels, by running :data:`HILLS_CODE` (the one copy of the drawing)."""
    namespace: dict[str, object] = {"np": np}
    exec(HILLS_CODE, namespace)  # our own constant source text, shared verbatim with the snippet
    return namespace["hills_image"](size)  # type: ignore[operator]


def hills_pgm(size: int = 512) -> bytes:
    """The landscape as a binary PGM file (what ``resources/images/hills_512.pgm`` holds)."""
    return f"P5\n{size} {size}\n255\n".encode("ascii") + hills_image(size).tobytes()
