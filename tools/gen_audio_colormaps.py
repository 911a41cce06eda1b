#!/usr/bin/python3
"""Writes the colour maps used by org.seqlearn.audio.render.ColorMap from matplotlib's tables.

Rerun from the repository root with Debian's Python (it has matplotlib):

    /usr/bin/python3 tools/gen_audio_colormaps.py

Output: audio/src/main/resources/org/seqlearn/audio/render/<name>.rgb, 256 entries of 3 bytes
(R, G, B), from low to high.
"""
import os

import matplotlib
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "audio/src/main/resources/org/seqlearn/audio/render")
os.makedirs(OUT, exist_ok=True)
for name in ["viridis", "magma", "inferno", "gray"]:
    cmap = matplotlib.colormaps[name]
    rgb = np.round(cmap(np.linspace(0, 1, 256))[:, :3] * 255).astype(np.uint8)
    with open(os.path.join(OUT, name + ".rgb"), "wb") as f:
        f.write(rgb.tobytes())
print("colour maps written to", os.path.relpath(OUT))
