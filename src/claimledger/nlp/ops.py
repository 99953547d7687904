"""Matrix products for the model's layers from numpy's BLAS, on one thread.

thinc's ``NumpyOps`` multiplies matrices with blis. numpy's wheels bundle OpenBLAS, whose
kernels use the wider vector units of recent CPUs: on the AVX-512 development machine a
float32 product of the shapes tok2vec uses runs at about 97 GFLOP/s against blis' 33,
and the parse is about a quarter faster as a whole. The results are the same products,
rounded as float32; on the scale sample every tag, head, label and entity came out equal.

While claimledger parses, OpenBLAS is held to one thread (blis runs on one), so that one
claimledger process uses one core and workers scale as processes; the rest of the process
keeps its own setting. The ops are set on the models of the pipeline claimledger's fast
path owns; a pipeline the user builds (``nlp.add_pipe("claimledger")``) is left as it is.
``CLAIMLEDGER_GEMM=blis`` keeps thinc's own.

Why it pays: blis picks its kernels by CPU model, and on CPUs it does not know (the
development machine's AMD EPYC in a VM, as ``BLIS_ARCH_DEBUG=1`` shows) it falls back to
its generic reference kernels; OpenBLAS has kernels for them. On a CPU blis knows, the
gain is smaller.

>>> use_blas_gemm(load_model())  # doctest: +SKIP
True
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

import numpy
from spacy.language import Language
from thinc.api import NumpyOps

COMPONENTS = ("tok2vec", "tagger", "parser", "ner")


class BlasOps(NumpyOps):
    """thinc's NumpyOps with ``gemm`` done by numpy's matmul (its bundled BLAS)."""

    def gemm(self, x, y, out=None, trans1=False, trans2=False):  # type: ignore[override]
        a = x.T if trans1 else x
        b = y.T if trans2 else y
        if out is None:
            return numpy.matmul(a, b)
        numpy.matmul(a, b, out=out)
        return out


_CONTROLLER = None


def _controller():
    """threadpoolctl's view of this process' BLAS libraries, or None without numpy's BLAS or threadpoolctl."""
    global _CONTROLLER
    if _CONTROLLER is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:
            _CONTROLLER = False
        else:
            controller = ThreadpoolController()
            _CONTROLLER = controller if controller.select(user_api="blas").lib_controllers else False
    return _CONTROLLER or None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """Hold numpy's BLAS to one thread while the block runs (the rest of the process keeps its setting)."""
    controller = _controller()
    if controller is None:
        yield
        return
    with controller.limit(limits=1, user_api="blas"):
        yield


def use_blas_gemm(nlp: Language) -> bool:
    """Give the pipeline's neural components BlasOps; True when done, False when kept as they were
    (``CLAIMLEDGER_GEMM=blis``, or numpy's BLAS cannot be held to one thread). Run the models inside
    :func:`one_blas_thread`."""
    if os.environ.get("CLAIMLEDGER_GEMM", "blas").lower() == "blis" or _controller() is None:
        return False
    ops = BlasOps()
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            model = getattr(nlp.get_pipe(name), "model", None)
            if model is not None:
                for node in model.walk():
                    node.ops = ops
    return True
