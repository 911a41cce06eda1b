#!/usr/bin/python3
"""Generates PyTorch reference values and gradients for the seqlearn losses.

Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 tools/gen_loss_fixtures.py

Writes layers/src/test/resources/loss/{cross_entropy,bce,mse,ctc}.txt. Inputs are seeded
float32 values; the reference is computed by torch in float64 from those float32 values, so
it is exact to float precision. For reduction 'none' the gradient is that of sum(loss * gout)
with the recorded 'gout'.

Format (one block per case, blank line between cases):
    case <name>
    <key> <type> <shape> <values...>
type: f (floats), i (ints) or s (one word); shape: comma-separated dims, '-' for a scalar.
"""
import os

import torch

import fixture_text

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'layers', 'src', 'test',
                   'resources', 'loss')


def Writer(name):
    return fixture_text.Writer(OUT, name, 'gen_loss_fixtures.py')


def f32(t):
    """float32-representable values, held in float64."""
    return t.float().double()


def gout_for(loss, gen):
    if loss.dim() == 0:
        return None
    return f32(torch.randn(loss.shape, generator=gen, dtype=torch.float64))


def backward(loss, gout):
    if gout is None:
        loss.backward()
    else:
        (loss * gout).sum().backward()


def cross_entropy(w):
    gen = torch.Generator().manual_seed(1234)

    def case(name, logits, target, reduction='mean', ignore_index=-100, smoothing=0.0,
             weight=None, mask=None, class_axis=1):
        w.case(name)
        x = f32(logits).requires_grad_(True)
        t = target.clone()
        if mask is not None:
            t[mask == 0] = ignore_index
        xt = x if class_axis == 1 else x.movedim(class_axis, 1)
        loss = torch.nn.functional.cross_entropy(
            xt, t, weight=None if weight is None else f32(weight), reduction=reduction,
            ignore_index=ignore_index, label_smoothing=smoothing)
        gout = gout_for(loss, gen)
        backward(loss, gout)
        w.s('reduction', reduction)
        w.i('ignore_index', ignore_index)
        w.f('smoothing', torch.tensor(smoothing))
        w.i('class_axis', class_axis)
        if weight is not None:
            w.f('weight', f32(weight))
        if mask is not None:
            w.f('mask', mask)
        w.f('logits', x)
        w.i('target', target)
        if gout is not None:
            w.f('gout', gout)
        w.f('loss', loss)
        w.f('grad', x.grad)

    def randn(*shape):
        return torch.randn(*shape, generator=gen, dtype=torch.float64) * 2

    def randint(high, *shape):
        return torch.randint(0, high, shape, generator=gen)

    x = randn(5, 4)
    t = randint(4, 5)
    for red in ('mean', 'sum', 'none'):
        case('basic_' + red, x, t, reduction=red)
    t6 = torch.tensor([1, -100, 3, 0, -100, 2])
    x6 = randn(6, 4)
    for red in ('mean', 'sum', 'none'):
        case('ignore_' + red, x6, t6, reduction=red)
    case('ignore_pad_zero', x6, torch.tensor([1, 0, 3, 0, 2, 2]), ignore_index=0)
    x5 = randn(6, 5)
    t5 = torch.tensor([4, -100, 0, 2, 2, 1])
    for red in ('mean', 'sum', 'none'):
        case('smooth_' + red, x5, t5, reduction=red, smoothing=0.1)
    case('smooth_strong', x5, t5, smoothing=0.7)
    wt = torch.tensor([0.5, 2.0, 1.0, 0.25, 3.0])
    for red in ('mean', 'sum', 'none'):
        case('weight_' + red, x5, t5, reduction=red, weight=wt)
        case('weight_smooth_' + red, x5, t5, reduction=red, weight=wt, smoothing=0.2)
    xn = randn(2, 4, 3)
    tn = randint(4, 2, 3)
    case('nd_mean', xn, tn)
    case('nd_none', xn, tn, reduction='none', smoothing=0.1)
    xb = randn(2, 3, 4)
    tb = randint(4, 2, 3)
    mask = torch.tensor([[1.0, 1.0, 0.0], [1.0, 0.0, 0.0]])
    case('batch_time_mean', xb, tb, class_axis=-1)
    case('batch_time_mask_mean', xb, tb, class_axis=-1, mask=mask, smoothing=0.1)
    case('batch_time_mask_none', xb, tb, class_axis=-1, mask=mask, reduction='none')


def bce(w):
    gen = torch.Generator().manual_seed(99)
    x = torch.randn(3, 4, generator=gen, dtype=torch.float64) * 3
    x[0, 0], x[1, 1], x[2, 2] = 40.0, -40.0, 0.0
    y = torch.rand(3, 4, generator=gen, dtype=torch.float64)
    y[0, 1], y[1, 2] = 0.0, 1.0
    pw = torch.tensor([0.5, 1.0, 2.0, 3.0], dtype=torch.float64)
    for red in ('mean', 'sum', 'none'):
        for use_pw in (False, True):
            w.case(red + ('_pos_weight' if use_pw else ''))
            xi = f32(x).requires_grad_(True)
            yi = f32(y).requires_grad_(True)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(
                xi, yi, reduction=red, pos_weight=f32(pw) if use_pw else None)
            gout = gout_for(loss, gen)
            backward(loss, gout)
            w.s('reduction', red)
            if use_pw:
                w.f('pos_weight', f32(pw))
            w.f('logits', xi)
            w.f('target', yi)
            if gout is not None:
                w.f('gout', gout)
            w.f('loss', loss)
            w.f('grad', xi.grad)
            w.f('grad_target', yi.grad)


def mse(w):
    gen = torch.Generator().manual_seed(7)
    x = torch.randn(3, 4, generator=gen, dtype=torch.float64)
    y = torch.randn(3, 4, generator=gen, dtype=torch.float64)
    for red in ('mean', 'sum', 'none'):
        w.case(red)
        xi = f32(x).requires_grad_(True)
        yi = f32(y).requires_grad_(True)
        loss = torch.nn.functional.mse_loss(xi, yi, reduction=red)
        gout = gout_for(loss, gen)
        backward(loss, gout)
        w.s('reduction', red)
        w.f('input', xi)
        w.f('target', yi)
        if gout is not None:
            w.f('gout', gout)
        w.f('loss', loss)
        w.f('grad', xi.grad)
        w.f('grad_target', yi.grad)


def ctc(w):
    gen = torch.Generator().manual_seed(2024)
    T, N, C = 12, 4, 5

    def log_probs(t, n, c):
        logits = torch.randn(t, n, c, generator=gen, dtype=torch.float64) * 1.5
        return f32(logits.log_softmax(2))

    def case(name, lp, targets, in_len, tg_len, reduction='mean', blank=0, zero_inf=False,
             batch_first=False, with_grad=True):
        w.case(name)
        x = lp.clone().requires_grad_(True)
        loss = torch.nn.functional.ctc_loss(
            x, targets, torch.tensor(in_len), torch.tensor(tg_len), blank=blank,
            reduction=reduction, zero_infinity=zero_inf)
        gout = gout_for(loss, gen)
        if with_grad:
            backward(loss, gout)
        w.s('reduction', reduction)
        w.i('blank', blank)
        w.s('zero_infinity', str(zero_inf).lower())
        w.s('batch_first', str(batch_first).lower())
        w.f('log_probs', x.transpose(0, 1) if batch_first else x)
        w.i('targets', targets)
        w.i('input_lengths', torch.tensor(in_len))
        w.i('target_lengths', torch.tensor(tg_len))
        if gout is not None:
            w.f('gout', gout)
        w.f('loss', loss)
        if with_grad:
            w.f('grad', x.grad.transpose(0, 1) if batch_first else x.grad)

    lp = log_probs(T, N, C)
    # sample 0: repeated labels; 1: shorter input; 2: 2L-1 = T_i forces a blank between each
    # repeat and leaves no slack; 3: empty target.
    targets = torch.tensor([[1, 1, 2, 2, 3], [4, 3, 4, 0, 0], [2, 2, 2, 2, 2], [0, 0, 0, 0, 0]])
    in_len = [12, 10, 9, 7]
    tg_len = [5, 3, 5, 0]
    targets = targets.clone()
    for red in ('mean', 'sum', 'none'):
        case('padded_' + red, lp, targets, in_len, tg_len, reduction=red)
    concat = torch.cat([targets[b, :tg_len[b]] for b in range(N)])
    case('concatenated_mean', lp, concat, in_len, tg_len)
    case('batch_first_mean', lp, targets, in_len, tg_len, batch_first=True)
    blank_last = torch.tensor([[0, 0, 2, 2, 3], [1, 3, 1, 0, 0], [2, 2, 2, 2, 2], [0, 0, 0, 0, 0]])
    case('blank_last_sum', lp, blank_last, in_len, tg_len, reduction='sum', blank=C - 1)
    # sample 1 cannot be aligned: 3 repeats need 5 frames, only 4 are given.
    inf_targets = torch.tensor([[1, 2, 3], [3, 3, 3], [1, 4, 0], [2, 0, 0]])
    inf_in = [12, 4, 8, 5]
    inf_tg = [3, 3, 2, 1]
    case('infinite_none', lp, inf_targets, inf_in, inf_tg, reduction='none', with_grad=False)
    case('zero_infinity_mean', lp, inf_targets, inf_in, inf_tg, zero_inf=True)
    case('zero_infinity_none', lp, inf_targets, inf_in, inf_tg, reduction='none',
         zero_inf=True)
    lp_long = log_probs(30, 2, 6)
    long_targets = torch.tensor([[1, 2, 3, 4, 5, 5, 4, 3], [2, 2, 1, 1, 0, 0, 0, 0]])
    case('long_mean', lp_long, long_targets, [30, 25], [8, 4], blank=0)


def main():
    for name, fn in (('cross_entropy.txt', cross_entropy), ('bce.txt', bce), ('mse.txt', mse),
                     ('ctc.txt', ctc)):
        w = Writer(name)
        fn(w)
        w.save()
        print('wrote', w.path, len(w.lines), 'lines')


if __name__ == '__main__':
    main()
