namespace TorchSharp;

public static partial class torch
{
    public static partial class nn
    {
        /// <summary>A module with one input. <c>call</c> runs <c>forward</c> and then the forward hooks.</summary>
        public abstract class Module<T, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T input);

            public TResult call(T input)
            {
                var output = forward(input);
                RunForwardHooks(input, output);
                return output;
            }
        }

        /// <summary>A module with two inputs (a loss: prediction and target).</summary>
        public abstract class Module<T1, T2, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2);

            public TResult call(T1 input1, T2 input2)
            {
                var output = forward(input1, input2);
                RunForwardHooks((input1, input2), output);
                return output;
            }
        }

        public abstract class Module<T1, T2, T3, TResult> : Module
        {
            protected Module(string name) : base(name) { }

            public abstract TResult forward(T1 input1, T2 input2, T3 input3);

            public TResult call(T1 input1, T2 input2, T3 input3)
            {
                var output = forward(input1, input2, input3);
                RunForwardHooks((input1, input2, input3), output);
                return output;
            }
        }
    }
}
