"""Reference image-fidelity metrics from scikit-image on real images, following fastMRI's evaluate.py.

Run with Debian's Python (python3-skimage 0.19, python3-pydicom, python3-scipy) from the repository root:

    /usr/bin/python3 core/src/test/reference/recon/fidelity_skimage.py write
        writes the test images (int16, little-endian, i fastest, gzipped), their manifest.csv and
        the regions of interest (rois.csv) into core/src/test/resources/org/radtrial/core/recon/
        and prints the expected values that
        FidelityReferenceTest asserts (kept in fidelity_skimage.out beside this script);
    /usr/bin/python3 core/src/test/reference/recon/fidelity_skimage.py live MANIFEST
        prints the same lines for the images a manifest names, with the rois.csv beside it
        (FidelityLiveCrossCheckTest).

The images are real: scikit-image's "camera" photograph (CC0; 512x512, its first 480 rows cut
into 20 slices of 128 columns by 96 rows, so that averaging over slices is exercised and rows
and columns cannot be confused), pydicom's CT_small (128x128, in HU) and
MR_small (64x64). Each has one or two degraded versions: blur and noise, streaks, added noise,
and a real undersampling of MR_small's k-space (centre lines kept, every third line elsewhere).

fastMRI's conventions (fastmri/evaluate.py): NMSE = ||gt - pred||^2 / ||gt||^2 over the volume;
PSNR = skimage.metrics.peak_signal_noise_ratio(gt, pred, data_range=gt.max()) over the volume;
SSIM = the mean over slices (here the third array axis: numpy's first, the arrays are (z, y, x)) of
skimage.metrics.structural_similarity(gt[z], pred[z], data_range=gt.max()) with its defaults:
7x7 uniform window, K1 0.01, K2 0.03, sample covariance, mean of the map cropped by (7-1)//2.
Computed on float64 copies of the images (skimage then works in float64).

Within a region of interest (ROI): NMSE and PSNR over the ROI voxels (data range still the whole
reference volume's maximum); SSIM = the mean of skimage's full SSIM map (full=True, each slice's
map as above) over the ROI voxels that lie inside the same crop (at least 3 voxels from the
slice's edges). Noise = the sample standard deviation (ddof 1) in a uniform region; CNR =
|mean(ROI) - mean(uniform)| / noise.

Output lines: volume,candidate,roi,metric,slice,value (slice -1 = the whole volume or ROI).
"""
import gzip
import os
import sys

import numpy as np
import scipy
import skimage
from scipy.ndimage import gaussian_filter
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

OUT = "core/src/test/resources/org/radtrial/core/recon"
PAD = 3


def save(name, volume):
    assert volume.dtype == np.int16 and volume.ndim == 3
    with gzip.GzipFile(os.path.join(OUT, name + ".i16.gz"), "wb", mtime=0) as f:
        f.write(volume.astype("<i2").tobytes())


def load(path, shape):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype="<i2").reshape(shape).astype(np.float64)


def clip16(a):
    return np.clip(np.round(a), -32768, 32767).astype(np.int16)


def box_mask(shape, box):
    """The voxels of a box (i0, j0, k0, i1, j1, k1, inclusive) as a boolean volume."""
    i0, j0, k0, i1, j1, k1 = box
    mask = np.zeros(shape, dtype=bool)
    mask[k0:k1 + 1, j0:j1 + 1, i0:i1 + 1] = True
    return mask


def box_regions(shape, boxes):
    """Each box is a region (boxes may overlap: a voxel in two boxes belongs to both)."""
    return [box_mask(shape, b) for b in boxes]


def label_regions(labels):
    """Each distinct non-zero label is a region, in increasing order of label."""
    return [labels == value for value in np.unique(labels[labels != 0])]


def metrics(volume, candidate, gt, pred, roi_name, parts, uniform):
    """Print every expected value for one reference/candidate pair."""
    maxval = gt.max()
    rows = []
    rows.append(("nmse", -1, np.linalg.norm(gt - pred) ** 2 / np.linalg.norm(gt) ** 2))
    rows.append(("psnr", -1, peak_signal_noise_ratio(gt, pred, data_range=maxval)))
    ssim_sum = 0.0
    maps = []
    for z in range(gt.shape[0]):
        s, full = structural_similarity(gt[z], pred[z], data_range=maxval, full=True)
        # the mean printed is skimage's own (cropped) mean, exactly as fastMRI sums it
        ssim_sum = ssim_sum + structural_similarity(gt[z], pred[z], data_range=maxval)
        assert s == structural_similarity(gt[z], pred[z], data_range=maxval)
        maps.append(full)
        rows.append(("ssim", z, s))
        rows.append(("psnr", z, peak_signal_noise_ratio(gt[z], pred[z], data_range=maxval)))
        rows.append(("nmse", z, np.linalg.norm(gt[z] - pred[z]) ** 2 / np.linalg.norm(gt[z]) ** 2))
    rows.append(("ssim", -1, ssim_sum / gt.shape[0]))
    if roi_name == "boxes":
        for metric, z, value in rows:
            print(f"{volume},{candidate},all,{metric},{z},{float(value)!r}")
    if not parts:
        return
    smap = np.stack(maps)
    interior = np.zeros(gt.shape, dtype=bool)
    interior[:, PAD:gt.shape[1] - PAD, PAD:gt.shape[2] - PAD] = True
    regions = [("union", np.logical_or.reduce(parts))] + [(f"region{n + 1}", part) for n, part in enumerate(parts)]
    for name, inside in regions:
        g, p = gt[inside], pred[inside]
        mse = np.mean((g - p) ** 2, dtype=np.float64)
        out = [("nmse", np.sum((g - p) ** 2) / np.sum(g ** 2)),
               ("psnr", 10 * np.log10(maxval ** 2 / mse)),
               ("ssim", smap[inside & interior].mean(dtype=np.float64) if (inside & interior).any() else float("nan")),
               ("voxels", inside.sum()),
               ("ssim_voxels", (inside & interior).sum())]
        if uniform is not None:
            noise_ref = gt[uniform].std(ddof=1)
            noise = pred[uniform].std(ddof=1)
            out.append(("noise", noise))
            out.append(("cnr", abs(pred[inside].mean() - pred[uniform].mean()) / noise))
            out.append(("reference_noise", noise_ref))
            out.append(("reference_cnr", abs(gt[inside].mean() - gt[uniform].mean()) / noise_ref))
        for metric, value in out:
            print(f"{volume},{candidate},{roi_name}:{name},{metric},-1,{float(value)!r}")


def real_images():
    import pydicom
    from pydicom.data import get_testdata_file
    rng = np.random.default_rng(20260517)
    camera = skimage.data.camera().astype(np.float64)
    cam = np.stack([camera[96 * (k // 4):96 * (k // 4 + 1), 128 * (k % 4):128 * (k % 4 + 1)] for k in range(20)])
    cam_blur = clip16(np.stack([gaussian_filter(s, 1.2) for s in cam]) + rng.normal(0, 6, cam.shape))
    x = np.arange(128)
    stripes = 12 * np.sin(2 * np.pi * x / 9.0)[None, None, :] * (np.arange(20)[:, None, None] % 3 == 0)
    cam_streaks = clip16(cam + stripes + rng.normal(0, 2, cam.shape))

    ct = pydicom.dcmread(get_testdata_file("CT_small.dcm"))
    ct_hu = (ct.pixel_array.astype(np.float64) * float(ct.RescaleSlope) + float(ct.RescaleIntercept))[None]
    ct_low = clip16(ct_hu + rng.normal(0, 25, ct_hu.shape))

    mr = pydicom.dcmread(get_testdata_file("MR_small.dcm")).pixel_array.astype(np.float64)
    k = np.fft.fftshift(np.fft.fft2(mr))
    keep = np.zeros(64, dtype=bool)
    keep[::3] = True
    keep[32 - 8:32 + 8] = True
    mr_under = clip16(np.abs(np.fft.ifft2(np.fft.ifftshift(k * keep[:, None]))))[None]
    mr_noisy = clip16(mr[None] + rng.normal(0, 40, (1, 64, 64)))

    return {
        "camera20": (clip16(cam), {"blur_noise": cam_blur, "streaks": cam_streaks}),
        "ct_small": (clip16(ct_hu), {"low_dose": ct_low}),
        "mr_small": (clip16(mr[None]), {"undersampled": mr_under, "noisy": mr_noisy}),
    }


# Regions of interest, boxes as (i0, j0, k0, i1, j1, k1), inclusive voxel indices (written to
# rois.csv): lesion boxes, and one uniform box where noise is measured. Box 2 of ct_small lies
# wholly within SSIM's 3-voxel border (no SSIM voxels), box 2 of camera20 partly.
ROIS = {
    "camera20": ([(20, 30, 2, 59, 69, 5), (0, 70, 10, 10, 95, 10), (60, 60, 7, 64, 63, 7)], None),
    "ct_small": ([(60, 70, 0, 75, 85, 0), (0, 0, 0, 2, 2, 0)], (20, 100, 0, 100, 110, 0)),
    "mr_small": ([(24, 24, 0, 39, 39, 0)], (2, 2, 0, 9, 9, 0)),
}


def main():
    if sys.argv[1] == "write":
        import pydicom
        print("# scikit-image", skimage.__version__, "numpy", np.__version__, "scipy", scipy.__version__,
              "pydicom", pydicom.__version__)
        with open(os.path.join(OUT, "manifest.csv"), "w") as manifest:
            manifest.write("volume,candidate,nx,ny,nz,file\n")
            for volume, (ref, candidates) in real_images().items():
                save(volume, ref)
                nz, ny, nx = ref.shape
                manifest.write(f"{volume},reference,{nx},{ny},{nz},{volume}.i16.gz\n")
                # a mask ROI: the reference's brightest tenth of voxels, labelled 1 or 2 by slice parity
                threshold = np.quantile(ref, 0.9)
                mask = np.where(ref > threshold, 1 + (np.arange(nz) % 2)[:, None, None], 0).astype(np.int16)
                save(f"{volume}-mask", mask)
                manifest.write(f"{volume},mask,{nx},{ny},{nz},{volume}-mask.i16.gz\n")
                for name, image in candidates.items():
                    save(f"{volume}-{name}", image)
                    manifest.write(f"{volume},{name},{nx},{ny},{nz},{volume}-{name}.i16.gz\n")
        with open(os.path.join(OUT, "rois.csv"), "w") as rois:
            rois.write("volume,kind,i0,j0,k0,i1,j1,k1\n")
            for volume, (boxes, uniform_box) in ROIS.items():
                for box in boxes:
                    rois.write(f"{volume},lesion," + ",".join(map(str, box)) + "\n")
                if uniform_box:
                    rois.write(f"{volume},uniform," + ",".join(map(str, uniform_box)) + "\n")
        manifest_path = os.path.join(OUT, "manifest.csv")
    else:
        manifest_path = sys.argv[2]
    base = os.path.dirname(manifest_path)
    entries = [line.strip().split(",") for line in open(manifest_path).readlines()[1:] if line.strip()]
    references = {e[0]: e for e in entries if e[1] == "reference"}
    masks = {e[0]: e for e in entries if e[1] == "mask"}
    rois = {}
    for line in open(os.path.join(base, "rois.csv")).readlines()[1:]:
        f = line.strip().split(",")
        boxes, uniform_box = rois.setdefault(f[0], ([], [None]))
        if f[1] == "lesion":
            boxes.append(tuple(map(int, f[2:])))
        else:
            uniform_box[0] = tuple(map(int, f[2:]))
    for e in entries:
        if e[1] in ("reference", "mask"):
            continue
        ref = references[e[0]]
        shape = (int(ref[4]), int(ref[3]), int(ref[2]))
        gt = load(os.path.join(base, ref[5]), shape)
        pred = load(os.path.join(base, e[5]), shape)
        boxes, (uniform_box,) = rois.get(e[0], ([], [None]))
        uniform = box_mask(shape, uniform_box) if uniform_box else None
        metrics(e[0], e[1], gt, pred, "boxes", box_regions(shape, boxes), uniform)
        if e[0] in masks:
            mask = load(os.path.join(base, masks[e[0]][5]), shape).astype(np.int16)
            metrics(e[0], e[1], gt, pred, "mask", label_regions(mask), uniform)


if __name__ == "__main__":
    main()
