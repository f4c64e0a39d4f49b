"""Low-rank images: the truncated SVD is the best rank-k approximation (Eckart–Young)."""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

import numpy as np

from engine.resources import resource_path

__all__ = [
    "ImageError",
    "ImageSvd",
    "LowRank",
    "RankSteps",
    "low_rank_summary",
    "rank_steps",
    "rank_image",
    "IMAGES",
    "image_svd",
    "low_rank",
    "read_pgm",
    "bundled_image",
    "bundled_svd",
    "bundled_steps",
]

IMAGES: dict[str, str] = {"hills": "images/hills_512.pgm"}
"""Bundled grayscale images (binary PGM, read with numpy alone)."""

MAX_SIDE = 1024
CHECKPOINT_EVERY = 32
"""Rank-k pictures are kept at every 32nd k (float64 sums in float32): any k is at most 16 rank-one terms away."""
GEMM_CHUNK = 262_144
"""Rows × terms × columns of one product below which OpenBLAS stays on the calling thread: the worker threads it
wakes for larger ones spin-wait, and on a busy machine the GUI thread then waits for (and burns CPU beside) them."""


class ImageError(ValueError):
    """An image cannot be used (wrong format, too large, empty); the message says why."""


@dataclass(frozen=True)
class ImageSvd:
    """The thin SVD of an image (values 0..1): pixels = U diag(s) Vᵀ."""

    u: np.ndarray
    s: np.ndarray
    vt: np.ndarray

    @property
    def shape(self) -> tuple[int, int]:
        return (self.u.shape[0], self.vt.shape[1])


@dataclass(frozen=True)
class LowRank:
    """The rank-k approximation and what it costs and loses."""

    k: int
    image: np.ndarray
    error: float
    """√(σ²_{k+1} + … + σ²_r) from the spectrum alone; by Eckart–Young it equals ‖A − A_k‖_F, the least possible."""
    relative_error: float
    storage: int
    """Numbers stored: k (m + n + 1)."""
    storage_ratio: float
    """storage / (m n)."""


@dataclass(frozen=True)
class RankSteps:
    """An image's SVD in float32 with its partial sums at every ``every``-th rank: the rank-k picture for any k from
    the nearest partial sum and at most ``every / 2`` rank-one terms (a slider step costs the same at every k)."""

    us: np.ndarray
    """U diag(s), float32 (m × r)."""
    vt: np.ndarray
    """Vᵀ, float32 (r × n)."""
    marks: np.ndarray
    """The ranks whose pictures are kept: 0, every, 2 every, …, and r."""
    partial: np.ndarray
    """partial[i] = the rank-marks[i] picture (summed in float64, kept in float32)."""


def rank_steps(svd: ImageSvd, every: int = CHECKPOINT_EVERY) -> RankSteps:
    """The partial sums of ``svd`` at every ``every``-th rank (~30 ms and 17 MB for 512 × 512: run it once, off the
    GUI thread, beside the SVD).

    Parameters
    ----------
    svd : ImageSvd
        The thin SVD of the picture.
    every : int
        Ranks between two kept partial sums.

    Returns
    -------
    RankSteps
        Float32 factors and partial sums for :func:`rank_image`.
    """
    us = svd.u * svd.s
    r = len(svd.s)
    marks = np.array(sorted(set(range(0, r + 1, every)) | {r}), dtype=int)
    partial = np.empty((len(marks), *svd.shape), dtype=np.float32)
    acc = np.zeros(svd.shape)
    for i, (lo, hi) in enumerate(zip(np.r_[0, marks[:-1]], marks, strict=True)):
        acc += us[:, lo:hi] @ svd.vt[lo:hi]
        partial[i] = acc
    return RankSteps(us.astype(np.float32), svd.vt.astype(np.float32), marks, partial)


def _terms(steps: RankSteps, lo: int, hi: int, out: np.ndarray) -> np.ndarray:
    """Rank-one terms lo..hi-1 summed, in row blocks small enough for OpenBLAS to keep on this thread."""
    a, b = steps.us[:, lo:hi], steps.vt[lo:hi]
    rows = max(1, GEMM_CHUNK // max(1, (hi - lo) * b.shape[1]))
    for r in range(0, a.shape[0], rows):
        np.matmul(a[r : r + rows], b, out=out[r : r + rows])
    return out


def rank_image(steps: RankSteps, k: int) -> np.ndarray:
    """The rank-``k`` picture (k clamped to 1..r) in float32: the nearest kept partial sum plus or minus the terms
    between; within ~1e-6 of the float64 truncated SVD whatever k was shown before."""
    r = int(steps.marks[-1])
    k = int(min(max(k, 1), r))
    i = int(np.abs(steps.marks - k).argmin())
    mark = int(steps.marks[i])
    kept = steps.partial[i]
    if k == mark:
        return kept.copy()
    lo, hi = sorted((mark, k))
    delta = _terms(steps, lo, hi, np.empty_like(kept))
    return np.add(kept, delta, out=delta) if k > mark else np.subtract(kept, delta, out=delta)  # no copy of the sum


def read_pgm(data: bytes) -> np.ndarray:
    """A binary (P5) 8-bit PGM as floats in 0..1; ImageError naming the problem otherwise."""
    parts: list[bytes] = []
    pos = 0
    while len(parts) < 4:
        while pos < len(data) and data[pos : pos + 1].isspace():
            pos += 1
        if data[pos : pos + 1] == b"#":
            pos = data.find(b"\n", pos) + 1 or len(data)
            continue
        end = pos
        while end < len(data) and not data[end : end + 1].isspace():
            end += 1
        if end == pos:
            raise ImageError("the PGM header is incomplete")
        parts.append(data[pos:end])
        pos = end
    if parts[0] != b"P5":
        raise ImageError("only binary PGM (P5) images are read here")
    try:
        w, h, maxval = (int(p) for p in parts[1:])
    except ValueError:
        raise ImageError("the PGM header holds a non-number") from None
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE and 0 < maxval < 256):
        raise ImageError(f"a {w}×{h} image with maximum {maxval} is not supported (at most {MAX_SIDE} pixels a side)")
    pixels = data[pos + 1 : pos + 1 + w * h]
    if len(pixels) != w * h:
        raise ImageError(f"the PGM file is cut short: {len(pixels)} of {w * h} pixels")
    return np.frombuffer(pixels, dtype=np.uint8).reshape(h, w).astype(float) / maxval


def image_svd(pixels: np.ndarray) -> ImageSvd:
    """The thin SVD of a 2-D image array (finite values); ImageError for an empty or non-finite image.

    Parameters
    ----------
    pixels : numpy.ndarray
        h × w grayscale values.

    Returns
    -------
    ImageSvd
        U, s, Vᵀ as numpy.linalg.svd gives them (``full_matrices=False``).
    """
    a = np.asarray(pixels, dtype=float)
    if a.ndim != 2 or a.size == 0:
        raise ImageError("the image is empty")
    if not np.isfinite(a).all():
        raise ImageError("the image holds non-finite values")
    u, s, vt = np.linalg.svd(a, full_matrices=False)
    return ImageSvd(u, s, vt)


def low_rank(svd: ImageSvd, k: int) -> LowRank:
    """The rank-``k`` approximation of an image from its SVD (k clamped to 1..len(s)), with error and storage."""
    k = int(min(max(k, 1), len(svd.s)))
    return replace(low_rank_summary(svd, k), image=(svd.u[:, :k] * svd.s[:k]) @ svd.vt[:k])


def low_rank_summary(svd: ImageSvd, k: int) -> LowRank:
    """Error and storage of the rank-``k`` approximation from the spectrum alone (``image`` left empty)."""
    k = int(min(max(k, 1), len(svd.s)))
    image = np.zeros((0, 0))
    total = float(np.sqrt(np.sum(svd.s**2)))
    discarded = float(np.sqrt(np.sum(svd.s[k:] ** 2)))
    m, n = svd.shape
    storage = k * (m + n + 1)
    return LowRank(k=k, image=image, error=discarded,
                   relative_error=discarded / total if total > 0 else 0.0, storage=storage,
                   storage_ratio=storage / (m * n))  # fmt: skip


@functools.lru_cache(maxsize=4)
def bundled_image(name: str) -> np.ndarray:
    """A bundled image by name (read once)."""
    if name not in IMAGES:
        raise ImageError(f"no bundled image {name!r}; choose one of {', '.join(IMAGES)}")
    return read_pgm(resource_path(IMAGES[name]).read_bytes())


@functools.lru_cache(maxsize=4)
def bundled_svd(name: str) -> ImageSvd:
    """The SVD of a bundled image, computed once per run (about 0.1 s for 512 × 512)."""
    return image_svd(bundled_image(name))


@functools.lru_cache(maxsize=2)
def bundled_steps(name: str) -> RankSteps:
    """The :func:`rank_steps` of a bundled image, computed once per run."""
    return rank_steps(bundled_svd(name))
