#!/usr/bin/python3
"""Generates PyTorch reference trajectories for the seqlearn optimizers, LR schedules and
gradient clipping.

Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 tools/gen_optim_fixtures.py

Writes layers/src/test/resources/optim/{optimizers,schedules,clipping}.txt in the format of
tools/gen_loss_fixtures.py ('case <name>' then '<key> <f|i|s> <shape|-> <values...>').

optimizers.txt: two float32 params (shapes [3, 4] and [5]) get a seeded gradient at each of
STEPS steps (param 1 gets none at step 2, so it must be skipped), set manually on p.grad;
'p<k>_<i>' is param i after step k (k = 1..STEPS), 'g<k>_<i>' its gradient at step k.
"""
import os

import torch

import fixture_text

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'layers', 'src', 'test',
                   'resources', 'optim')
STEPS = 5


def Writer(name):
    return fixture_text.Writer(OUT, name, 'gen_optim_fixtures.py', precision='float64')


OPTIMIZERS = [
    ('sgd_plain', torch.optim.SGD, dict(lr=0.1)),
    ('sgd_momentum', torch.optim.SGD, dict(lr=0.05, momentum=0.9)),
    ('sgd_dampening_wd', torch.optim.SGD, dict(lr=0.05, momentum=0.8, dampening=0.3,
                                               weight_decay=0.01)),
    ('sgd_nesterov', torch.optim.SGD, dict(lr=0.05, momentum=0.9, nesterov=True,
                                           weight_decay=0.001)),
    ('rmsprop_plain', torch.optim.RMSprop, dict(lr=0.01)),
    ('rmsprop_momentum_centered', torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, eps=1e-6,
                                                            momentum=0.5, centered=True,
                                                            weight_decay=0.01)),
    ('rmsprop_centered', torch.optim.RMSprop, dict(lr=0.005, centered=True)),
    ('adam_plain', torch.optim.Adam, dict(lr=0.01)),
    ('adam_wd_betas', torch.optim.Adam, dict(lr=0.02, betas=(0.8, 0.95), eps=1e-6,
                                             weight_decay=0.05)),
    ('adam_amsgrad', torch.optim.Adam, dict(lr=0.01, amsgrad=True)),
    ('adamw_plain', torch.optim.AdamW, dict(lr=0.01)),
    ('adamw_amsgrad', torch.optim.AdamW, dict(lr=0.03, betas=(0.85, 0.99), weight_decay=0.1,
                                              amsgrad=True)),
]


def optimizers(w):
    for name, cls, opts in OPTIMIZERS:
        gen = torch.Generator().manual_seed(len(name) * 31 + 5)
        params = [torch.randn(3, 4, generator=gen).requires_grad_(True),
                  torch.randn(5, generator=gen).requires_grad_(True)]
        w.case(name)
        w.s('optimizer', name.split('_')[0])
        for key, value in sorted(opts.items()):
            if key == 'betas':
                w.f('beta1', value[0])
                w.f('beta2', value[1])
            else:
                w.f(key, float(value))
        for i, p in enumerate(params):
            w.f('init_%d' % i, p.detach())
        opt = cls(params, **opts)
        for k in range(1, STEPS + 1):
            # growing magnitudes exercise the amsgrad maximum
            grads = [torch.randn(p.shape, generator=gen) * (0.5 + (k % 3)) for p in params]
            for i, (p, g) in enumerate(zip(params, grads)):
                if k == 2 and i == 1:
                    p.grad = None
                else:
                    p.grad = g.clone()
                    w.f('g%d_%d' % (k, i), g)
            opt.step()
            for i, p in enumerate(params):
                w.f('p%d_%d' % (k, i), p.detach())


def schedules(w):
    steps = 14

    def record(name, make, opts):
        p = torch.zeros(1, requires_grad=True)
        opt = torch.optim.SGD([p], lr=0.1)
        sched = make(opt)
        lrs = [opt.param_groups[0]['lr']]
        for _ in range(steps):
            opt.step()
            sched.step()
            lrs.append(opt.param_groups[0]['lr'])
        w.case(name)
        for key, value in opts.items():
            w.f(key, float(value))
        w.f('lr', torch.tensor(lrs, dtype=torch.float64))

    S = torch.optim.lr_scheduler
    record('step', lambda o: S.StepLR(o, step_size=3, gamma=0.5), dict(step_size=3, gamma=0.5))
    record('exponential', lambda o: S.ExponentialLR(o, gamma=0.9), dict(gamma=0.9))
    record('cosine', lambda o: S.CosineAnnealingLR(o, T_max=5, eta_min=0.001),
           dict(t_max=5, eta_min=0.001))
    record('cosine_zero_min', lambda o: S.CosineAnnealingLR(o, T_max=10),
           dict(t_max=10, eta_min=0.0))
    record('linear', lambda o: S.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=4),
           dict(start_factor=0.25, end_factor=1.0, total_iters=4))

    def warmup_cosine(o):
        warm = S.LinearLR(o, start_factor=0.1, end_factor=1.0, total_iters=3)
        cos = S.CosineAnnealingLR(o, T_max=8, eta_min=0.005)
        return S.SequentialLR(o, [warm, cos], milestones=[3])
    record('warmup_cosine', warmup_cosine,
           dict(start_factor=0.1, end_factor=1.0, total_iters=3, t_max=8, eta_min=0.005,
                milestone=3))

    def warmup_step(o):
        warm = S.LinearLR(o, start_factor=0.5, end_factor=1.0, total_iters=2)
        st = S.StepLR(o, step_size=4, gamma=0.3)
        return S.SequentialLR(o, [warm, st], milestones=[5])
    record('warmup_step', warmup_step,
           dict(start_factor=0.5, end_factor=1.0, total_iters=2, step_size=4, gamma=0.3,
                milestone=5))


def clipping(w):
    gen = torch.Generator().manual_seed(77)
    for name, max_norm, norm_type, scale in (('norm2_clipped', 1.0, 2.0, 3.0),
                                             ('norm2_unclipped', 100.0, 2.0, 1.0),
                                             ('norm_inf_clipped', 0.5, float('inf'), 2.0),
                                             ('norm1_clipped', 2.0, 1.0, 1.0)):
        params = [torch.zeros(3, 4, requires_grad=True), torch.zeros(6, requires_grad=True)]
        w.case(name)
        w.f('max_norm', max_norm)
        w.f('norm_type', norm_type)
        for i, p in enumerate(params):
            p.grad = torch.randn(p.shape, generator=gen) * scale
            w.f('g_%d' % i, p.grad)
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=norm_type)
        w.f('total_norm', total)
        for i, p in enumerate(params):
            w.f('clipped_%d' % i, p.grad)
    w.case('value')
    params = [torch.zeros(3, 4, requires_grad=True), torch.zeros(6, requires_grad=True)]
    w.f('clip_value', 0.7)
    for i, p in enumerate(params):
        p.grad = torch.randn(p.shape, generator=gen)
        w.f('g_%d' % i, p.grad)
    torch.nn.utils.clip_grad_value_(params, 0.7)
    for i, p in enumerate(params):
        w.f('clipped_%d' % i, p.grad)


def main():
    for name, fn in (('optimizers.txt', optimizers), ('schedules.txt', schedules),
                     ('clipping.txt', clipping)):
        w = Writer(name)
        fn(w)
        w.save()
        print('wrote', w.path, len(w.lines), 'lines')


if __name__ == '__main__':
    main()
