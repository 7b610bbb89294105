"""Times training steps of the chapters' models in PyTorch (Debian python3-torch, the same libtorch).

This is the side-by-side baseline of `make bench`; it is never used by the notebooks.
Prints one JSON object: {"model", "batch", "ms": [per-step times], "peak_mb"}.
"""
import argparse
import json
import resource
import time

import torch
from torch import nn
import torch.nn.functional as F


def dense_vae(activation):
    class DenseVae(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.ModuleList([nn.Linear(784, 512), nn.Linear(512, 256)])
            self.mu = nn.Linear(256, 128)
            self.log_var = nn.Linear(256, 128)
            self.dec = nn.ModuleList([nn.Linear(128, 256), nn.Linear(256, 512)])
            self.out = nn.Linear(512, 784)

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
        x = x.view(x.shape[0], -1)
        x_hat, mu, log_var = model(x)
        rec = -(x * torch.log(1e-10 + x_hat) + (1 - x) * torch.log(1e-10 + 1 - x_hat)).sum(-1)
        kl = -0.5 * (1 + log_var - mu.square() - log_var.exp()).sum(-1)
        return (rec + kl).mean()

    return DenseVae(), loss


MODELS = {
    "01-dense-tanh": (lambda: dense_vae(torch.tanh), 100, lambda p: torch.optim.Adam(p, lr=1e-3)),
    "02-dense-relu": (lambda: dense_vae(torch.relu), 100, lambda p: torch.optim.Adam(p, lr=1e-3)),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True, choices=sorted(MODELS))
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    build, batch, make_optimizer = MODELS[args.model]
    model, loss_fn = build()
    optimizer = make_optimizer(model.parameters())
    x = torch.rand(batch, 1, 28, 28)

    times = []
    for step in range(args.warmup + args.steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        loss = loss_fn(model, x)
        loss.backward()
        optimizer.step()
        loss.item()
        if step >= args.warmup:
            times.append((time.perf_counter() - start) * 1000)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"model": args.model, "batch": batch, "ms": times, "peak_mb": peak_mb}))


if __name__ == "__main__":
    main()
