#!/usr/bin/python3
"""Generates PyTorch reference values and gradients for the seqlearn nn modules and initialisers.

Run with Debian's python3 (torch 1.13):

    /usr/bin/python3 tools/gen_nn_fixtures.py

Writes layers/src/test/resources/nn/{modules,init}.txt and torch_linear_bn.safetensors (the
state dict of a trained nn.Sequential(Linear, BatchNorm1d), num_batches_tracked as I64, written
the way safetensors.torch.save does it, by core's tools/gen_safetensors_fixtures.py). Inputs and parameters are seeded float32
values; torch computes in float64 from those float32 values, so the reference is exact to float
precision. Gradients are those of sum(out * gout) with the recorded 'gout'.

Format (one block per case, blank line between cases), as the loss fixtures:
    case <name>
    <key> <type> <shape> <values...>
type: f (floats), i (ints) or s (one word); shape: comma-separated dims, '-' for a scalar.
"""
import math
import os

import torch

import fixture_text
import torch.nn as nn

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'layers', 'src', 'test',
                   'resources', 'nn')


def Writer(name):
    return fixture_text.Writer(OUT, name, 'gen_nn_fixtures.py')


def rand(*shape):
    """float32-representable normal values, held in float64, requiring grad."""
    return torch.randn(*shape).float().double().requires_grad_(True)


def load(module, **params):
    with torch.no_grad():
        for name, value in params.items():
            getattr(module, name).copy_(value)


def backward(w, out, *tensors, names):
    gout = torch.randn(out.shape).float().double()
    w.f('gout', gout)
    (out * gout).sum().backward()
    for name, t in zip(names, tensors):
        w.f(name, t.grad)


def linear(w):
    w.case('linear')
    x, weight, bias = rand(2, 3, 4), rand(5, 4), rand(5)
    m = nn.Linear(4, 5).double()
    load(m, weight=weight, bias=bias)
    for k, v in (('x', x), ('weight', weight), ('bias', bias)):
        w.f(k, v)
    out = x @ weight.t() + bias
    assert torch.allclose(out, m(x))
    w.f('out', out)
    backward(w, out, x, weight, bias, names=['grad_x', 'grad_weight', 'grad_bias'])


def embedding(w):
    w.case('embedding_padding')
    weight = rand(6, 3)
    ids = torch.tensor([[0, 2, 2, 5], [1, 0, 3, 2]])
    w.f('weight', weight)
    w.i('ids', ids)
    w.i('padding_idx', 0)
    out = nn.functional.embedding(ids, weight, padding_idx=0)
    w.f('out', out)
    backward(w, out, weight, names=['grad_weight'])


def layer_norm(w, name, shape, normalized):
    w.case(name)
    x = rand(*shape)
    weight, bias = rand(*normalized), rand(*normalized)
    w.f('x', x)
    w.f('weight', weight)
    w.f('bias', bias)
    w.i('normalized_shape', list(normalized))
    out = nn.functional.layer_norm(x, normalized, weight, bias, 1e-5)
    w.f('out', out)
    backward(w, out, x, weight, bias, names=['grad_x', 'grad_weight', 'grad_bias'])


def batch_norm(w, name, shape):
    w.case(name)
    c = shape[1]
    m = nn.BatchNorm1d(c, eps=1e-5, momentum=0.1).double()
    x, weight, bias = rand(*shape), rand(c), rand(c)
    mean0, var0 = torch.randn(c).float().double(), torch.rand(c).float().double() + 0.5
    load(m, weight=weight, bias=bias)
    with torch.no_grad():
        m.running_mean.copy_(mean0)
        m.running_var.copy_(var0)
    for k, v in (('x', x), ('weight', weight), ('bias', bias), ('running_mean0', mean0),
                 ('running_var0', var0)):
        w.f(k, v)
    m.train()
    out = m(x)
    w.f('out', out)
    backward(w, out, x, m.weight, m.bias, names=['grad_x', 'grad_weight', 'grad_bias'])
    w.f('running_mean', m.running_mean)
    w.f('running_var', m.running_var)
    w.i('num_batches_tracked', m.num_batches_tracked)
    m.eval()
    x2 = rand(*shape)
    w.f('x_eval', x2)
    w.f('out_eval', m(x2))


def conv1d(w, name, cin, cout, k, stride, padding, dilation, length):
    w.case(name)
    m = nn.Conv1d(cin, cout, k, stride=stride, padding=padding, dilation=dilation).double()
    x, weight, bias = rand(2, cin, length), rand(cout, cin, k), rand(cout)
    load(m, weight=weight, bias=bias)
    w.i('config', [cin, cout, k, stride, padding, dilation])
    for kk, v in (('x', x), ('weight', m.weight), ('bias', m.bias)):
        w.f(kk, v)
    out = m(x)
    w.f('out', out)
    backward(w, out, x, m.weight, m.bias, names=['grad_x', 'grad_weight', 'grad_bias'])


def modules():
    w = Writer('modules.txt')
    linear(w)
    embedding(w)
    layer_norm(w, 'layer_norm_last', (2, 3, 5), (5,))
    layer_norm(w, 'layer_norm_two', (2, 3, 5), (3, 5))
    batch_norm(w, 'batch_norm_2d', (6, 3))
    batch_norm(w, 'batch_norm_3d', (4, 3, 5))
    conv1d(w, 'conv1d_basic', 3, 4, 3, 1, 0, 1, 9)
    conv1d(w, 'conv1d_stride_pad_dilation', 3, 4, 3, 2, 2, 2, 11)
    w.save()


def init():
    """Fans, gains and bounds from torch.nn.init for a few weight shapes."""
    w = Writer('init.txt')
    from torch.nn.init import _calculate_fan_in_and_fan_out as fans
    for idx, shape in enumerate([(5, 4), (4, 3, 5), (8, 2, 3, 3), (1, 7)]):
        w.case('fans_%d' % idx)
        t = torch.empty(*shape)
        fan_in, fan_out = fans(t)
        w.i('shape', list(shape))
        w.i('fan_in', fan_in)
        w.i('fan_out', fan_out)
        w.f('xavier_uniform_bound', math.sqrt(6.0 / (fan_in + fan_out)))
        w.f('xavier_normal_std', math.sqrt(2.0 / (fan_in + fan_out)))
        gain = nn.init.calculate_gain('leaky_relu', math.sqrt(5))
        w.f('kaiming_uniform_sqrt5_bound', gain * math.sqrt(3.0 / fan_in))
        gain = nn.init.calculate_gain('relu')
        w.f('kaiming_normal_relu_fan_out_std', gain / math.sqrt(fan_out))
    w.case('gains')
    for name in ['linear', 'sigmoid', 'tanh', 'relu', 'selu']:
        w.f(name, nn.init.calculate_gain(name))
    w.f('leaky_relu_0.2', nn.init.calculate_gain('leaky_relu', 0.2))
    w.save()


def torch_state_file():
    """A state dict with buffers, as PyTorch's safetensors would write it."""
    import sys
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from gen_safetensors_fixtures import write_safetensors
    model = nn.Sequential(nn.Linear(3, 4), nn.BatchNorm1d(4))
    model(torch.randn(5, 3))
    state = {k: v.detach().clone() for k, v in model.state_dict().items()}
    with open(os.path.join(OUT, 'torch_linear_bn.safetensors'), 'wb') as fh:
        fh.write(write_safetensors(state, {'format': 'pt'}))


if __name__ == '__main__':
    torch.manual_seed(1234)
    modules()
    init()
    torch_state_file()
