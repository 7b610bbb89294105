using TorchSharp.Interop;

namespace TorchSharp;

public static partial class torch
{
    /// <summary>
    /// A random number generator: libtorch's default CPU generator (what <see cref="manual_seed"/> seeds and
    /// returns) or a private one that random factories and samplers take as <c>generator:</c>. CPU only.
    /// </summary>
    public sealed class Generator : IDisposable
    {
        private IntPtr handle;

        private Generator(IntPtr handle)
        {
            if (handle == IntPtr.Zero)
            {
                Native.CheckForErrors();
                throw new TorchException("libtorch returned no generator and no error message");
            }
            this.handle = handle;
        }

        /// <summary>A new generator of its own, seeded with <paramref name="seed"/>.</summary>
        public Generator(ulong seed = 0, Device? device = null) : this(New(seed, device)) { }

        private static IntPtr New(ulong seed, Device? device)
        {
            if (device is not null && device.type != DeviceType.CPU)
                throw new ArgumentException($"only CPU generators are supported, not {device}", nameof(device));
            return NativeMethods.ts_generator_new(seed);
        }

        /// <summary>The default CPU generator, which random functions use when given none.</summary>
        public static Generator Default => new(NativeMethods.ts_generator_default());

        public Device device => CPU;

        /// <summary>The native handle; throws if the generator was disposed.</summary>
        internal IntPtr Handle =>
            handle != IntPtr.Zero ? handle : throw new ObjectDisposedException(nameof(Generator), "the generator was used after it was disposed");

        public Generator manual_seed(long seed)
        {
            Native.Status(NativeMethods.ts_generator_manual_seed(Handle, seed));
            return this;
        }

        /// <summary>Reseeds from a non-deterministic source and returns the seed.</summary>
        public unsafe long seed()
        {
            long value;
            Native.Status(NativeMethods.ts_generator_seed(Handle, &value));
            return value;
        }

        /// <summary>The seed this generator was last seeded with.</summary>
        public unsafe long initial_seed()
        {
            long value;
            Native.Status(NativeMethods.ts_generator_initial_seed(Handle, &value));
            return value;
        }

        /// <summary>The generator's state as a uint8 tensor, for <see cref="set_state"/>.</summary>
        public Tensor get_state() => Native.Tensor(NativeMethods.ts_generator_get_state(Handle));

        public void set_state(Tensor value) => Native.Status(NativeMethods.ts_generator_set_state(Handle, value.Handle));

        public void Dispose()
        {
            Release();
            GC.SuppressFinalize(this);
        }

        ~Generator() => Release();

        private void Release()
        {
            var h = Interlocked.Exchange(ref handle, IntPtr.Zero);
            if (h != IntPtr.Zero) NativeMethods.ts_generator_dispose(h);
        }
    }

    /// <summary>
    /// Seeds the default random generators (CPU, and CUDA when present) and returns the CPU one: the same seed
    /// gives the same numbers.
    /// </summary>
    public static Generator manual_seed(long seed)
    {
        Native.Status(NativeMethods.ts_manual_seed(seed));
        if (cuda.is_available()) cuda.manual_seed_all(seed);
        return Generator.Default;
    }
}
