using System.Runtime.InteropServices;

namespace TorchSharp.Interop;

/// <summary>Checks the results of native calls in one place and turns recorded errors into exceptions.</summary>
internal static class Native
{
    /// <summary>Throws the pending native error of this thread, if there is one.</summary>
    internal static void CheckForErrors()
    {
        var message = NativeMethods.ts_last_error();
        if (message == IntPtr.Zero) return;
        var text = Marshal.PtrToStringUTF8(message) ?? "unknown libtorch error";
        NativeMethods.ts_clear_last_error();
        throw new TorchException(text.TrimEnd());
    }

    /// <summary>Validates a tensor-returning call and wraps the handle.</summary>
    internal static torch.Tensor Tensor(IntPtr handle)
    {
        if (handle == IntPtr.Zero)
        {
            CheckForErrors();
            throw new TorchException("libtorch returned no tensor and no error message");
        }
        return new torch.Tensor(handle);
    }

    /// <summary>Like <see cref="Tensor"/> but a null handle without an error means "no tensor".</summary>
    internal static torch.Tensor? OptionalTensor(IntPtr handle)
    {
        if (handle != IntPtr.Zero) return new torch.Tensor(handle);
        CheckForErrors();
        return null;
    }

    /// <summary>Validates a status-returning call (0 = success).</summary>
    internal static void Status(int status)
    {
        if (status != 0) CheckForErrors();
    }

    /// <summary>Validates a value-returning call where -1 signals an error.</summary>
    internal static T Value<T>(T value) where T : System.Numerics.INumber<T>
    {
        if (value == -T.One) CheckForErrors();
        return value;
    }

    /// <summary>Unpacks a native tensor list into tensors and frees the list.</summary>
    internal static torch.Tensor[] List(IntPtr list)
    {
        if (list == IntPtr.Zero)
        {
            CheckForErrors();
            throw new TorchException("libtorch returned no tensor list and no error message");
        }
        try
        {
            var count = Value(NativeMethods.ts_list_size(list));
            var result = new torch.Tensor[count];
            for (var i = 0; i < count; i++) result[i] = Tensor(NativeMethods.ts_list_get(list, i));
            return result;
        }
        finally
        {
            NativeMethods.ts_list_dispose(list);
        }
    }

    internal static sbyte Flag(bool value) => value ? (sbyte)1 : (sbyte)0;
}
