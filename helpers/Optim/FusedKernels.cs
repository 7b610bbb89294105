using System.Numerics;

namespace Helpers;

/// <summary>The scalars of one Adam update of one parameter, as float32 (libtorch casts its scalars so too).</summary>
internal readonly record struct AdamScalars(
    float Beta1, float OneMinusBeta1, float Beta2, float OneMinusBeta2, float SqrtBiasCorrection2, float Eps,
    float NegativeStepSize, float WeightDecay, bool Maximize);

/// <summary>The scalars of one RMSprop update of one parameter (not centred, no momentum).</summary>
internal readonly record struct RmsPropScalars(float Alpha, float OneMinusAlpha, float Eps, float NegativeLearningRate, float WeightDecay, bool Maximize);

/// <summary>
/// One pass over a parameter's memory for each update, in SIMD vectors of the machine's width and the same
/// arithmetic, in the same order, as the per-operation TorchSharp update it replaces.
/// </summary>
internal static unsafe class FusedKernels
{
    /// <summary>
    /// Adam (Kingma &amp; Ba 2015), as TorchSharp writes it: g (negated to maximise, plus weight decay x p);
    /// m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g g; p += -(lr / bc1) m / (sqrt(v) / sqrt(bc2) + eps).
    /// </summary>
    public static void Adam(float* p, float* g, float* m, float* v, long count, in AdamScalars s)
    {
        long i = 0;
        var width = Vector<float>.Count;
        for (; i + width <= count; i += width)
        {
            var pv = Vector.Load(p + i);
            var gv = Gradient(Vector.Load(g + i), pv, s.WeightDecay, s.Maximize);
            var mv = Vector.Load(m + i) * s.Beta1 + gv * s.OneMinusBeta1;
            var vv = Vector.Load(v + i) * s.Beta2 + gv * gv * s.OneMinusBeta2;
            var denominator = Vector.SquareRoot(vv) / new Vector<float>(s.SqrtBiasCorrection2) + new Vector<float>(s.Eps);
            Vector.Store(mv, m + i);
            Vector.Store(vv, v + i);
            Vector.Store(pv + mv / denominator * s.NegativeStepSize, p + i);
        }
        for (; i < count; i++)
        {
            var gi = Gradient(g[i], p[i], s.WeightDecay, s.Maximize);
            var mi = m[i] * s.Beta1 + gi * s.OneMinusBeta1;
            var vi = v[i] * s.Beta2 + gi * gi * s.OneMinusBeta2;
            var denominator = MathF.Sqrt(vi) / s.SqrtBiasCorrection2 + s.Eps;
            m[i] = mi;
            v[i] = vi;
            p[i] += mi / denominator * s.NegativeStepSize;
        }
    }

    /// <summary>
    /// RMSprop (Tieleman &amp; Hinton 2012), as TorchSharp writes it without centring or momentum:
    /// g as for Adam; s = a s + (1 - a) g g; p += -lr g / (sqrt(s) + eps).
    /// </summary>
    public static void RmsProp(float* p, float* g, float* square, long count, in RmsPropScalars s)
    {
        long i = 0;
        var width = Vector<float>.Count;
        for (; i + width <= count; i += width)
        {
            var pv = Vector.Load(p + i);
            var gv = Gradient(Vector.Load(g + i), pv, s.WeightDecay, s.Maximize);
            var sv = Vector.Load(square + i) * s.Alpha + gv * gv * s.OneMinusAlpha;
            Vector.Store(sv, square + i);
            Vector.Store(pv + gv / (Vector.SquareRoot(sv) + new Vector<float>(s.Eps)) * s.NegativeLearningRate, p + i);
        }
        for (; i < count; i++)
        {
            var gi = Gradient(g[i], p[i], s.WeightDecay, s.Maximize);
            var si = square[i] * s.Alpha + gi * gi * s.OneMinusAlpha;
            square[i] = si;
            p[i] += gi / (MathF.Sqrt(si) + s.Eps) * s.NegativeLearningRate;
        }
    }

    private static Vector<float> Gradient(Vector<float> g, Vector<float> p, float weightDecay, bool maximize)
    {
        if (maximize) g = -g;
        return weightDecay == 0 ? g : g + p * weightDecay;
    }

    private static float Gradient(float g, float p, float weightDecay, bool maximize)
    {
        if (maximize) g = -g;
        return weightDecay == 0 ? g : g + p * weightDecay;
    }
}
