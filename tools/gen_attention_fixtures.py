#!/usr/bin/python3
"""Generates PyTorch reference values for seqlearn's attention layers (org.seqlearn.attention).

Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 tools/gen_attention_fixtures.py

Writes attention/src/test/resources/attention/<case>.safetensors, one file per case, float32
tensors (inputs, parameters under the Java module's state-dict names, expected outputs and the
gradients of sum(context * gout) + sum(weights * gwout)). Integer lengths are I32. Torch computes
in float64 from float32 inputs, so the references are exact to float precision.

- additive*: the course's scorer built the way the course draws it: [s repeated over t'; a] is
  concatenated and fed to nn.Linear(10) -> tanh -> nn.Linear(1) -> relu, masked softmax over t'.
- luong_dot, luong_general: scores s.a and s W a by torch.bmm.
- sdpa*: torch's own F._scaled_dot_product_attention (boolean masks, is_causal).
- mha*: torch's nn.MultiheadAttention(batch_first=True) with key_padding_mask / causal attn_mask.
"""
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_safetensors_fixtures import write_safetensors  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'attention', 'src', 'test',
                   'resources', 'attention')


def rand(*shape):
    """float32-representable normal values, held in float64, requiring grad."""
    return torch.randn(*shape).float().double().requires_grad_(True)


def padding(lengths, tx):
    """True at padded steps, [batch, tx]."""
    return torch.arange(tx)[None, :] >= torch.tensor(lengths)[:, None]


def save(name, tensors, lengths, context, weights, grads):
    gout = torch.randn(context.shape).float().double()
    gwout = torch.randn(weights.shape).float().double()
    ((context * gout).sum() + (weights * gwout).sum()).backward()
    out = {k: v.detach().float() for k, v in tensors.items()}
    out['gout'] = gout.float()
    out['gwout'] = gwout.float()
    out['expected_context'] = context.detach().float()
    out['expected_weights'] = weights.detach().float()
    for k in grads:
        out['grad_' + k] = tensors[k].grad.float()
    if lengths is not None:
        out['lengths'] = torch.tensor(lengths, dtype=torch.int32)
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + '.safetensors'), 'wb') as fh:
        fh.write(write_safetensors(out, {'generator': 'tools/gen_attention_fixtures.py',
                                         'torch': torch.__version__}))


def additive(name, lengths, units=10):
    b, tx, ty, fq, fa = 2, 5, 3, 4, 6
    s, a = rand(b, ty, fq), rand(b, tx, fa)
    w0, b0 = rand(units, fq + fa), rand(units)
    w1, b1 = rand(1, units), (torch.tensor([0.8]).double().requires_grad_(True))
    dense0, dense1 = nn.Linear(fq + fa, units).double(), nn.Linear(units, 1).double()
    dense0.weight, dense0.bias = nn.Parameter(w0), nn.Parameter(b0)
    dense1.weight, dense1.bias = nn.Parameter(w1), nn.Parameter(b1)
    # the course's picture: s<t-1> repeated over t', concatenated with a<t'>
    concat = torch.cat([s[:, :, None, :].expand(b, ty, tx, fq),
                        a[:, None, :, :].expand(b, ty, tx, fa)], dim=-1)
    e = torch.relu(dense1(torch.tanh(dense0(concat)))).squeeze(-1)  # [b, ty, tx]
    if lengths is not None:
        e = e.masked_fill(padding(lengths, tx)[:, None, :], float('-inf'))
    alpha = torch.softmax(e, dim=-1)
    context = torch.bmm(alpha, a)
    tensors = {'query': s, 'memory': a, 'dense0.weight': dense0.weight,
               'dense0.bias': dense0.bias, 'dense1.weight': dense1.weight,
               'dense1.bias': dense1.bias}
    save(name, tensors, lengths, context, alpha, list(tensors))


def luong(name, general, lengths):
    b, tx, ty, fq, fa = 2, 5, 3, 4, 6 if general else 4
    s, a = rand(b, ty, fq), rand(b, tx, fa)
    tensors = {'query': s, 'memory': a}
    keys = a
    if general:
        w = rand(fq, fa)
        tensors['proj.weight'] = w
        keys = a @ w.t()
    e = torch.bmm(s, keys.transpose(1, 2))
    e = e.masked_fill(padding(lengths, tx)[:, None, :], float('-inf'))
    alpha = torch.softmax(e, dim=-1)
    save(name, tensors, lengths, torch.bmm(alpha, a), alpha, list(tensors))


def sdpa(name, lengths, causal):
    b, t, d = 2, 5, 4
    q, k, v = rand(b, t, d), rand(b, t, d), rand(b, t, d)
    # torch's boolean mask is True where a score takes part
    mask = None
    if lengths is not None:
        mask = (~padding(lengths, t))[:, None, :].expand(b, t, t)
        if causal:
            mask = mask & torch.ones(t, t, dtype=torch.bool).tril()
        causal = False
    context, alpha = F._scaled_dot_product_attention(q, k, v, attn_mask=mask,
                                                     need_attn_weights=True, is_causal=causal)
    save(name, {'query': q, 'key': k, 'value': v}, lengths, context, alpha, ['query', 'key', 'value'])


def mha(name, lengths, causal):
    b, ty, tx, e, h = 2, 3, 5, 6, 2
    if causal:
        ty = tx
    q, k, v = rand(b, ty, e), rand(b, tx, e), rand(b, tx, e)
    m = nn.MultiheadAttention(e, h, batch_first=True).double()
    with torch.no_grad():
        for p in m.parameters():
            p.copy_(torch.randn(p.shape).float().double())
    kpm = padding(lengths, tx) if lengths is not None else None
    attn_mask = torch.ones(ty, tx, dtype=torch.bool).triu(1) if causal else None
    out, alpha = m(q, k, v, key_padding_mask=kpm, attn_mask=attn_mask, need_weights=True)
    tensors = {'query': q, 'key': k, 'value': v, 'in_proj_weight': m.in_proj_weight,
               'in_proj_bias': m.in_proj_bias, 'out_proj.weight': m.out_proj.weight,
               'out_proj.bias': m.out_proj.bias}
    save(name, tensors, lengths, out, alpha, list(tensors))


def main():
    torch.manual_seed(12)
    additive('additive_masked', [5, 3])
    additive('additive_unmasked', None)
    luong('luong_dot', False, [2, 5])
    luong('luong_general', True, [5, 4])
    sdpa('sdpa', None, False)
    sdpa('sdpa_causal', None, True)
    sdpa('sdpa_causal_masked', [5, 3], True)
    mha('mha_masked', [5, 2], False)
    mha('mha_causal', None, True)


if __name__ == '__main__':
    main()
