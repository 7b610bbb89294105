namespace Helpers;

/// <summary>What a decoder returns for each pixel of a Bernoulli decoder.</summary>
public enum DecoderOutput
{
    /// <summary>The probability of a white pixel, in [0, 1] (the decoder ends with a sigmoid).</summary>
    Probabilities,

    /// <summary>The log-odds of a white pixel (the sigmoid is left to the loss, which is more precise).</summary>
    Logits,
}
