#!/usr/bin/python3
"""Generates the reference fixtures for the seqlearn audio module's parity tests.

Rerun from the repository root with Debian's Python (it has numpy, scipy, matplotlib, torch and
torchaudio; a pyenv/venv python usually does not):

    /usr/bin/python3 tools/gen_audio_fixtures.py

Output: audio/src/test/resources/org/seqlearn/audio/fixtures/** (overwritten). Arrays are stored in
a tiny binary format read by the Java tests (FixtureIo): little-endian int32 ndim, int32 dims[ndim],
then float32 data in row-major order. Complex arrays carry a trailing dimension of 2 (re, im).
Input signals are generated here, rounded to float32, stored, and the references are computed from
those float32 values in float64, so Java and Python see identical inputs.

Versions used for the committed fixtures are written to fixtures/VERSIONS.txt.
"""
import io
import os
import struct
import wave

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import scipy  # noqa: E402
import scipy.io.wavfile  # noqa: E402
import scipy.signal  # noqa: E402
import torch  # noqa: E402
import torchaudio  # noqa: E402
import torchaudio.functional as AF  # noqa: E402
import torchaudio.transforms as T  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
OUT = os.path.join(ROOT, "audio/src/test/resources/org/seqlearn/audio/fixtures")


def save(rel, arr):
    arr = np.asarray(arr)
    if np.iscomplexobj(arr):
        arr = np.stack([arr.real, arr.imag], axis=-1)
    arr = np.ascontiguousarray(arr, dtype="<f4")
    path = os.path.join(OUT, rel + ".bin")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(struct.pack("<i", arr.ndim))
        f.write(struct.pack("<%di" % arr.ndim, *arr.shape))
        f.write(arr.tobytes())


def t64(x):
    return torch.from_numpy(np.asarray(x, dtype=np.float64))


# ---------------------------------------------------------------- signals
rng = np.random.default_rng(20261122)


def chirp_signal(sr, seconds, f0, f1):
    t = np.arange(int(sr * seconds)) / sr
    x = 0.5 * scipy.signal.chirp(t, f0, seconds, f1) + 0.05 * rng.standard_normal(t.size)
    return x.astype(np.float32)


def voiced_signal(sr, seconds):
    t = np.arange(int(sr * seconds)) / sr
    f0 = 140 + 30 * np.sin(2 * np.pi * 3 * t)
    phase = 2 * np.pi * np.cumsum(f0) / sr
    x = sum((0.6 / k) * np.sin(k * phase) for k in range(1, 12))
    x *= 0.5 + 0.5 * np.sin(2 * np.pi * 2 * t) ** 2
    x += 0.02 * rng.standard_normal(t.size)
    return (0.5 * x / np.max(np.abs(x))).astype(np.float32)


sig8k = chirp_signal(8000, 0.5, 100, 3500)
sig16k = voiced_signal(16000, 0.5)
sig44k = chirp_signal(44100, 0.25, 50, 15000)
save("signals/sig8k", sig8k)
save("signals/sig16k", sig16k)
save("signals/sig44k", sig44k)

# ---------------------------------------------------------------- WAV
def wav_case(name, rate, data, expected):
    path = os.path.join(OUT, "wav", name + ".wav")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    scipy.io.wavfile.write(path, rate, data)
    save("wav/" + name, expected)


frames = 64
base = np.sin(np.linspace(0, 6 * np.pi, frames))
u8 = np.clip(np.round(128 + 127 * base), 0, 255).astype(np.uint8)
wav_case("pcm_u8_mono", 8000, u8, (u8.astype(np.float64) - 128) / 128)
i16 = np.stack([np.round(32767 * base), np.round(-20000 * base)], axis=1).astype(np.int16)
i16[0] = [-32768, 32767]
wav_case("pcm16_stereo", 22050, i16, i16.reshape(-1) / 32768.0)
i32 = np.round(2147483000 * base).astype(np.int32)
i32[1] = -2147483648
wav_case("pcm32_mono", 16000, i32, i32 / 2147483648.0)
f32 = np.stack([base, 0.5 * base], axis=1).astype(np.float32)
wav_case("float32_stereo", 48000, f32, f32.reshape(-1))
f64 = (0.25 * base).astype(np.float64)
wav_case("float64_mono", 12345, f64, f64)
# 24-bit, 3 channels, written byte by byte with the standard-library wave module
i24 = np.stack([np.round(8388607 * base), np.round(-4000000 * base), np.round(100 * base)], axis=1)
i24 = i24.astype(np.int32)
i24[2] = [-8388608, 8388607, -1]
raw = b"".join(int(v).to_bytes(3, "little", signed=True) for v in i24.reshape(-1))
with wave.open(os.path.join(OUT, "wav", "pcm24_3ch.wav"), "wb") as w:
    w.setnchannels(3)
    w.setsampwidth(3)
    w.setframerate(44100)
    w.writeframes(raw)
save("wav/pcm24_3ch", i24.reshape(-1) / 8388608.0)
save("wav/pcm24_3ch_mono", (i24 / 8388608.0).mean(axis=1))

# ---------------------------------------------------------------- windows
for name in ["hann", "hamming", "blackman"]:
    for n in [200, 201]:
        save("windows/%s_%d_periodic" % (name, n), scipy.signal.get_window(name, n, fftbins=True))
        save("windows/%s_%d_symmetric" % (name, n), scipy.signal.get_window(name, n, fftbins=False))

# ---------------------------------------------------------------- matplotlib specgram (course setup)
for tag, x in [("sig8k", sig8k), ("sig44k", sig44k)]:
    pxx, freqs, bins, _ = plt.specgram(x.astype(np.float64), NFFT=200, Fs=8000, noverlap=120)
    plt.close("all")
    save("specgram/%s_pxx" % tag, pxx)
    save("specgram/%s_freqs" % tag, freqs)
    save("specgram/%s_times" % tag, bins)

# ---------------------------------------------------------------- scipy.signal.stft
x8 = sig8k.astype(np.float64)
f, t, z = scipy.signal.stft(x8, fs=8000)
save("scipy_stft/default_z", z)
save("scipy_stft/default_f", f)
save("scipy_stft/default_t", t)
f, t, z = scipy.signal.stft(x8, fs=8000, window="hamming", nperseg=200, noverlap=120, nfft=256,
                            boundary="even", padded=True, scaling="psd")
save("scipy_stft/hamming_even_psd_z", z)
save("scipy_stft/hamming_even_psd_t", t)
f, t, z = scipy.signal.stft(x8[:3001], fs=8000, window="blackman", nperseg=255, noverlap=200,
                            boundary=None, padded=False)
save("scipy_stft/blackman_none_z", z)
save("scipy_stft/blackman_none_t", t)
f, t, z = scipy.signal.stft(x8[:2999], fs=1.0, window="hann", nperseg=128, noverlap=64,
                            boundary="odd", padded=True)
save("scipy_stft/hann_odd_z", z)
f, t, z = scipy.signal.stft(x8[:2999], fs=1.0, window="hann", nperseg=128, noverlap=28,
                            boundary="constant", padded=True, return_onesided=False)
save("scipy_stft/hann_constant_twosided_z", z)

# ---------------------------------------------------------------- torch.stft / istft
x16 = t64(sig16k)
hann400 = torch.hann_window(400, periodic=True, dtype=torch.float64)
s1 = torch.stft(x16, n_fft=400, hop_length=160, window=hann400, center=True, pad_mode="reflect",
                return_complex=True)
save("torch_stft/reflect_400_z", s1.numpy())
y1 = torch.istft(s1, n_fft=400, hop_length=160, window=hann400, center=True, length=x16.numel())
save("torch_stft/reflect_400_istft", y1.numpy())
s2 = torch.stft(x16[:4000], n_fft=512, hop_length=128, win_length=400, window=hann400, center=True,
                pad_mode="constant", return_complex=True)
save("torch_stft/constant_512_win400_z", s2.numpy())
ham256 = torch.hamming_window(256, periodic=True, dtype=torch.float64)
s3 = torch.stft(x16[:4000], n_fft=256, hop_length=100, window=ham256, center=False,
                return_complex=True)
save("torch_stft/nocenter_256_hamming_z", s3.numpy())
s4 = torch.stft(t64(sig8k[:1000]), n_fft=64, hop_length=16, window=None, center=True,
                normalized=True, onesided=False, return_complex=True)
save("torch_stft/rect_64_normalized_twosided_z", s4.numpy())

# ---------------------------------------------------------------- torchaudio mel / MFCC / deltas
fb_cases = {
    "htk_none_201_40": dict(n_freqs=201, f_min=0.0, f_max=8000.0, n_mels=40, sample_rate=16000,
                            norm=None, mel_scale="htk"),
    "slaney_slaney_257_64": dict(n_freqs=257, f_min=20.0, f_max=7600.0, n_mels=64,
                                 sample_rate=16000, norm="slaney", mel_scale="slaney"),
    "slaney_none_129_80": dict(n_freqs=129, f_min=0.0, f_max=8000.0, n_mels=80,
                               sample_rate=16000, norm=None, mel_scale="slaney"),
    "htk_slaney_201_40": dict(n_freqs=201, f_min=0.0, f_max=8000.0, n_mels=40, sample_rate=16000,
                              norm="slaney", mel_scale="htk"),
}
# torchaudio runs with float64 as the default dtype from here on, so that the filter banks built
# inside melscale_fbanks / MelSpectrogram / MFCC are float64 too. With the float32 default, the
# tiny weights at triangle edges lose up to ~1e-3 relative (cancellation in f - f_pts), which moves
# near-zero MFCCs by ~3e-4 relative: that is rounding in the reference, not the algorithm.
torch.set_default_dtype(torch.float64)
for name, kw in fb_cases.items():
    save("mel/fbank_" + name, AF.melscale_fbanks(**kw).numpy())

mel1 = T.MelSpectrogram(sample_rate=16000, n_fft=400, hop_length=160, n_mels=40).double()(x16)
save("mel/melspec_htk_40", mel1.numpy())
mel2 = T.MelSpectrogram(sample_rate=16000, n_fft=512, win_length=400, hop_length=160, f_min=20.0,
                        f_max=7600.0, n_mels=64, power=1.0, norm="slaney", mel_scale="slaney",
                        pad_mode="constant").double()(x16)
save("mel/melspec_slaney_64_mag", mel2.numpy())
save("mel/melspec_htk_40_db", T.AmplitudeToDB(stype="power", top_db=80.0)(mel1).numpy())
save("mel/melspec_slaney_64_mag_db", T.AmplitudeToDB(stype="magnitude", top_db=None)(mel2).numpy())

mfcc1 = T.MFCC(sample_rate=16000, n_mfcc=13,
               melkwargs=dict(n_fft=400, hop_length=160, n_mels=40)).double()(x16)
save("mfcc/mfcc_13_htk40", mfcc1.numpy())
mfcc2 = T.MFCC(sample_rate=16000, n_mfcc=20, log_mels=True,
               melkwargs=dict(n_fft=512, win_length=400, hop_length=160, n_mels=64, f_min=20.0,
                              f_max=7600.0, norm="slaney", mel_scale="slaney")).double()(x16)
save("mfcc/mfcc_20_logmels_slaney64", mfcc2.numpy())
save("mfcc/deltas_5", AF.compute_deltas(mfcc1, win_length=5).numpy())
save("mfcc/deltas_9", AF.compute_deltas(mfcc1, win_length=9).numpy())
save("mfcc/delta_deltas_5",
     AF.compute_deltas(AF.compute_deltas(mfcc1, win_length=5), win_length=5).numpy())

# ---------------------------------------------------------------- resampling
torch.set_default_dtype(torch.float32)
save("resample/16k_to_8k", AF.resample(t64(sig16k[:4000]), 16000, 8000).numpy())
save("resample/44k_to_16k", AF.resample(t64(sig44k), 44100, 16000).numpy())
save("resample/8k_to_16k", AF.resample(t64(sig8k[:2000]), 8000, 16000).numpy())
save("resample/16k_to_22050", AF.resample(t64(sig16k[:3000]), 16000, 22050).numpy())
save("resample/44k_to_8k_w16_r095",
     AF.resample(t64(sig44k), 44100, 8000, lowpass_filter_width=16, rolloff=0.95).numpy())

with open(os.path.join(OUT, "VERSIONS.txt"), "w") as f:
    f.write("numpy %s\nscipy %s\nmatplotlib %s\ntorch %s\ntorchaudio %s\n" % (
        np.__version__, scipy.__version__, matplotlib.__version__, torch.__version__,
        torchaudio.__version__))
print("fixtures written to", os.path.relpath(OUT, ROOT))
