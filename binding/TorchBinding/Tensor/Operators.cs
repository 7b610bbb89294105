using System.Runtime.CompilerServices;
using TorchSharp.Interop;
using N = TorchSharp.Interop.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    // Comparison operators compare element-wise and return bool tensors, as in TorchSharp: `a == b` is a.eq(b).
    // So test a tensor for null with `is null`; `==` with a null operand throws. Equals and GetHashCode keep
    // reference semantics, so tensors still work as dictionary keys and in collections.
    public partial class Tensor
    {
        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        public static Tensor operator -(Scalar left, Tensor right) =>
            Native.Tensor(N.ts_rsub_scalar(right.Handle, left));
        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        public static Tensor operator /(Scalar left, Tensor right) =>
            Native.Tensor(N.ts_rdiv_scalar(right.Handle, left));
        public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
        public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
        public static Tensor operator -(Tensor operand) => operand.neg();
        public static Tensor operator ~(Tensor operand) => operand.logical_not();
        public static Tensor operator &(Tensor left, Tensor right) => left.logical_and(right);
        public static Tensor operator |(Tensor left, Tensor right) => left.logical_or(right);
        public static Tensor operator ^(Tensor left, Tensor right) => left.logical_xor(right);

        public static Tensor operator ==(Tensor left, Tensor right) => Operand(left, nameof(left)).eq(Operand(right, nameof(right)));
        public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
        public static Tensor operator ==(Scalar left, Tensor right) => right.eq(left);
        public static Tensor operator !=(Tensor left, Tensor right) => Operand(left, nameof(left)).ne(Operand(right, nameof(right)));
        public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
        public static Tensor operator !=(Scalar left, Tensor right) => right.ne(left);
        public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
        public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
        public static Tensor operator <(Scalar left, Tensor right) => right.gt(left);
        public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
        public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
        public static Tensor operator >(Scalar left, Tensor right) => right.lt(left);
        public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
        public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
        public static Tensor operator <=(Scalar left, Tensor right) => right.ge(left);
        public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
        public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
        public static Tensor operator >=(Scalar left, Tensor right) => right.le(left);

        private static Tensor Operand(Tensor? operand, string name) =>
            operand ?? throw new ArgumentNullException(name, "== and != compare tensors element-wise; test a tensor for null with `is null`");

        /// <summary>Reference equality: true only for this very object (<c>==</c> compares elements).</summary>
        public override bool Equals(object? obj) => ReferenceEquals(this, obj);

        public override int GetHashCode() => RuntimeHelpers.GetHashCode(this);
    }

    /// <summary>scalar ** tensor.</summary>
    public static Tensor pow(Scalar self, Tensor exponent) =>
        Native.Tensor(N.ts_rpow_scalar(exponent.Handle, self));
}
