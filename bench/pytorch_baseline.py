"""Times training steps of the chapters' models in PyTorch (Debian's python3-torch 1.13.1).

This is the side-by-side baseline of `make bench`; it is never used by the notebooks. Each model is the
one the C# side trains (bench/Models), layer for layer, so that the two columns time the same work.
Prints one JSON object: {"model", "batch", "ms": [per-step times], "peak_mb"}, and with --phases also the
time of each step's three parts: "forward_ms" (forward pass and loss), "backward_ms" (zero_grad and backward),
"optimizer_ms" (the optimizer's step). --batch runs the same model on another batch size (--batch 1: the
step's calls with next to no arithmetic, for `make bench BENCH_ARGS="--floors"`).
"""
import argparse
import json
import os
import resource
import time

import torch
from torch import nn
import torch.nn.functional as F


class MatmulDense(nn.Module):
    """Chapter 01's layer, written out from bare parameters: x W + b, W stored inputs x outputs (Glorot), b zero."""

    def __init__(self, inputs, outputs):
        super().__init__()
        self.weight = nn.Parameter(nn.init.xavier_uniform_(torch.empty(inputs, outputs)))
        self.bias = nn.Parameter(torch.zeros(outputs))

    def forward(self, x):
        return x.matmul(self.weight) + self.bias


def keras_dense(inputs, outputs):
    """Chapter 02's layer: a Linear initialised as Keras' Dense (Glorot weight, zero bias)."""
    layer = nn.Linear(inputs, outputs)
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)
    return layer


def dense_vae(dense, activation):
    class DenseVae(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.ModuleList([dense(784, 512), dense(512, 256)])
            self.mu = dense(256, 128)
            self.log_var = dense(256, 128)
            self.dec = nn.ModuleList([dense(128, 256), dense(256, 512)])
            self.out = dense(512, 784)

        def forward(self, x):
            h = x
            for layer in self.enc:
                h = activation(layer(h))
            mu, log_var = self.mu(h), self.log_var(h)
            z = mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)
            for layer in self.dec:
                z = activation(layer(z))
            return torch.sigmoid(self.out(z)), mu, log_var

    def loss(model, x):
        x = x.flatten(1)
        x_hat, mu, log_var = model(x)
        rec = -(x * torch.log(1e-10 + x_hat) + (1 - x) * torch.log(1e-10 + 1 - x_hat)).sum(-1)
        kl = -0.5 * (1 + log_var - mu.square() - log_var.exp()).sum(-1)
        return (rec + kl).mean()

    return DenseVae(), loss


class ConvVae(nn.Module):
    """Chapter 03: an encoder body with two dense heads for a 2-D code, the sampling step, a decoder."""

    def __init__(self, body, features, decoder):
        super().__init__()
        self.body, self.dec = body, decoder
        self.mu, self.log_var = nn.Linear(features, 2), nn.Linear(features, 2)

    def forward(self, x):
        h = self.body(x)
        mu, log_var = self.mu(h), self.log_var(h)
        return self.dec(mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)), mu, log_var


def conv_vae_a():
    """Chapter 03, model A: valid convolutions and max-pooling; 784 x MSE + the KL's bracket averaged."""
    model = ConvVae(
        nn.Sequential(nn.Conv2d(1, 64, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(64, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(32, 16)),
        16,
        nn.Sequential(nn.Linear(2, 64), nn.Unflatten(1, (64, 1, 1)), nn.ConvTranspose2d(64, 64, 3), nn.ReLU(),
                      nn.ConvTranspose2d(64, 64, 3), nn.ReLU(), nn.Upsample(scale_factor=2),
                      nn.ConvTranspose2d(64, 64, 3), nn.ReLU(), nn.Upsample(scale_factor=2),
                      nn.ConvTranspose2d(64, 1, 5), nn.Sigmoid()))

    def loss(model, x):
        x_hat, mu, log_var = model(x)
        return 784 * F.mse_loss(x_hat, x) - 0.5 * (1 + log_var - mu.square() - log_var.exp()).mean()

    return model, loss


def conv_vae_b():
    """Chapter 03, model B: stride-2 convolutions padded one pixel on every side, which gives Keras' "same"
    output sizes (28 -> 14 -> 7) as the C# side does; per-pixel BCE + 5e-4 x the KL's bracket averaged."""
    model = ConvVae(
        nn.Sequential(nn.Conv2d(1, 32, 3, stride=2, padding=1), nn.ReLU(),
                      nn.Conv2d(32, 64, 3, stride=2, padding=1), nn.ReLU(),
                      nn.Flatten(), nn.Linear(3136, 64), nn.ReLU()),
        64,
        nn.Sequential(nn.Linear(2, 12544), nn.ReLU(), nn.Unflatten(1, (64, 14, 14)),
                      nn.ConvTranspose2d(64, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
                      nn.Conv2d(32, 1, 5, padding=2), nn.Sigmoid()))

    def loss(model, x):
        x_hat, mu, log_var = model(x)
        return F.binary_cross_entropy(x_hat, x) - 5e-4 * (1 + log_var - mu.square() - log_var.exp()).mean()

    return model, loss


def conv_autoencoder():
    """Chapter 04, experiment 1: 28 -> 14 -> 7 -> 3 -> 7 -> 14 -> 28, SELU, sigmoid output, BCE."""
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.SELU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.SELU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.SELU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(64, 32, 3, stride=2), nn.SELU(),
        nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), nn.SELU(),
        nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1), nn.Sigmoid())

    def loss(model, x):
        return F.binary_cross_entropy(model(x), x)

    return model, loss


def fashion_vae():
    """Chapter 04, experiment 2: dense 784-128-64-32, latent 10; per-pixel BCE plus KL / 784."""
    class FashionVae(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.Sequential(nn.Flatten(), nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(),
                                     nn.Linear(64, 32), nn.ReLU())
            self.mu = nn.Linear(32, 10)
            self.log_var = nn.Linear(32, 10)
            self.dec = nn.Sequential(nn.Linear(10, 32), nn.ReLU(), nn.Linear(32, 64), nn.ReLU(),
                                     nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 784), nn.Sigmoid(),
                                     nn.Unflatten(1, (1, 28, 28)))

        def forward(self, x):
            h = self.enc(x)
            mu, log_var = self.mu(h), self.log_var(h)
            return self.dec(mu + torch.exp(0.5 * log_var) * torch.randn_like(mu)), mu, log_var

    def loss(model, x):
        x_hat, mu, log_var = model(x)
        kl = -0.5 * (1 + log_var - log_var.exp() - mu.square()).sum(-1)
        return F.binary_cross_entropy(x_hat, x) + kl.mean() / 784

    return FashionVae(), loss


def probabilistic_vae(latent=16):
    """Chapter 04, experiment 3: conv encoder to a full-covariance Gaussian, conv decoder to Bernoulli logits."""
    D = torch.distributions

    class ProbabilisticVae(nn.Module):
        def __init__(self):
            super().__init__()
            act = lambda: nn.LeakyReLU(0.2)
            self.enc = nn.Sequential(
                nn.Conv2d(1, 32, 5, padding=2), act(), nn.Conv2d(32, 32, 5, stride=2, padding=2), act(),
                nn.Conv2d(32, 64, 5, padding=2), act(), nn.Conv2d(64, 64, 5, stride=2, padding=2), act(),
                nn.Conv2d(64, 64, 7), act(), nn.Flatten(), nn.Linear(64, latent + latent * (latent + 1) // 2))
            self.dec = nn.Sequential(
                nn.Unflatten(1, (latent, 1, 1)), nn.ConvTranspose2d(latent, 64, 7), act(),
                nn.ConvTranspose2d(64, 64, 5, padding=2), act(),
                nn.ConvTranspose2d(64, 64, 5, stride=2, padding=2, output_padding=1), act(),
                nn.ConvTranspose2d(64, 32, 5, padding=2), act(),
                nn.ConvTranspose2d(32, 32, 5, stride=2, padding=2, output_padding=1), act(),
                nn.ConvTranspose2d(32, 32, 5, padding=2), act(), nn.Conv2d(32, 1, 5, padding=2))
            self.rows, self.cols = torch.tril_indices(latent, latent)

        def forward(self, x):
            params = self.enc(x - 0.5)
            mu, raw = params[:, :latent], params[:, latent:]
            tril = raw.new_zeros(raw.shape[0], latent, latent)
            tril[:, self.rows, self.cols] = raw
            diag = F.softplus(tril.diagonal(0, -2, -1)) + 1e-5
            return D.MultivariateNormal(mu, scale_tril=tril.tril(-1) + torch.diag_embed(diag))

    # PyTorch has no KL from a MultivariateNormal to an Independent(Normal), so the prior N(0, I) is written as one.
    prior = D.MultivariateNormal(torch.zeros(latent), scale_tril=torch.eye(latent))

    def loss(model, x):
        binary = torch.bernoulli(x)
        q = model(binary)
        likelihood = D.Independent(D.Bernoulli(logits=model.dec(q.rsample())), 3)
        return (D.kl_divergence(q, prior) - likelihood.log_prob(binary)).mean()

    return ProbabilisticVae(), loss


MODELS = {
    "01-dense-tanh": (lambda: dense_vae(MatmulDense, torch.tanh), 100, lambda p: torch.optim.Adam(p, lr=1e-3)),
    "02-dense-relu": (lambda: dense_vae(keras_dense, torch.relu), 100, lambda p: torch.optim.Adam(p, lr=1e-3)),
    "03-conv-a": (conv_vae_a, 64, lambda p: torch.optim.Adam(p, lr=1e-3)),
    "03-conv-b": (conv_vae_b, 32, lambda p: torch.optim.Adam(p, lr=1e-3)),
    "04-autoencoder": (conv_autoencoder, 32, lambda p: torch.optim.SGD(p, lr=1.0)),
    "04-fashion-vae": (fashion_vae, 128, lambda p: torch.optim.RMSprop(p, lr=1e-3, alpha=0.9, eps=1e-7)),
    "04-probabilistic-vae": (probabilistic_vae, 256, lambda p: torch.optim.Adam(p, lr=1e-3)),
}


def sgemm_gflops(n=2048, repeats=5):
    """Best of several large square products through PyTorch (libtorch's BLAS: OpenBLAS on Debian)."""
    a, b = torch.randn(n, n), torch.randn(n, n)
    torch.mm(a, b)
    # At least `repeats` products and at least 2 s of them: a shared virtual machine has slow moments.
    times, start = [], time.perf_counter()
    while len(times) < repeats or time.perf_counter() - start < 2.0:
        times.append(timed(lambda: torch.mm(a, b)))
    best = min(times)
    return 2.0 * n ** 3 / best / 1e9


def blas_library():
    """The BLAS this process loaded: Debian's PyTorch takes whichever libblas.so.3 the system's alternatives
    select, and the reference BLAS it falls back to is two orders of magnitude slower than OpenBLAS."""
    with open("/proc/self/maps") as maps:
        paths = {line.split()[-1] for line in maps if "blas" in line.rsplit("/", 1)[-1]}
    return ", ".join(sorted(os.path.realpath(p) for p in paths)) or "none found"


def timed(f):
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=sorted(MODELS))
    parser.add_argument("--sgemm", action="store_true", help="print the GFLOP/s of a 2048x2048 float32 product instead")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3, help="at least this many untimed steps first")
    parser.add_argument("--warmup-seconds", type=float, default=2.0, help="and untimed steps for at least this long")
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--batch", type=int, help="another batch size than the notebook's")
    parser.add_argument("--phases", action="store_true", help="also time the forward pass, backward pass and optimizer step")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    if args.sgemm:
        print(json.dumps({"gflops": sgemm_gflops(), "blas": blas_library()}))
        return
    if args.model is None:
        parser.error("give --model or --sgemm")
    build, batch, make_optimizer = MODELS[args.model]
    batch = args.batch or batch
    model, loss_fn = build()
    optimizer = make_optimizer(model.parameters())
    x = torch.rand(batch, 1, 28, 28)

    def train_step():
        """One training step; returns its start, end of forward, end of backward, end of optimizer step."""
        start = time.perf_counter()
        loss = loss_fn(model, x)
        forward = time.perf_counter()
        optimizer.zero_grad()
        loss.backward()
        backward = time.perf_counter()
        optimizer.step()
        stepped = time.perf_counter()
        loss.item()
        return start, forward, backward, stepped

    # Untimed steps until both minimums are met (the same rule as the TorchSharp side's, which needs them for .NET's JIT).
    warmup_start, warmup = time.perf_counter(), 0
    while warmup < args.warmup or time.perf_counter() - warmup_start < args.warmup_seconds:
        train_step()
        warmup += 1

    times, phases = [], {"forward_ms": [], "backward_ms": [], "optimizer_ms": []}
    for _ in range(args.steps):
        start, forward, backward, stepped = train_step()
        times.append((time.perf_counter() - start) * 1000)
        phases["forward_ms"].append((forward - start) * 1000)
        phases["backward_ms"].append((backward - forward) * 1000)
        phases["optimizer_ms"].append((stepped - backward) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"model": args.model, "batch": batch, "ms": times, "peak_mb": peak_mb}
    if args.phases:
        result.update(phases)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
