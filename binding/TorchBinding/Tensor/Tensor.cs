using System.Runtime.InteropServices;
using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// A managed handle to one libtorch tensor. Every operation returns a new handle, so a caller may always
    /// dispose what it receives; a finalizer frees forgotten handles as a safety net.
    /// </summary>
    [TypeFormatterSource(typeof(TensorFormatterSource))]
    public partial class Tensor : IDisposable
    {
        private static long liveCount;
        private IntPtr handle;

        internal Tensor(IntPtr handle) : this(handle, registerInScope: true) { }

        private protected Tensor(IntPtr handle, bool registerInScope)
        {
            this.handle = handle;
            Interlocked.Increment(ref liveCount);
            if (registerInScope) DisposeScope.Register(this);
        }

        ~Tensor() => ReleaseHandle();

        internal static long LiveCount => Interlocked.Read(ref liveCount);

        internal DisposeScope? OwningScope { get; set; }

        /// <summary>The native handle; throws if the tensor was disposed.</summary>
        internal IntPtr Handle =>
            handle != IntPtr.Zero ? handle : throw new ObjectDisposedException("Tensor", "the tensor was used after it was disposed");

        public bool IsInvalid => handle == IntPtr.Zero;

        public void Dispose()
        {
            OwningScope?.Forget(this);
            OwningScope = null;
            ReleaseHandle();
            GC.SuppressFinalize(this);
        }

        private void ReleaseHandle()
        {
            var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
            if (h == IntPtr.Zero) return;
            NativeMethods.ts_tensor_dispose(h);
            Interlocked.Decrement(ref liveCount);
        }

        /// <summary>Hands this tensor to the scope outside its current one (or to no scope).</summary>
        public Tensor MoveToOuterDisposeScope()
        {
            var scope = OwningScope;
            if (scope is null) return this;
            scope.Forget(this);
            OwningScope = null;
            if (scope.Outer is not null) scope.Outer.Adopt(this);
            return this;
        }

        /// <summary>Takes this tensor out of scope management: the caller disposes it.</summary>
        public Tensor DetachFromDisposeScope()
        {
            OwningScope?.Forget(this);
            OwningScope = null;
            return this;
        }

        /// <summary>Moves this tensor into the given scope.</summary>
        public Tensor MoveToOtherDisposeScope(DisposeScope scope)
        {
            OwningScope?.Forget(this);
            scope.Adopt(this);
            return this;
        }

        // ---- metadata ----

        public unsafe long[] shape
        {
            get
            {
                Span<long> buffer = stackalloc long[16];
                int ndim;
                fixed (long* p = buffer) ndim = Native.Value(NativeMethods.ts_tensor_shape(Handle, p, buffer.Length));
                if (ndim <= buffer.Length) return buffer[..ndim].ToArray();
                var large = new long[ndim];
                fixed (long* p = large) Native.Value(NativeMethods.ts_tensor_shape(Handle, p, ndim));
                return large;
            }
        }

        public long size(int dim)
        {
            var dims = shape;
            var d = dim < 0 ? dim + dims.Length : dim;
            if (d < 0 || d >= dims.Length)
                throw new ArgumentOutOfRangeException(nameof(dim), dim, $"tensor of shape {ShapeString(dims)} has {dims.Length} dimensions");
            return dims[d];
        }

        public long[] size() => shape;

        public long ndim => Native.Value(NativeMethods.ts_tensor_ndim(Handle));

        public long Dimensions => ndim;

        public long numel() => Native.Value(NativeMethods.ts_tensor_numel(Handle));

        public long NumberOfElements => numel();

        public ScalarType dtype => (ScalarType)Native.Value(NativeMethods.ts_tensor_dtype(Handle));

        public Device device => new((DeviceType)Native.Value(NativeMethods.ts_tensor_device_type(Handle)),
                                    NativeMethods.ts_tensor_device_index(Handle));

        public DeviceType device_type => device.type;

        public bool is_contiguous() => Native.Value(NativeMethods.ts_tensor_is_contiguous(Handle)) == 1;

        public long element_size() => ElementSize(dtype);

        internal static string ShapeString(long[] dims) => "[" + string.Join(", ", dims) + "]";

        // ---- data out ----

        /// <summary>The value of a one-element tensor; T must match the dtype (float for float32, ...).</summary>
        public T item<T>() where T : unmanaged
        {
            var expected = ScalarTypeOf<T>();
            if (expected != dtype)
                throw new InvalidCastException($"item<{typeof(T).Name}>() needs a {expected} tensor but this one is {dtype}");
            return ReadItem<T>();
        }

        private T ReadItem<T>() where T : unmanaged
        {
            if (typeof(T) == typeof(long) || typeof(T) == typeof(int) || typeof(T) == typeof(short) ||
                typeof(T) == typeof(byte) || typeof(T) == typeof(sbyte) || typeof(T) == typeof(bool))
            {
                Native.Status(NativeMethods.ts_tensor_item_int64(Handle, out var integer));
                return typeof(T) == typeof(bool) ? (T)(object)(integer != 0) : (T)System.Convert.ChangeType(integer, typeof(T));
            }
            Native.Status(NativeMethods.ts_tensor_item(Handle, out var value));
            return (T)System.Convert.ChangeType(value, typeof(T));
        }

        public float ToSingle() => (float)ToDouble();

        public double ToDouble()
        {
            Native.Status(NativeMethods.ts_tensor_item(Handle, out var value));
            return value;
        }

        public long ToInt64()
        {
            Native.Status(NativeMethods.ts_tensor_item_int64(Handle, out var value));
            return value;
        }

        /// <summary>A copy of the elements in row-major order; T must match the dtype.</summary>
        public TensorAccessor<T> data<T>() where T : unmanaged => new(ToArray<T>());

        /// <summary>Copies the elements out in row-major order; T must match the dtype.</summary>
        public unsafe T[] ToArray<T>() where T : unmanaged
        {
            var expected = ScalarTypeOf<T>();
            if (expected != dtype)
                throw new InvalidCastException($"data<{typeof(T).Name}>() needs a {expected} tensor but this one is {dtype}; convert with .to({expected}) first");
            var result = new T[numel()];
            fixed (T* p = result)
                Native.Status(NativeMethods.ts_tensor_copy_to(Handle, p, (long)result.Length * sizeof(T)));
            return result;
        }
    }
}

/// <summary>A copy of a tensor's elements, as TorchSharp's <c>data&lt;T&gt;()</c> returns.</summary>
public sealed class TensorAccessor<T> : IDisposable, IEnumerable<T> where T : unmanaged
{
    private readonly T[] values;

    internal TensorAccessor(T[] values) => this.values = values;

    public long Count => values.Length;

    public T this[long index] => values[index];

    public T[] ToArray() => (T[])values.Clone();

    public void CopyTo(Span<T> destination) => values.CopyTo(destination);

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)values).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => values.GetEnumerator();

    public void Dispose() { }
}
