using TorchSharp.Interop;
using N = TorchSharp.Interop.NativeMethods;

namespace TorchSharp;

public static partial class torch
{
    // Comparison operators return tensors, as in TorchSharp. `==`/`!=` are defined against scalars only,
    // so that `tensor == null` keeps meaning reference equality; compare two tensors with eq()/ne().
    public partial class Tensor
    {
        public static Tensor operator +(Tensor left, Tensor right) => left.add(right);
        public static Tensor operator +(Tensor left, Scalar right) => left.add(right);
        public static Tensor operator +(Scalar left, Tensor right) => right.add(left);
        public static Tensor operator -(Tensor left, Tensor right) => left.sub(right);
        public static Tensor operator -(Tensor left, Scalar right) => left.sub(right);
        public static Tensor operator -(Scalar left, Tensor right) =>
            Native.Tensor(N.ts_rsub_scalar(right.Handle, left.Value, left.Integral));
        public static Tensor operator *(Tensor left, Tensor right) => left.mul(right);
        public static Tensor operator *(Tensor left, Scalar right) => left.mul(right);
        public static Tensor operator *(Scalar left, Tensor right) => right.mul(left);
        public static Tensor operator /(Tensor left, Tensor right) => left.div(right);
        public static Tensor operator /(Tensor left, Scalar right) => left.div(right);
        public static Tensor operator /(Scalar left, Tensor right) =>
            Native.Tensor(N.ts_rdiv_scalar(right.Handle, left.Value, left.Integral));
        public static Tensor operator %(Tensor left, Tensor right) => left.remainder(right);
        public static Tensor operator %(Tensor left, Scalar right) => left.remainder(right);
        public static Tensor operator -(Tensor operand) => operand.neg();
        public static Tensor operator ~(Tensor operand) => operand.logical_not();
        public static Tensor operator &(Tensor left, Tensor right) => left.logical_and(right);
        public static Tensor operator |(Tensor left, Tensor right) => left.logical_or(right);
        public static Tensor operator ^(Tensor left, Tensor right) => left.logical_xor(right);

        public static Tensor operator ==(Tensor left, Scalar right) => left.eq(right);
        public static Tensor operator !=(Tensor left, Scalar right) => left.ne(right);
        public static Tensor operator <(Tensor left, Tensor right) => left.lt(right);
        public static Tensor operator <(Tensor left, Scalar right) => left.lt(right);
        public static Tensor operator >(Tensor left, Tensor right) => left.gt(right);
        public static Tensor operator >(Tensor left, Scalar right) => left.gt(right);
        public static Tensor operator <=(Tensor left, Tensor right) => left.le(right);
        public static Tensor operator <=(Tensor left, Scalar right) => left.le(right);
        public static Tensor operator >=(Tensor left, Tensor right) => left.ge(right);
        public static Tensor operator >=(Tensor left, Scalar right) => left.ge(right);
    }

    /// <summary>scalar ** tensor.</summary>
    public static Tensor pow(Scalar self, Tensor exponent) =>
        Native.Tensor(N.ts_rpow_scalar(exponent.Handle, self.Value, self.Integral));
}
