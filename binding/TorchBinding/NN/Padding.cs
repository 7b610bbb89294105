namespace TorchSharp;

/// <summary>
/// Convolution padding by name. Valid: none. Same: the output has ceil(input / stride) pixels per dimension,
/// as in Keras and TensorFlow, with any odd pixel of padding added at the bottom and right.
/// </summary>
public enum Padding
{
    Valid = 0,
    Same = 1,
}
