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

/// <summary>
/// What fills the border a convolution or <see cref="torch.nn.functional.pad"/> adds (numbered as in TorchSharp):
/// zeros, a mirror image of the input without its edge row (Reflect), copies of the edge row (Replicate), the
/// opposite side of the input (Circular), or a given value (Constant, for pad only).
/// </summary>
public enum PaddingModes
{
    Zeros = 0,
    Reflect = 1,
    Replicate = 2,
    Circular = 3,
    Constant = 4,
}
