#!/usr/bin/python3
"""PyTorch side of AttentionBenchmark: the course's date translator, on the CPU.

Run with Debian's python (torch):  /usr/bin/python3 bench/scripts/torch_attention.py

- trainStep: the course's form (one-hot source of 67 characters, Tx = 30, lengths 10-30 as packed
  sequences -> Bi-LSTM 32 -> additive attention dense(10, tanh) -> dense(1, relu) with padded
  steps masked -> LSTMCell 64 fed the context -> Linear 11), batch 100, cross-entropy over the
  10 output characters, backward, Adam. The first attention layer is split into its query and
  source parts, the source part applied once per batch (what seqlearn does; the fastest form).
- beamDecode: the autoregressive form (previous character embedded in 16, LSTMCell 80 -> 64,
  Linear 13) with untrained weights, 1,000 dates, beam width 5: every step one decoder call for
  all 5,000 rows, top-k of B x V per date, states reordered by index_select; 10 characters, then
  the end token is forced (as seqlearn's search with an untrained model does).
Each is timed for torch.set_num_threads(1) and (2); the best of 5 repeats per setting is
printed (wall and process CPU time, the latter comparable across loads with one thread), and the
best setting's wall time, in ms per operation.
"""
import time

import torch
from torch import nn
import torch.nn.functional as F

SOURCE_VOCAB, TX, TY, BATCH = 67, 30, 10, 100
START, END = 11, 12


class DateModel(nn.Module):
    def __init__(self, autoregressive):
        super().__init__()
        self.autoregressive = autoregressive
        self.encoder = nn.LSTM(SOURCE_VOCAB, 32, batch_first=True, bidirectional=True)
        self.dense0 = nn.Linear(64 + 64, 10)
        self.dense1 = nn.Linear(10, 1)
        vocab = 13 if autoregressive else 11
        self.embedding = nn.Embedding(vocab, 16) if autoregressive else None
        self.cell = nn.LSTMCell(64 + (16 if autoregressive else 0), 64)
        self.output = nn.Linear(64, vocab)

    def encode(self, ids, lengths):
        x = F.one_hot(ids, SOURCE_VOCAB).float()
        packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True,
                                                   enforce_sorted=False)
        a, _ = self.encoder(packed)
        a, _ = nn.utils.rnn.pad_packed_sequence(a, batch_first=True, total_length=TX)
        keys = a @ self.dense0.weight[:, 64:].t() + self.dense0.bias
        mask = torch.arange(TX)[None, :] >= lengths[:, None]
        return a, keys, mask

    def step(self, a, keys, mask, h, c, prev):
        e = torch.tanh((h @ self.dense0.weight[:, :64].t())[:, None, :] + keys)
        e = torch.relu(self.dense1(e)).squeeze(-1).masked_fill(mask, float('-inf'))
        alpha = torch.softmax(e, dim=-1)
        context = torch.bmm(alpha[:, None, :], a).squeeze(1)
        x = context if prev is None else torch.cat([self.embedding(prev), context], dim=-1)
        return self.cell(x, (h, c))


def data(n, seed):
    g = torch.Generator().manual_seed(seed)
    lengths = torch.randint(10, TX + 1, (n,), generator=g)
    ids = torch.randint(2, SOURCE_VOCAB, (n, TX), generator=g)
    ids = ids.masked_fill(torch.arange(TX)[None, :] >= lengths[:, None], 0)
    return ids, lengths


def train_step_fn():
    torch.manual_seed(3)
    model = DateModel(False)
    opt = torch.optim.Adam(model.parameters(), lr=0.005)
    ids, lengths = data(BATCH, 1)
    targets = torch.randint(0, 11, (BATCH, TY))

    def run():
        opt.zero_grad(set_to_none=True)
        a, keys, mask = model.encode(ids, lengths)
        h = c = torch.zeros(BATCH, 64)
        states = []
        for _ in range(TY):
            h, c = model.step(a, keys, mask, h, c, None)
            states.append(h)
        logits = model.output(torch.stack(states, 1))
        loss = F.cross_entropy(logits.reshape(-1, 11), targets.reshape(-1))
        loss.backward()
        opt.step()
    return run


def beam_fn(n=1000, width=5):
    torch.manual_seed(4)
    model = DateModel(True).eval()
    ids, lengths = data(n, 2)

    @torch.no_grad()
    def run():
        a, keys, mask = model.encode(ids, lengths)
        rows = torch.arange(n).repeat_interleave(width)
        a, keys, mask = a[rows], keys[rows], mask[rows]
        h = c = torch.zeros(n * width, 64)
        scores = torch.full((n, width), float('-inf'))
        scores[:, 0] = 0
        last = torch.full((n * width,), START, dtype=torch.long)
        finished = torch.zeros(n * width, dtype=torch.bool)
        tokens = []
        for t in range(TY + 1):
            h, c = model.step(a, keys, mask, h, c, last)
            logp = torch.log_softmax(model.output(h), dim=-1)
            if t == TY:
                forced = torch.full_like(logp, float('-inf'))
                forced[:, END] = logp[:, END]
                logp = forced
            done = torch.full_like(logp, float('-inf'))
            done[:, END] = 0
            logp = torch.where(finished[:, None], done, logp)
            cand = (scores[:, :, None] + logp.view(n, width, -1)).view(n, -1)
            scores, idx = cand.topk(width, dim=1)
            beam = idx // logp.shape[1]
            last = (idx % logp.shape[1]).view(-1)
            pick = (torch.arange(n)[:, None] * width + beam).view(-1)
            h, c, finished = h[pick], c[pick], finished[pick] | (last == END)
            tokens = [tok[pick] for tok in tokens] + [last]
        return scores[:, 0]
    return run


def best_ms(fn, repeats=5):
    """Best wall time and best process CPU time of `repeats` calls, in ms."""
    for _ in range(2):
        fn()
    best, best_cpu = float('inf'), float('inf')
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best * 1e3, best_cpu * 1e3


def main():
    results = {}
    for threads in (1, 2):
        torch.set_num_threads(threads)
        for name, fn in (('trainStep', train_step_fn()), ('beamDecode', beam_fn())):
            ms, cpu = best_ms(fn)
            print('torch %s threads=%d: %.2f ms wall, %.2f ms CPU' % (name, threads, ms, cpu),
                  flush=True)
            results[name] = min(results.get(name, float('inf')), ms)
    for name, ms in results.items():
        print('torch %s best: %.2f ms' % (name, ms))


if __name__ == '__main__':
    main()
