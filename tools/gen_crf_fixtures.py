#!/usr/bin/python3
"""Generates PyTorch reference values for the linear-chain CRF (org.seqlearn.layers.crf).

Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 tools/gen_crf_fixtures.py

Writes layers/src/test/resources/crf/crf.txt. The CRF here is the standard torchcrf-style
formulation written out in torch (batch-first emissions [B, T, K], a mask from the lengths,
transitions [K, K] with [i, j] = score of tag i followed by tag j, start and end transitions):
the numerator is the gold path score, the denominator the forward algorithm with logsumexp, the
gradients come from torch's autograd, and Viterbi is the usual max-product with back-pointers.
Constrained cases set forbidden transitions to -inf before the same computation.
Inputs are seeded float32 values; everything is computed in float64.
"""
import os

import torch

import fixture_text

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'layers', 'src', 'test',
                   'resources', 'crf')


def f32(t):
    return t.float().double()


def mask_of(lengths, time):
    return torch.arange(time)[None, :] < torch.tensor(lengths)[:, None]


def gold_score(emissions, tags, mask, trans, start, end):
    batch, time, _ = emissions.shape
    idx = torch.arange(batch)
    score = start[tags[:, 0]] + emissions[idx, 0, tags[:, 0]]
    for t in range(1, time):
        step = trans[tags[:, t - 1], tags[:, t]] + emissions[idx, t, tags[:, t]]
        score = score + torch.where(mask[:, t], step, torch.zeros_like(step))
    last = mask.long().sum(1) - 1
    return score + end[tags[idx, last]]


def log_partition(emissions, mask, trans, start, end):
    time = emissions.shape[1]
    alpha = start[None, :] + emissions[:, 0]
    for t in range(1, time):
        nxt = torch.logsumexp(alpha[:, :, None] + trans[None, :, :], dim=1) + emissions[:, t]
        alpha = torch.where(mask[:, t, None], nxt, alpha)
    return torch.logsumexp(alpha + end[None, :], dim=1)


def viterbi(emissions, mask, trans, start, end):
    batch, time, _ = emissions.shape
    delta = start[None, :] + emissions[:, 0]
    pointers = []
    for t in range(1, time):
        best, arg = (delta[:, :, None] + trans[None, :, :]).max(dim=1)
        nxt = best + emissions[:, t]
        delta = torch.where(mask[:, t, None], nxt, delta)
        pointers.append(arg)
    lengths = mask.long().sum(1)
    paths = torch.full((batch, time), -1, dtype=torch.long)
    for b in range(batch):
        tag = int((delta[b] + end).argmax())
        n = int(lengths[b])
        paths[b, n - 1] = tag
        for t in range(n - 1, 0, -1):
            tag = int(pointers[t - 1][b, tag])
            paths[b, t - 1] = tag
    return paths


def forbid(trans, start, end, allowed, allowed_start, allowed_end):
    ninf = torch.tensor(float('-inf'), dtype=torch.float64)
    return (torch.where(allowed, trans, ninf), torch.where(allowed_start, start, ninf),
            torch.where(allowed_end, end, ninf))


def bio_masks(names):
    k = len(names)
    allowed = torch.zeros(k, k, dtype=torch.bool)
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            if b.startswith('I-'):
                allowed[i, j] = a[:1] in 'BI' and a != 'O' and a[2:] == b[2:]
            else:
                allowed[i, j] = True
    start = torch.tensor([not n.startswith('I-') for n in names])
    end = torch.ones(k, dtype=torch.bool)
    return allowed, start, end


def case(w, name, gen, batch, time, k, lengths, reduction, names=None, tags=None):
    w.case(name)
    em = f32(torch.randn(batch, time, k, generator=gen, dtype=torch.float64) * 2)
    tr = f32(torch.randn(k, k, generator=gen, dtype=torch.float64))
    st = f32(torch.randn(k, generator=gen, dtype=torch.float64))
    en = f32(torch.randn(k, generator=gen, dtype=torch.float64))
    if tags is None:
        tags = torch.randint(0, k, (batch, time), generator=gen)
    mask = mask_of(lengths, time)
    params = [t.clone().requires_grad_(True) for t in (em, tr, st, en)]
    e, a, s, n = params
    if names is not None:
        a, s, n = forbid(a, s, n, *bio_masks(names))
    nll = log_partition(e, mask, a, s, n) - gold_score(e, tags, mask, a, s, n)
    gout = None
    if reduction == 'none':
        gout = f32(torch.randn(batch, generator=gen, dtype=torch.float64))
        loss = nll
        (nll * gout).sum().backward()
    else:
        loss = nll.sum() if reduction == 'sum' else nll.mean()
        loss.backward()
    with torch.no_grad():
        paths = viterbi(e, mask, a, s, n)
    w.s('reduction', reduction)
    w.s('constraints', 'bio' if names else 'none')
    if names:
        w.s('tag_names', ','.join(names))
    w.i('lengths', torch.tensor(lengths))
    w.f('emissions', em)
    w.f('transitions', tr)
    w.f('start', st)
    w.f('end', en)
    w.i('tags', tags)
    if gout is not None:
        w.f('gout', gout)
    w.f('loss', loss.detach())
    w.f('log_z', log_partition(e, mask, a, s, n).detach())
    for key, p in zip(('grad_emissions', 'grad_transitions', 'grad_start', 'grad_end'), params):
        w.f(key, p.grad)
    w.i('viterbi', paths)


def main():
    w = fixture_text.Writer(OUT, 'crf.txt', 'gen_crf_fixtures.py')
    gen = torch.Generator().manual_seed(2024)
    for red in ('sum', 'mean', 'none'):
        case(w, 'masked_' + red, gen, 3, 5, 4, [5, 3, 1], red)
    case(w, 'full_length', gen, 2, 7, 3, [7, 7], 'sum')
    case(w, 'many_tags', gen, 4, 6, 9, [6, 2, 4, 5], 'mean')
    names = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC']
    gold = torch.tensor([[1, 2, 2, 0, 3, 4], [0, 3, 4, 0, 0, 0], [3, 0, 1, 2, 0, 0]])
    case(w, 'bio_constrained_sum', gen, 3, 6, 5, [6, 3, 4], 'sum', names=names, tags=gold)
    case(w, 'bio_constrained_none', gen, 3, 6, 5, [6, 5, 6], 'none', names=names, tags=gold)
    w.save()


if __name__ == '__main__':
    main()
