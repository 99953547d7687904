"""Matrix products for the model's layers from numpy's BLAS, on one thread.

thinc's ``NumpyOps`` multiplies matrices with blis. numpy's wheels bundle OpenBLAS, whose
kernels use the wider vector units of recent CPUs: on the AVX-512 development machine a
float32 product of the shapes tok2vec uses runs at about 97 GFLOP/s against blis' 33,
and the parse is about a quarter faster as a whole. The results are the same products,
rounded as float32; on the scale sample every tag, head, label and entity came out equal.

OpenBLAS is limited to one thread (as blis runs), so that one claimledger process uses
one core and workers scale as processes. The ops are set on the models of the pipeline
claimledger's fast path owns; a pipeline the user builds (``nlp.add_pipe("claimledger")``)
is left as it is. ``CLAIMLEDGER_GEMM=blis`` keeps thinc's own.

>>> use_blas_gemm(load_model())  # doctest: +SKIP
True
"""

from __future__ import annotations

import os

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


_limited = False


def _one_blas_thread() -> bool:
    """Limit numpy's BLAS to one thread in this process; False when that cannot be done."""
    global _limited
    if not _limited:
        try:
            from threadpoolctl import threadpool_info, threadpool_limits
        except ImportError:
            return False
        if not any(pool.get("user_api") == "blas" for pool in threadpool_info()):
            return False
        threadpool_limits(limits=1, user_api="blas")
        _limited = True
    return True


def use_blas_gemm(nlp: Language) -> bool:
    """Give the pipeline's neural components BlasOps; True when done, False when kept as they were
    (``CLAIMLEDGER_GEMM=blis``, or numpy's BLAS cannot be held to one thread)."""
    if os.environ.get("CLAIMLEDGER_GEMM", "blas").lower() == "blis" or not _one_blas_thread():
        return False
    ops = BlasOps()
    for name in COMPONENTS:
        if name in nlp.pipe_names:
            model = getattr(nlp.get_pipe(name), "model", None)
            if model is not None:
                for node in model.walk():
                    node.ops = ops
    return True
