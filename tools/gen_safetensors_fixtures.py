#!/usr/bin/python3
"""Generates the safetensors fixtures of seqlearn-core's io tests from PyTorch.

Writes into core/src/test/resources/safetensors/:
  torch_lstm.safetensors     state_dict of a seeded nn.LSTM(3, 4, num_layers=2,
                             bidirectional=True) plus F64/I32/I64/scalar/empty tensors,
                             metadata {"format": "pt"}
  torch_lstm.expected.txt    the values torch produced, one tensor a line
  mixed.safetensors          F16 and BF16 tensors (special values included), a non-ASCII
                             tensor name, and several metadata entries with escapes
  mixed.expected.txt         its values and metadata

Expected-file format (UTF-8, one record a line, tab-separated):
  tensor <TAB> name <TAB> dtype <TAB> shape as d0,d1,.. (empty for a scalar) <TAB> values
      values are space-separated, row-major: floats as Python float.hex() of the exact
      value (F16/BF16: the value widened to float32; 'inf', '-inf', 'nan' spelled so),
      integers in decimal
  meta <TAB> hex of the key's UTF-8 bytes <TAB> hex of the value's UTF-8 bytes

The .safetensors files are written by a spec-exact writer in this script (8-byte
little-endian header length, compact JSON header with "__metadata__" first and tensors laid
out by descending dtype then name, padded with spaces to a multiple of 8, then the raw
little-endian data), which makes them byte-for-byte reproducible. When the reference
`safetensors` package is importable, the script also checks that the reference writes
torch_lstm.safetensors byte-identically and loads both files back to the same tensors and
metadata.

Rerun (from the repository root; needs Debian's python3 with torch and numpy):
  /usr/bin/python3 tools/gen_safetensors_fixtures.py
With the reference cross-check (the wheel ships on this machine image under /opt/pypi):
  /usr/bin/python3 -m pip install --no-deps --target /tmp/st-py \
      /opt/pypi/files/safetensors-*-manylinux*_x86_64.whl
  PYTHONPATH=/tmp/st-py /usr/bin/python3 tools/gen_safetensors_fixtures.py
"""

import json
import os
import struct
import sys

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test",
                   "resources", "safetensors")

# The reference implementation's dtype order; its writer sorts by descending dtype, then name.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0", "I16", "U16", "F16",
               "BF16", "I32", "U32", "F32", "C64", "F64", "I64", "U64"]
TORCH_DTYPES = {torch.float32: "F32", torch.float64: "F64", torch.float16: "F16",
                torch.bfloat16: "BF16", torch.int32: "I32", torch.int64: "I64"}


def raw_bytes(t):
    """Little-endian bytes of a contiguous tensor."""
    t = t.contiguous()
    if t.dtype == torch.bfloat16:
        return t.view(torch.int16).numpy().astype("<i2").tobytes()
    arr = t.numpy()
    return arr.astype(arr.dtype.newbyteorder("<")).tobytes()


def utf8_key(name):
    return name.encode("utf-8")


def write_safetensors(tensors, metadata):
    """Serialises like safetensors.torch.save (metadata keys sorted for determinism)."""
    order = sorted(tensors, key=lambda n: (-DTYPE_ORDER.index(TORCH_DTYPES[tensors[n].dtype]),
                                           utf8_key(n)))
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata, key=utf8_key)}
    offset = 0
    blobs = []
    for name in order:
        t = tensors[name]
        data = raw_bytes(t)
        header[name] = {"dtype": TORCH_DTYPES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def fmt_value(x, is_float):
    if not is_float:
        return str(int(x))
    x = float(x)
    if x != x:
        return "nan"
    if x in (float("inf"), float("-inf")):
        return "inf" if x > 0 else "-inf"
    return x.hex()


def expected_lines(tensors, metadata):
    lines = []
    for name in sorted(tensors, key=utf8_key):
        t = tensors[name]
        is_float = t.dtype.is_floating_point
        flat = (t.float() if t.dtype in (torch.float16, torch.bfloat16) else t).reshape(-1)
        values = " ".join(fmt_value(v, is_float) for v in flat.tolist())
        shape = ",".join(str(d) for d in t.shape)
        lines.append("\t".join(["tensor", name, TORCH_DTYPES[t.dtype], shape, values]))
    for k in sorted(metadata, key=utf8_key):
        lines.append("\t".join(["meta", k.encode("utf-8").hex(), metadata[k].encode("utf-8").hex()]))
    return "\n".join(lines) + "\n"


def lstm_fixture():
    torch.manual_seed(20261122)
    lstm = torch.nn.LSTM(input_size=3, hidden_size=4, num_layers=2, bidirectional=True)
    tensors = {k: v.detach().clone() for k, v in lstm.state_dict().items()}
    gen = torch.Generator().manual_seed(7)
    tensors["extra.f64"] = torch.randn(2, 3, dtype=torch.float64, generator=gen)
    tensors["extra.i32"] = torch.tensor([[-2**31, -1, 0], [1, 7, 2**31 - 1]], dtype=torch.int32)
    tensors["extra.i64"] = torch.tensor([-2**63, -1, 0, 2**53 + 1, 2**63 - 1], dtype=torch.int64)
    tensors["extra.scalar"] = torch.tensor(3.25, dtype=torch.float32)
    tensors["extra.empty"] = torch.zeros(0, 3, dtype=torch.float32)
    return tensors, {"format": "pt"}


def mixed_fixture():
    gen = torch.Generator().manual_seed(11)
    special = [0.0, -0.0, 1.0, -2.5, 65504.0, 6.0e-8, 1.0e-5, float("inf"), float("-inf")]
    tensors = {
        "half.randn": torch.randn(2, 5, generator=gen).half(),
        "half.special": torch.tensor(special, dtype=torch.float16),
        "bf16.randn": torch.randn(3, 2, generator=gen).bfloat16(),
        "bf16.special": torch.tensor([0.0, -0.0, 1.0, 3.0e38, -1.0e-38, float("inf")],
                                     dtype=torch.bfloat16),
        "größe.ñ": torch.arange(4, dtype=torch.float32),
    }
    metadata = {
        "format": "pt",
        "quote\"back\\slash": "line\nbreak\ttab\x01ctl",
        "unicode": "naïve ✓ 😀",
        "empty": "",
    }
    return tensors, metadata


def cross_check(name, tensors, metadata, ours):
    try:
        import safetensors.torch
        from safetensors import safe_open
    except ImportError:
        print(f"  {name}: reference safetensors not importable, cross-check skipped")
        return
    if len(metadata) <= 1:
        ref = safetensors.torch.save(tensors, metadata=metadata or None)
        assert ref == ours, f"{name}: reference bytes differ from ours"
        print(f"  {name}: byte-identical to safetensors {safetensors.__version__}")
    loaded = safetensors.torch.load(ours)
    assert sorted(loaded) == sorted(tensors)
    for k, t in tensors.items():
        assert loaded[k].dtype == t.dtype and torch.equal(loaded[k], t), k
    path = os.path.join(OUT, name + ".safetensors")
    with safe_open(path, framework="pt") as f:
        assert (f.metadata() or {}) == metadata, f.metadata()
    print(f"  {name}: reference loads identical tensors and metadata")


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (tensors, metadata) in [("torch_lstm", lstm_fixture()),
                                      ("mixed", mixed_fixture())]:
        data = write_safetensors(tensors, metadata)
        with open(os.path.join(OUT, name + ".safetensors"), "wb") as f:
            f.write(data)
        with open(os.path.join(OUT, name + ".expected.txt"), "w", encoding="utf-8") as f:
            f.write(expected_lines(tensors, metadata))
        print(f"{name}.safetensors: {len(data)} bytes, {len(tensors)} tensors")
        cross_check(name, tensors, metadata, data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
